// The Ombudsman's decision on one enquiry (issue 11, item 3; RULES §16): which decision, when, and any remedy it
// asked of the council. Recorded once: a second decision is refused with 409 and the one recorded is shown.
// Complaints officers and managers only; anyone else, or an enquiry not on this complaint: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateInput, ErrorSummary, Radios, TextArea, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { OMBUDSMAN_DECISIONS, OMBUDSMAN_REMEDY_LIMIT, readDecisionForm } from "~/staff/ombudsman-enquiry";
import { decideOmbudsmanEnquiry, ombudsmanEnquiriesOf } from "~/staff/case-records.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:ombudsman.decisionTitle");

async function requireEnquiry(request: Request, params: { reference?: string; id?: string }) {
  const found = await requireComplaintToActOn(request, params.reference);
  const id = /^\d{1,15}$/.test(params.id ?? "") ? Number(params.id) : null;
  const enquiry = id === null ? undefined : (await ombudsmanEnquiriesOf(found.db, found.row.id)).find((candidate) => candidate.id === id);
  if (!enquiry) throw new Response("Not found", { status: 404 });
  return { ...found, enquiry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, enquiry } = await requireEnquiry(request, params);
  return { reference: row.reference, ombudsmanReference: enquiry.ombudsmanReference, decided: enquiry.decision, texts: textsFor("en", [...CHARACTER_COUNT_TEXTS, "errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row, enquiry } = await requireEnquiry(request, params);
  const posted = await readFormEntries(request);
  const values: Record<string, string> = {};
  for (const [name, value] of posted) values[name] = value.slice(0, OMBUDSMAN_REMEDY_LIMIT + 1000);
  if (enquiry.decision) return data({ errors: {}, values, alreadyDecided: enquiry.decision }, { status: 409 });
  const read = readDecisionForm(posted, enquiry.receivedOn, londonDateOf(new Date()));
  if (!read.ok) return data({ errors: read.errors, values, alreadyDecided: null }, { status: 400 });
  if (!(await decideOmbudsmanEnquiry(db, staff, row.id, enquiry.id, read.input))) {
    // Someone else recorded it in the meantime: show theirs.
    const now = (await ombudsmanEnquiriesOf(db, row.id)).find((candidate) => candidate.id === enquiry.id);
    return data({ errors: {}, values, alreadyDecided: now?.decision ?? null }, { status: 409 });
  }
  return redirect(`/staff/complaints/${row.reference}?done=ombudsman-decision`, 303);
}

export default function StaffOmbudsmanDecision() {
  const { reference, ombudsmanReference, decided } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const already = actionData?.alreadyDecided ?? decided;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:ombudsman.decisionTitle")}</h1>
        <p className="govuk-body">{t("staff:ombudsman.enquiryReference", { reference: ombudsmanReference })}</p>
        {already ? (
          <p className="govuk-body">
            {t("staff:ombudsman.alreadyDecided", { decision: t(`staff:ombudsman.decision.${already}`) })}{" "}
            <Link className="govuk-link" to={`/staff/complaints/${reference}`}>
              {reference}
            </Link>
          </p>
        ) : (
          <Form method="post" noValidate>
            <Radios name="decision" legend={t("staff:ombudsman.decisionLegend")} value={values.decision} error={errors.decision}
              options={OMBUDSMAN_DECISIONS.map((decision) => ({ value: decision, label: t(`staff:ombudsman.decision.${decision}`) }))} />
            <DateInput name="decidedOn" legend={t("staff:ombudsman.decidedOn")} hint={t("staff:ombudsman.dateHint")} values={values} error={errors.decidedOn} />
            <TextArea name="remedy" label={t("staff:ombudsman.remedy")} hint={t("staff:ombudsman.remedyHint")} value={values.remedy} error={errors.remedy} maxLength={OMBUDSMAN_REMEDY_LIMIT} rows={5} />
            <TextInput name="payment" label={t("staff:ombudsman.payment")} hint={t("staff:ombudsman.paymentHint")} value={values.payment} error={errors.payment} width={10} autoComplete="off" spellCheck={false} />
            <button type="submit" className="govuk-button">
              {t("staff:ombudsman.decisionButton")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
