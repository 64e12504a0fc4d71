// §15.4: the outcome of looking into a member of staff's conduct is never told to the complainant. Recorded here,
// apart from the stage response the complainant reads, once staff conduct is one of the complaint's categories of
// concern. Complaints officers and managers only; anyone else: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Radios, TextArea } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { OUTCOMES } from "~/rules/stage-outcomes";
import { CONDUCT_NOTES_LIMIT, readConductForm, recordsConductOutcome } from "~/staff/classification";
import { classificationOf, recordConductOutcome } from "~/staff/case-records.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:conduct.title");

async function requireConductConcern(request: Request, reference: string | undefined) {
  const found = await requireComplaintToActOn(request, reference);
  const classification = await classificationOf(found.db, found.row.id);
  // Only a complaint classified as being about staff conduct has a conduct outcome; anything else: 404.
  if (!classification || !recordsConductOutcome(classification.categories)) throw new Response("Not found", { status: 404 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requireConductConcern(request, params.reference);
  return { reference: row.reference, texts: textsFor("en", CHARACTER_COUNT_TEXTS) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireConductConcern(request, params.reference);
  const posted = await readFormEntries(request);
  const read = readConductForm(posted);
  const values = { outcome: posted.get("outcome") ?? "", notes: (posted.get("notes") ?? "").slice(0, CONDUCT_NOTES_LIMIT + 1000) };
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  await recordConductOutcome(db, staff, row, read.input);
  return redirect(`/staff/complaints/${row.reference}?done=conduct`, 303);
}

export default function StaffConductOutcome() {
  const { reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:conduct.title")}</h1>
        <div className="govuk-inset-text">{t("staff:conduct.intro")}</div>
        <Form method="post" noValidate>
          <Radios name="outcome" legend={t("staff:conduct.outcome")} value={actionData?.values.outcome} error={errors.outcome}
            options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`staff:action.respond.outcomeName.${outcome}`) }))} />
          <TextArea name="notes" label={t("staff:conduct.notes")} value={actionData?.values.notes} error={errors.notes} maxLength={CONDUCT_NOTES_LIMIT} rows={8} />
          <button type="submit" className="govuk-button">
            {t("staff:conduct.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
