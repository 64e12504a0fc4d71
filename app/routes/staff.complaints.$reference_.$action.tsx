// What staff do to a complaint, one thing per page (issue 11, item 3): accept it, acknowledge it, respond to it.
// Each form carries its identity and the complaint's version: posted twice it records once; posted after someone
// else changed the complaint, or at a stage where it cannot be done, it is refused with 409 and nothing is written.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod/mini";
import { complaintForStaff, type ComplaintRow } from "~/cases/access.server";
import { CaseChangeError } from "~/cases/case-service.server";
import { formIdentity, refusal } from "~/cases/resident-actions.server";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { ErrorSummary, Radios, TextArea, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import type { ComplaintStatus } from "~/rules/stage-machine";
import { OUTCOMES } from "~/rules/stage-outcomes";
import { actionsFor, CASE_ACTIONS, type CaseAction } from "~/staff/casework";
import { acceptComplaint, acknowledgeComplaint, respondToComplaint } from "~/staff/casework.server";
import { requireStaff } from "~/staff/staff-page.server";

const UNDERSTANDING_LIMIT = 5000;
const OFFICER_LIMIT = 200;
const REASONS_LIMIT = 20_000;

const required = (max: number, missing: string, tooLong: string) =>
  z.string().check(z.trim(), z.minLength(1, { error: missing }), z.maxLength(max, { error: tooLong }));

const SCHEMAS = {
  accept: z.object({}),
  acknowledge: z.object({
    understanding: required(UNDERSTANDING_LIMIT, "staff:action.acknowledge.error.understanding", "staff:action.acknowledge.error.understandingTooLong"),
    officer: required(OFFICER_LIMIT, "staff:action.acknowledge.error.officer", "staff:action.acknowledge.error.officerTooLong"),
  }),
  respond: z.object({
    outcome: z.enum(OUTCOMES, { error: "staff:action.respond.error.outcome" }),
    reasons: required(REASONS_LIMIT, "staff:action.respond.error.reasons", "staff:action.respond.error.reasonsTooLong"),
  }),
} as const;

export const meta: MetaFunction = ({ matches, params }) => translatedTitle(matches, `staff:action.${CASE_ACTIONS.includes(params.action as CaseAction) ? params.action : "accept"}.title`);

async function caseFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const action = CASE_ACTIONS.find((known) => known === params.action);
  const { db, staff } = await requireStaff(request);
  const row = action ? await complaintForStaff(db, staff.role, params.reference ?? "") : null;
  if (!action || !row) throw new Response("Not found", { status: 404 });
  return { db, staff, row, action };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, action } = await caseFor(request, params);
  return {
    reference: row.reference,
    pathway: row.pathway,
    kind: action,
    version: row.version,
    formId: randomUUID(),
    available: actionsFor(row.status as ComplaintStatus).includes(action),
    texts: textsFor("en", [...Object.values(PATHWAY_TEXTS).map(([name]) => name), ...CHARACTER_COUNT_TEXTS]),
  };
}

function run(action: CaseAction, ...args: Parameters<typeof acceptComplaint>) {
  return (values: Record<string, string>) => {
    if (action === "acknowledge") return acknowledgeComplaint(...args, values as { understanding: string; officer: string });
    if (action === "respond") return respondToComplaint(...args, values as { outcome: (typeof OUTCOMES)[number]; reasons: string });
    return acceptComplaint(...args);
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row, action } = await caseFor(request, params);
  const posted = await readFormEntries(request);
  const { formId, version } = formIdentity(posted);
  const values = Object.fromEntries(["understanding", "officer", "outcome", "reasons"].map((name) => [name, (posted.get(name) ?? "").slice(0, REASONS_LIMIT + 1000)]));
  const parsed = SCHEMAS[action].safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    return data({ errors, values, refused: null }, { status: 400 });
  }
  const result = await run(action, db, staff, row as ComplaintRow, { formId, version, today: londonDateOf(new Date()) })(parsed.data as Record<string, string>);
  if (result instanceof CaseChangeError) {
    const refused = refusal(result);
    return data({ errors: {}, values, refused: refused.refused }, { status: refused.status });
  }
  return redirect(`/staff/complaints/${row.reference}?done=${action}`, 303);
}

export default function StaffCaseAction() {
  const { reference, pathway, kind, version, formId, available } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const refused = actionData?.refused ?? (available ? null : "not_available");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t(`staff:action.${kind}.title`)}</h1>
        {refused ? (
          <p className="govuk-body">
            {t(`staff:action.refused.${refused}`)}{" "}
            <Link className="govuk-link" to={`/staff/complaints/${reference}`}>
              {reference}
            </Link>
          </p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="version" value={version} />
            <p className="govuk-body">{t(`staff:action.${kind}.intro`, { pathway: t(PATHWAY_TEXTS[pathway as keyof typeof PATHWAY_TEXTS][0]) })}</p>
            {kind === "acknowledge" ? (
              <>
                <TextArea name="understanding" label={t("staff:action.acknowledge.understanding")} hint={t("staff:action.acknowledge.understandingHint")} value={values.understanding} error={errors.understanding} maxLength={UNDERSTANDING_LIMIT} rows={8} />
                <TextInput name="officer" label={t("staff:action.acknowledge.officer")} hint={t("staff:action.acknowledge.officerHint")} value={values.officer} error={errors.officer} autoComplete="off" />
              </>
            ) : null}
            {kind === "respond" ? (
              <>
                <Radios name="outcome" legend={t("staff:action.respond.outcome")} value={values.outcome} error={errors.outcome}
                  options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`staff:action.respond.outcomeName.${outcome}`) }))} />
                <TextArea name="reasons" label={t("staff:action.respond.reasons")} hint={t("staff:action.respond.reasonsHint")} value={values.reasons} error={errors.reasons} maxLength={REASONS_LIMIT} rows={12} />
              </>
            ) : null}
            <button type="submit" className="govuk-button">
              {t(`staff:action.${kind}.button`)}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
