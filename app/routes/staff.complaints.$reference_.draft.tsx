// An investigating officer or independent investigator drafts the stage response for a complaint assigned to them
// (issue 11, item 1); a complaints officer or manager finds the response form filled in with it, checks it and
// sends it. The draft must be a response that could be sent (the same checks); nothing reaches the complainant
// from here. Anyone else, or a complaint not assigned to them: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { complaintForStaff } from "~/cases/access.server";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { ErrorSummary } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { ResponseFields } from "~/components/response-fields";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import type { ComplaintStatus } from "~/rules/stage-machine";
import type { Pathway, Stage } from "~/rules/timescales";
import { actionsFor, draftsResponses } from "~/staff/casework";
import { responseDraftFor, saveResponseDraft } from "~/staff/response-drafts.server";
import { readResponseForm, responseFormFields } from "~/staff/response-form";
import { requireStaff } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:draft.title");

async function draftable(request: Request, reference: string | undefined) {
  const { db, staff } = await requireStaff(request);
  const row = draftsResponses(staff.role) ? await complaintForStaff(db, staff, reference ?? "") : null;
  if (!row) throw new Response("Not found", { status: 404 });
  const pathway = row.pathway as Pathway;
  const stage = row.stage as Stage;
  const available = actionsFor({ status: row.status as ComplaintStatus, pathway, stage }).includes("respond");
  return { db, staff, row, pathway, stage, available };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, row, stage, pathway, available } = await draftable(request, params.reference);
  const draft = available ? await responseDraftFor(db, row.id, stage) : null;
  return {
    reference: row.reference,
    stage,
    pathway,
    available,
    draft: draft ? { ...draft.fields, by: draft.by, on: formatIsoDate(londonDateOf(draft.draftedAt), "en-GB") } : null,
    texts: textsFor("en", [...Object.values(PATHWAY_TEXTS).map(([name]) => name), ...CHARACTER_COUNT_TEXTS, "errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row, stage, pathway, available } = await draftable(request, params.reference);
  const posted = await readFormEntries(request);
  const fields = responseFormFields(posted);
  if (!available) return data({ errors: {}, ...fields, refused: true }, { status: 409 });
  const read = readResponseForm(posted, pathway, stage, londonDateOf(new Date()));
  if (!read.ok) return data({ errors: read.errors, ...fields, refused: false }, { status: 400 });
  await saveResponseDraft(db, staff, row, fields);
  return redirect(`/staff/complaints/${row.reference}?done=drafted`, 303);
}

export default function StaffDraftResponse() {
  const { reference, stage, pathway, available, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? draft?.values ?? {};
  const remedies = actionData?.remedies ?? draft?.remedies ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t("staff:draft.title", { stage })}</h1>
        {!available || actionData?.refused ? (
          <p className="govuk-body">
            {t("staff:draft.notNow")}{" "}
            <Link className="govuk-link" to={`/staff/complaints/${reference}`}>
              {reference}
            </Link>
          </p>
        ) : (
          <Form method="post" noValidate>
            <p className="govuk-body">{t("staff:draft.intro", { pathway: t(PATHWAY_TEXTS[pathway][0]), stage })}</p>
            {draft ? <div className="govuk-inset-text">{t("staff:draft.saved", { by: draft.by, date: draft.on })}</div> : null}
            <ResponseFields values={values} remedies={remedies} errors={errors} />
            <button type="submit" className="govuk-button">
              {t("staff:draft.button")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
