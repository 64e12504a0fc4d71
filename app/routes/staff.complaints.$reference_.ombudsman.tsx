// The Ombudsman's enquiries about a complaint (issue 11, item 3; RULES §16): each one recorded when it comes, with
// the Ombudsman's reference, and its decision and remedy once made (the page after this). For the case page and
// the reports. Complaints officers and managers only; anyone else: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateInput, ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { OMBUDSMAN_REFERENCE_LIMIT, readEnquiryForm } from "~/staff/ombudsman-enquiry";
import { addOmbudsmanEnquiry } from "~/staff/case-records.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:ombudsman.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requireComplaintToActOn(request, params.reference);
  return { reference: row.reference, texts: textsFor("en", ["errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const posted = await readFormEntries(request);
  const read = readEnquiryForm(posted, londonDateOf(new Date()));
  if (!read.ok) {
    const values: Record<string, string> = { ombudsmanReference: (posted.get("ombudsmanReference") ?? "").slice(0, OMBUDSMAN_REFERENCE_LIMIT + 100) };
    for (const part of ["day", "month", "year"]) values[`receivedOn-${part}`] = (posted.get(`receivedOn-${part}`) ?? "").slice(0, 8);
    return data({ errors: read.errors, values }, { status: 400 });
  }
  await addOmbudsmanEnquiry(db, staff, row.id, read.input);
  return redirect(`/staff/complaints/${row.reference}?done=ombudsman`, 303);
}

export default function StaffOmbudsmanEnquiry() {
  const { reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:ombudsman.title")}</h1>
        <Form method="post" noValidate>
          <TextInput name="ombudsmanReference" label={t("staff:ombudsman.reference")} hint={t("staff:ombudsman.referenceHint")} value={values.ombudsmanReference} error={errors.ombudsmanReference} width={20} autoComplete="off" spellCheck={false} />
          <DateInput name="receivedOn" legend={t("staff:ombudsman.receivedOn")} hint={t("staff:ombudsman.dateHint")} values={values} error={errors.receivedOn} />
          <button type="submit" className="govuk-button">
            {t("staff:ombudsman.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
