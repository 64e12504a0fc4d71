import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { languageFor } from "~/i18n/languages";
import { serverT } from "~/i18n/translate.server";
import { journeyContext, notYet } from "~/journey/journey.server";
import { acknowledgementSent, complaintForDraft, firstDueDates } from "~/models/complaints.server";
import { councilLinks } from "~/config/council-links";
import { formatIsoDate } from "~/rules/explanations";
import { textsFor } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "complaint.confirmation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await journeyContext(request);
  const complaintId = context.draft?.submittedComplaintId;
  if (!complaintId) notYet(context);
  const complaint = await complaintForDraft(context.db, complaintId);
  if (!complaint) notYet(context);
  const t = serverT(context.locale);
  const tag = languageFor(context.locale).tag;
  const { acknowledgeBy, responseBy, timeline } = firstDueDates(complaint.pathway, complaint.receivedOn);
  const explain = (id: string) => {
    const due = timeline.dueDates.find((date) => date.id === id);
    return due ? t(`rules:${due.explanation.key}`, due.explanation.params as Record<string, unknown>) : "";
  };
  return {
    reference: complaint.reference,
    pathway: complaint.pathway,
    acknowledgeBy: formatIsoDate(acknowledgeBy, tag),
    acknowledgeExplanation: explain("acknowledgeBy"),
    responseBy: formatIsoDate(responseBy, tag),
    // "We have emailed you" only once the email has gone; until then, "we will email you".
    email: complaint.email === "" ? "none" : (await acknowledgementSent(context.db, complaint.reference)) ? "sent" : "queued",
    // An anonymous complainant gave no way to reach them, so is not told "we may contact you" (policy §8).
    contactable: !complaint.anonymous,
    forSomeoneElse: complaint.forSomeoneElse,
    feedbackUrl: councilLinks().feedback,
    texts: textsFor(context.locale, ["complaint.confirmation", ...(complaint.forSomeoneElse ? ["account.waiting.meanwhile"] : [])]),
  };
}

export default function Confirmation() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("complaint.confirmation.title")}</h1>
          <div className="govuk-panel__body">
            {t("complaint.confirmation.reference")}
            <br />
            <strong dir="ltr">{data.reference}</strong>
          </div>
        </div>
        <p className="govuk-body">
          {data.email === "sent" ? t("complaint.confirmation.emailed") : data.email === "queued" ? t("complaint.confirmation.willEmail") : t("complaint.confirmation.keepReference")}
        </p>
        <h2 className="govuk-heading-m">{t("complaint.confirmation.nextHeading")}</h2>
        <p className="govuk-body">{t(`complaint.confirmation.process.${data.pathway}`)}</p>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("complaint.confirmation.acknowledgeBy")}</dt>
            <dd className="govuk-summary-list__value">
              <strong>{data.acknowledgeBy}</strong>
              <br />
              <span className="govuk-body-s">{data.acknowledgeExplanation}</span>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("complaint.confirmation.responseBy")}</dt>
            <dd className="govuk-summary-list__value">
              <strong>{data.responseBy}</strong>
              <br />
              {/* The rule's own explanation speaks of acknowledgement due dates; a resident needs only this. */}
              <span className="govuk-body-s">{t("complaint.confirmation.responseCounted")}</span>
            </dd>
          </div>
        </dl>
        <p className="govuk-body">{data.contactable ? t("complaint.confirmation.next") : t("complaint.confirmation.nextAnonymous")}</p>
        {/* Issue 10: made for someone else, the representative sees it once the person has given permission. */}
        {data.forSomeoneElse ? <p className="govuk-body">{t("account.waiting.meanwhile")}</p> : null}
        {/* Issue 9: an account is a verified email address, so only a complaint with one can be followed online. */}
        {data.email === "none" ? (
          <p className="govuk-body">{t("complaint.confirmation.notOnline")}</p>
        ) : (
          <p className="govuk-body">
            {t("complaint.confirmation.trackOnline")}{" "}
            <Link className="govuk-link" to="/sign-in">
              {t("accountNav.signIn")}
            </Link>
          </p>
        )}
        <h2 className="govuk-heading-m">{t("complaint.confirmation.helpHeading")}</h2>
        <p className="govuk-body">
          {t("complaint.confirmation.help")}{" "}
          <Link className="govuk-link" to="/contact">
            {t("footer.contact")}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t("complaint.confirmation.feedbackHeading")}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={data.feedbackUrl}>
            {t("complaint.confirmation.feedback")}
          </a>
        </p>
        <Form method="post" action="/complaint?index">
          <button type="submit" className="govuk-button govuk-button--secondary">
            {t("complaint.confirmation.another")}
          </button>
        </Form>
      </div>
    </div>
  );
}
