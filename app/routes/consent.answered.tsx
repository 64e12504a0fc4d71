// What a person is told once they have answered (issue 10, item 3): agreed or declined, and what happens now.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { translatedTitle } from "~/components/page-title";
import { localeFor } from "~/i18n/locale.server";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "consent.answered.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const answer = new URL(request.url).searchParams.get("answer") === "decline" ? "decline" : "agree";
  return { answer, texts: textsFor(await localeFor(request), ["consent.answered"]) };
}

export default function ConsentAnswered() {
  const { answer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("consent.answered.title")}</h1>
        </div>
        <p className="govuk-body">{t(`consent.answered.${answer}`)}</p>
        <p className="govuk-body">{t("consent.answered.revoke")}</p>
      </div>
    </div>
  );
}
