import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { clearDraftCookie } from "~/journey/drafts.server";
import { journeyContext, readForm } from "~/journey/journey.server";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.start.title");

export const loader = textsLoader(["complaint.start"]);

// "Start now": carries on with answers kept from before, or begins a new complaint once one has been sent.
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const context = await journeyContext(request);
  if (context.draft?.submittedComplaintId) {
    return redirect("/complaint/service", { status: 303, headers: { "Set-Cookie": await clearDraftCookie() } });
  }
  return redirect("/complaint/service", 303);
}

const ASKED = [
  "complaint.start.asked.service",
  "complaint.start.asked.what",
  "complaint.start.asked.outcome",
  "complaint.start.asked.contact",
  "complaint.start.asked.equality",
] as const;

export default function BeforeYouStart() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("complaint.start.title")}</h1>
        <p className="govuk-body">{t("complaint.start.intro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {ASKED.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p className="govuk-body">{t("complaint.start.time")}</p>
        <p className="govuk-body">{t("complaint.start.saved")}</p>
        <h2 className="govuk-heading-m">{t("complaint.start.nextHeading")}</h2>
        <p className="govuk-body">{t("complaint.start.next")}</p>
        <h2 className="govuk-heading-m">{t("complaint.start.helpHeading")}</h2>
        <p className="govuk-body">
          {t("complaint.start.help")}{" "}
          <Link className="govuk-link" to="/contact">
            {t("complaint.start.helpLink")}
          </Link>
        </p>
        <Form method="post">
          <button type="submit" className="govuk-button govuk-button--start">
            {t("complaint.start.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
