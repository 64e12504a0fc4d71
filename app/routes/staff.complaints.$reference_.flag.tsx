// Flagging a serious allegation (RULES §4, policy §8): what the complaint alleges and what the officer has done;
// every manager is emailed at once. Complaints officers and managers only; anyone else: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Radios, TextArea } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { FLAG_DETAILS_LIMIT, FLAG_KINDS } from "~/staff/flags";
import { flagSeriousAllegation } from "~/staff/flags.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:flag.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await requireComplaintToActOn(request, params.reference);
  return { reference: row.reference, texts: textsFor("en", CHARACTER_COUNT_TEXTS) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const posted = await readFormEntries(request);
  const values = { kind: posted.get("kind") ?? "", details: (posted.get("details") ?? "").slice(0, FLAG_DETAILS_LIMIT + 1000) };
  const kind = FLAG_KINDS.find((known) => known === values.kind);
  const details = values.details.trim();
  const errors: Record<string, string> = {};
  if (!kind) errors.kind = "staff:flag.error.kind";
  if (details === "") errors.details = "staff:flag.error.details";
  else if (details.length > FLAG_DETAILS_LIMIT) errors.details = "staff:flag.error.detailsTooLong";
  if (!kind || Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
  await flagSeriousAllegation(db, staff, row, { kind, details });
  return redirect(`/staff/complaints/${row.reference}?done=flagged`, 303);
}

export default function StaffFlag() {
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
        <h1 className="govuk-heading-l">{t("staff:flag.title")}</h1>
        <p className="govuk-body">{t("staff:flag.intro")}</p>
        <Form method="post" noValidate>
          <Radios name="kind" legend={t("staff:flag.kind")} value={actionData?.values.kind} error={errors.kind}
            options={FLAG_KINDS.map((kind) => ({ value: kind, label: t(`staff:flag.kindLabel.${kind}`) }))} />
          <TextArea name="details" label={t("staff:flag.details")} value={actionData?.values.details} error={errors.details} maxLength={FLAG_DETAILS_LIMIT} rows={6} />
          <button type="submit" className="govuk-button govuk-button--warning">
            {t("staff:flag.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
