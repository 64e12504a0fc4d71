import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { journeyContext } from "~/journey/journey.server";
import { complimentByReference } from "~/models/compliments.server";
import { findServiceArea } from "~/models/service-areas.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "compliment.thanks.title");

// The reference comes in the address the compliment form sends the resident to; a reference that is not a
// compliment's (typed, or an old link) shows the page without one.
export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await journeyContext(request);
  const compliment = await complimentByReference(db, new URL(request.url).searchParams.get("reference") ?? "");
  const area = compliment?.serviceAreaSlug ? await findServiceArea(db, compliment.serviceAreaSlug, locale) : null;
  return { reference: compliment?.reference ?? null, service: area?.name ?? null, texts: textsFor(locale, ["compliment.thanks"]) };
}

export default function ComplimentThanks() {
  const { reference, service } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("compliment.thanks.title")}</h1>
          {reference ? (
            <div className="govuk-panel__body">
              {t("compliment.thanks.reference")}
              <br />
              <strong dir="ltr">{reference}</strong>
            </div>
          ) : null}
        </div>
        {/* Said of the team only when the resident named the service; "Not sure" is passed to the right team. */}
        <p className="govuk-body">{service ? t("compliment.thanks.toTeam", { service }) : t("compliment.thanks.toRightTeam")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t("compliment.thanks.complainInstead")}
          </Link>
        </p>
      </div>
    </div>
  );
}
