// Policy §18 (issue 11, item 3): limiting how someone may contact the council about a complaint — what is limited,
// why, a single point of contact and a review date — written to them in their language; and, at the review or
// before, lifting the limits. One set in force at a time. Complaints officers and managers only; anyone else: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes } from "~/components/checkboxes";
import { DateInput, ErrorSummary, TextArea, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { readLiftForm, readRestrictionForm, RESTRICTION_REASONS_LIMIT, RESTRICTIONS, REVIEW_WITHIN_MONTHS } from "~/staff/contact-restriction";
import { imposeRestriction, liftRestriction, restrictionInForce } from "~/staff/contact-restrictions.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:restriction.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, row } = await requireComplaintToActOn(request, params.reference);
  const current = await restrictionInForce(db, row.id);
  return {
    reference: row.reference,
    current: current
      ? { id: current.id, restrictions: current.restrictions, reasons: current.reasons, contactName: current.contactName, contactWay: current.contactWay, reviewOn: formatIsoDate(current.reviewOn, "en-GB") }
      : null,
    texts: textsFor("en", [...CHARACTER_COUNT_TEXTS, "errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const posted = await readFormEntries(request);
  const values: Record<string, string> = {};
  for (const [name, value] of posted) if (name !== "restrictions") values[name] = value.slice(0, RESTRICTION_REASONS_LIMIT + 1000);
  const chosen = posted.getAll("restrictions");
  if (posted.get("intent") === "lift") {
    const read = readLiftForm(posted);
    if (!read.ok) return data({ errors: read.errors, values, chosen, refused: null }, { status: 400 });
    const id = /^\d{1,15}$/.test(posted.get("restriction") ?? "") ? Number(posted.get("restriction")) : -1;
    if (!(await liftRestriction(db, staff, row, id, read.input.reasons))) return data({ errors: {}, values, chosen, refused: "lifted" as const }, { status: 409 });
    return redirect(`/staff/complaints/${row.reference}?done=restriction-lifted`, 303);
  }
  const read = readRestrictionForm(posted, londonDateOf(new Date()));
  if (!read.ok) return data({ errors: read.errors, values, chosen, refused: null }, { status: 400 });
  if (!(await imposeRestriction(db, staff, row, read.input))) return data({ errors: {}, values, chosen, refused: "in_force" as const }, { status: 409 });
  return redirect(`/staff/complaints/${row.reference}?done=restricted`, 303);
}

export default function StaffContactRestriction() {
  const { reference, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const refused = actionData?.refused ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:restriction.title")}</h1>
        {refused ? (
          <p className="govuk-body">
            {t(`staff:restriction.refused.${refused}`)}{" "}
            <Link className="govuk-link" to={`/staff/complaints/${reference}/restrict`}>
              {t("staff:restriction.lookAgain")}
            </Link>
          </p>
        ) : current ? (
          <>
            <p className="govuk-body">{t("staff:restriction.inForce", { date: current.reviewOn })}</p>
            <ul className="govuk-list govuk-list--bullet">
              {current.restrictions.map((restriction) => (
                <li key={restriction}>{t(`staff:restriction.kind.${restriction}`)}</li>
              ))}
            </ul>
            <p className="govuk-body">{t("staff:restriction.contactIs", { name: current.contactName, way: current.contactWay })}</p>
            <p className="govuk-body council-resident-text" dir="auto">{current.reasons}</p>
            <h2 className="govuk-heading-m">{t("staff:restriction.liftHeading")}</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="lift" />
              <input type="hidden" name="restriction" value={current.id} />
              <TextArea name="reasons" label={t("staff:restriction.liftReasons")} hint={t("staff:restriction.writtenAsIs")} value={values.reasons} error={errors.reasons} maxLength={RESTRICTION_REASONS_LIMIT} rows={5} />
              <button type="submit" className="govuk-button">
                {t("staff:restriction.liftButton")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t("staff:restriction.intro")}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="restrict" />
              <Checkboxes name="restrictions" legend={t("staff:restriction.restrictions")} hint={t("staff:restriction.restrictionsHint")} values={actionData?.chosen ?? []} error={errors.restrictions}
                options={RESTRICTIONS.map((restriction) => ({ value: restriction, label: t(`staff:restriction.kind.${restriction}`) }))} />
              <TextArea name="reasons" label={t("staff:restriction.reasons")} hint={t("staff:restriction.writtenAsIs")} value={values.reasons} error={errors.reasons} maxLength={RESTRICTION_REASONS_LIMIT} rows={6} />
              <TextInput name="contactName" label={t("staff:restriction.contactName")} value={values.contactName} error={errors.contactName} autoComplete="off" />
              <TextInput name="contactWay" label={t("staff:restriction.contactWay")} hint={t("staff:restriction.contactWayHint")} value={values.contactWay} error={errors.contactWay} autoComplete="off" />
              <DateInput name="reviewOn" legend={t("staff:restriction.reviewOn")} hint={t("staff:restriction.reviewOnHint", { count: REVIEW_WITHIN_MONTHS })} values={values} error={errors.reviewOn} />
              <button type="submit" className="govuk-button">
                {t("staff:restriction.button")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
