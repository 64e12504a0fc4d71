// What staff do to a complaint, one thing per page (issue 11, item 3): accept it, acknowledge it, extend the time
// for the response, record the children's review panel, and respond. Each form carries its identity and the
// complaint's version: posted twice it records once; posted after someone else changed the complaint, or at a
// stage where it cannot be done, it is refused with 409 and nothing is written.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseChangeError, loadCase } from "~/cases/case-service.server";
import { formIdentity, refusal } from "~/cases/resident-actions.server";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { DateInput, ErrorSummary, Radios, Select, TextArea, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { mergeTexts } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { resourcesFor } from "~/i18n/resources.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { maxExtension } from "~/rules/extensions";
import type { ComplaintStatus } from "~/rules/stage-machine";
import { EXCLUSIONS } from "~/rules/eligibility";
import { PATHWAYS, type Pathway, type Stage } from "~/rules/timescales";
import { actionsFor, CASE_ACTIONS, maySendResponse, type CaseAction } from "~/staff/casework";
import { classificationOf } from "~/staff/case-records.server";
import { responseDraftFor } from "~/staff/response-drafts.server";
import { recordsConductOutcome } from "~/staff/classification";
import { acceptComplaint, acknowledgeComplaint, joinComplaint, decideLateRequest, endAtTriage, extendResponse, pendingLateRequest, recordPanel, respondToComplaint } from "~/staff/casework.server";
import {
  DECISION_REASON_LIMIT, EXTENSION_REASON_LIMIT, REASONS_LIMIT,
  readAcceptForm, readExtensionForm, readJoinForm, readLateDecisionForm, readResponseForm, readTriageEndingForm,
  type FormCheck, type FormErrors,
} from "~/staff/response-form";
import { requireComplaintToActOn } from "~/staff/staff-page.server";
import { ResponseFields } from "~/components/response-fields";

const UNDERSTANDING_LIMIT = 5000;
const OFFICER_LIMIT = 200;
/** The longest a posted field is kept to show again: a little over the longest field, so its error can be seen. */
const KEPT_LENGTH = REASONS_LIMIT + 1000;

export const meta: MetaFunction<typeof loader> = ({ matches, params, data: page }) =>
  translatedTitle(matches, `staff:action.${CASE_ACTIONS.includes(params.action as CaseAction) ? params.action : "accept"}.title`, { stage: page?.stage ?? 1 });

async function caseFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const action = CASE_ACTIONS.find((known) => known === params.action);
  if (!action) throw new Response("Not found", { status: 404 });
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  return { db, staff, row, action, stage: row.stage as Stage, pathway: row.pathway as Pathway };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, staff, row, action, stage, pathway } = await caseFor(request, params);
  const today = londonDateOf(new Date());
  const managerOnly = action === "respond" && !maySendResponse(staff.role, stage);
  // The extension page says when the response is due now and how much of the policy's limit is left (RULES §3).
  let extension: { dueOn: string | null; max: number | "agreed_date"; used: number } | null = null;
  if (action === "extend") {
    const progress = await loadCase(db, row.id, today);
    const record = progress?.progress.state.stages.at(-1);
    const due = progress?.progress.nextCouncilDue?.date;
    extension = { dueOn: due ? formatIsoDate(due, "en-GB") : null, max: maxExtension(pathway, stage), used: record?.extensionDays ?? 0 };
  }
  // The late request waiting for a decision (§14.4), shown on its decision page.
  let lateRequest: { on: string; reason: string; explanation: string; unresolved: string; outcomeWanted: string } | null = null;
  let lateRequestWaiting = false;
  if (action === "decide-late") {
    const pending = await pendingLateRequest(db, row.id, today);
    lateRequestWaiting = pending !== null;
    if (pending) lateRequest = { on: formatIsoDate(pending.date, "en-GB"), reason: pending.lateReason, explanation: pending.lateExplanation, unresolved: pending.unresolved, outcomeWanted: pending.outcomeWanted };
  }
  // §15.4: where staff conduct is a concern, the response page reminds the officer that its outcome is not told.
  const classification = action === "respond" ? await classificationOf(db, row.id) : null;
  // A response the assigned investigating officer drafted fills the form, to be checked before it is sent.
  const draft = action === "respond" ? await responseDraftFor(db, row.id, stage) : null;
  const payload = {
    draft: draft ? { ...draft.fields, by: draft.by, on: formatIsoDate(londonDateOf(draft.draftedAt), "en-GB") } : null,
    conductWarning: classification ? recordsConductOutcome(classification.categories) : false,
    reference: row.reference,
    pathway,
    stage,
    kind: action,
    version: row.version,
    formId: randomUUID(),
    available: actionsFor({ status: row.status as ComplaintStatus, pathway, stage, lateRequestWaiting }).includes(action),
    managerOnly,
    extension,
    lateRequest,
    texts: mergeTexts(
      textsFor("en", [...Object.values(PATHWAY_TEXTS).map(([name]) => name), ...CHARACTER_COUNT_TEXTS, "errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]),
      action === "not-accept" || action === "decide-late" ? { rules: { eligibility: { exclusion: rulesText("eligibility.exclusion") }, escalation: { lateReasons: rulesText("escalation.lateReasons") } } } : {},
    ),
  };
  return data(payload, { status: managerOnly ? 403 : 200 });
}

type Read = FormCheck<Record<string, unknown>>;

/** Texts from the rules' namespace the page needs (the exclusions' names, the reasons a request may be late). */
function rulesText(path: string) {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resourcesFor("en", ["rules"]).rules);
}

function required(form: URLSearchParams, name: string, max: number, missing: string, tooLong: string, errors: FormErrors): string {
  const value = (form.get(name) ?? "").trim();
  if (value === "") errors[name] = missing;
  else if (value.length > max) errors[name] = tooLong;
  return value;
}

/** The posted form, checked for the action: the values the case service records, or the errors by field. */
function readForm(action: CaseAction, form: URLSearchParams, pathway: Pathway, stage: Stage, today: IsoDate): Read {
  if (action === "respond") return readResponseForm(form, pathway, stage, today) as Read;
  if (action === "extend") return readExtensionForm(form, pathway, stage, today) as Read;
  if (action === "accept") return readAcceptForm(form, pathway) as Read;
  if (action === "resolve") return readTriageEndingForm(form, "resolved_informally") as Read;
  if (action === "join") return readJoinForm(form) as Read;
  if (action === "pass-on") return readTriageEndingForm(form, "service_request") as Read;
  if (action === "not-accept") return readTriageEndingForm(form, "not_accepted") as Read;
  if (action === "decide-late") return readLateDecisionForm(form) as Read;
  if (action !== "acknowledge") return { ok: true, input: {} };
  const errors: FormErrors = {};
  const understanding = required(form, "understanding", UNDERSTANDING_LIMIT, "staff:action.acknowledge.error.understanding", "staff:action.acknowledge.error.understandingTooLong", errors);
  const officer = required(form, "officer", OFFICER_LIMIT, "staff:action.acknowledge.error.officer", "staff:action.acknowledge.error.officerTooLong", errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { understanding, officer } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row, action, stage, pathway } = await caseFor(request, params);
  if (action === "respond" && !maySendResponse(staff.role, stage)) throw new Response("Forbidden", { status: 403 });
  const posted = await readFormEntries(request);
  const { formId, version } = formIdentity(posted);
  const today = londonDateOf(new Date());
  const values: Record<string, string> = {};
  for (const [name, value] of posted) if (name !== "remedies") values[name] = value.slice(0, KEPT_LENGTH);
  const remedies = posted.getAll("remedies");
  const read = readForm(action, posted, pathway, stage, today);
  if (!read.ok) return data({ errors: read.errors, values, remedies, refused: null }, { status: 400 });
  const form = { formId, version, today };
  const input = read.input as never;
  const late = action === "decide-late" ? await pendingLateRequest(db, row.id, today) : null;
  if (action === "decide-late" && !late) return data({ errors: {}, values, remedies, refused: "not_available" as const }, { status: 409 });
  const result =
    action === "accept" ? await acceptComplaint(db, staff, row, form, input)
    : action === "resolve" || action === "pass-on" || action === "not-accept" ? await endAtTriage(db, staff, row, form, input)
    : action === "join" ? await joinComplaint(db, staff, row, form, input)
    : action === "decide-late" ? await decideLateRequest(db, staff, row, form, late!, input)
    : action === "acknowledge" ? await acknowledgeComplaint(db, staff, row, form, input)
    : action === "extend" ? await extendResponse(db, staff, row, form, input)
    : action === "respond" ? await respondToComplaint(db, staff, row, form, input)
    : await recordPanel(db, staff, row, form, action === "panel-held" ? "panel_held" : "panel_reported");
  // §13.10: the complaint named cannot take this one (not found, not at Stage 1, another person's).
  if (typeof result === "string") return data({ errors: { joinedTo: `staff:action.join.error.${result}` }, values, remedies, refused: null }, { status: 400 });
  if (result instanceof CaseChangeError) {
    const refused = refusal(result);
    const why = result.ruleCode === "extension_refused" ? "extension_refused" : refused.refused;
    return data({ errors: {}, values, remedies, refused: why }, { status: refused.status });
  }
  return redirect(`/staff/complaints/${row.reference}?done=${action}`, 303);
}

export default function StaffCaseAction() {
  const { reference, pathway, stage, kind, version, formId, available, managerOnly, extension, lateRequest, conductWarning, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? draft?.values ?? {};
  const refused = actionData?.refused ?? (managerOnly ? "manager_only" : available ? null : "not_available");
  const pathwayName = t(PATHWAY_TEXTS[pathway][0]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${reference}`} className="govuk-back-link">
          {reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">{t(`staff:action.${kind}.title`, { stage })}</h1>
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
            <p className="govuk-body">{t(`staff:action.${kind}.intro`, { pathway: pathwayName, stage })}</p>
            {conductWarning ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong className="govuk-warning-text__text">{t("staff:conduct.respondWarning")}</strong>
              </div>
            ) : null}
            {kind === "acknowledge" ? (
              <>
                <TextArea name="understanding" label={t("staff:action.acknowledge.understanding")} hint={t("staff:action.acknowledge.understandingHint")} value={values.understanding} error={errors.understanding} maxLength={UNDERSTANDING_LIMIT} rows={8} />
                <TextInput name="officer" label={t("staff:action.acknowledge.officer")} hint={t("staff:action.acknowledge.officerHint")} value={values.officer} error={errors.officer} autoComplete="off" />
              </>
            ) : null}
            {kind === "accept" ? <AcceptFields suggested={pathway} values={values} errors={errors} /> : null}
            {kind === "resolve" || kind === "pass-on" ? (
              <TextArea name="reason" label={t(`staff:action.${kind}.reason`)} hint={t("staff:action.writtenAsIs")} value={values.reason} error={errors.reason} maxLength={DECISION_REASON_LIMIT} rows={6} />
            ) : null}
            {kind === "not-accept" ? <NotAcceptFields values={values} errors={errors} /> : null}
            {kind === "join" ? (
              <>
                <TextInput name="joinedTo" label={t("staff:action.join.joinedTo")} hint={t("staff:action.join.joinedToHint")} value={values.joinedTo} error={errors.joinedTo} width={20} autoComplete="off" spellCheck={false} />
                <TextArea name="reason" label={t("staff:action.join.reason")} hint={t("staff:action.writtenAsIs")} value={values.reason} error={errors.reason} maxLength={DECISION_REASON_LIMIT} rows={6} />
              </>
            ) : null}
            {kind === "decide-late" && lateRequest ? <LateDecisionFields request={lateRequest} values={values} errors={errors} /> : null}
            {kind === "extend" && extension ? <ExtensionFields extension={extension} values={values} errors={errors} pathwayName={pathwayName} stage={stage} /> : null}
            {kind === "respond" && draft ? <div className="govuk-inset-text">{t("staff:draft.fillsForm", { by: draft.by, date: draft.on })}</div> : null}
            {kind === "respond" ? <ResponseFields values={values} remedies={actionData?.remedies ?? draft?.remedies ?? []} errors={errors} /> : null}
            <button type="submit" className="govuk-button">
              {t(`staff:action.${kind}.button`)}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}

type Fields = Record<string, string>;

function ExtensionFields(props: { extension: { dueOn: string | null; max: number | "agreed_date"; used: number }; values: Fields; errors: Fields; pathwayName: string; stage: number }) {
  const { extension, values, errors, pathwayName, stage } = props;
  const { t } = useTranslation();
  return (
    <>
      {extension.dueOn ? <p className="govuk-body">{t("staff:action.extend.dueOn", { date: extension.dueOn })}</p> : null}
      {extension.max === "agreed_date" ? (
        <>
          <p className="govuk-body">{t("staff:action.extend.agreedDateRule")}</p>
          <DateInput name="agreedDate" legend={t("staff:action.extend.agreedDate")} hint={t("staff:action.extend.agreedDateHint")} values={values} error={errors.agreedDate} />
        </>
      ) : (
        <>
          <p className="govuk-body">{t("staff:action.extend.limit", { pathway: pathwayName, stage, count: extension.max, used: extension.used, left: Math.max(0, extension.max - extension.used) })}</p>
          <TextInput name="days" label={t("staff:action.extend.days")} hint={t("staff:action.extend.daysHint")} value={values.days} error={errors.days} inputMode="numeric" width={10} autoComplete="off" spellCheck={false} />
        </>
      )}
      <TextArea name="reason" label={t("staff:action.extend.reason")} hint={t("staff:action.extend.reasonHint")} value={values.reason} error={errors.reason} maxLength={EXTENSION_REASON_LIMIT} rows={6} />
    </>
  );
}


function AcceptFields({ suggested, values, errors }: { suggested: Pathway; values: Fields; errors: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <Radios name="pathway" legend={t("staff:action.accept.pathway")} value={values.pathway ?? suggested} error={errors.pathway}
        options={PATHWAYS.map((pathway) => ({ value: pathway, label: t(PATHWAY_TEXTS[pathway][0]), ...(pathway === suggested ? { hint: t("staff:action.accept.suggested") } : {}) }))} />
      <TextArea name="reason" label={t("staff:action.accept.reason")} hint={t("staff:action.accept.reasonHint")} value={values.reason} error={errors.reason} maxLength={DECISION_REASON_LIMIT} rows={4} />
    </>
  );
}

function NotAcceptFields({ values, errors }: { values: Fields; errors: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <Select name="exclusion" label={t("staff:action.not-accept.exclusion")} choose={t("staff:action.not-accept.choose")} value={values.exclusion} error={errors.exclusion}
        options={EXCLUSIONS.map((exclusion) => ({ value: exclusion, label: t(`rules:eligibility.exclusion.${exclusion}`) }))} />
      <TextArea name="reason" label={t("staff:action.not-accept.reason")} hint={t("staff:action.not-accept.reasonHint")} value={values.reason} error={errors.reason} maxLength={DECISION_REASON_LIMIT} rows={6} />
    </>
  );
}

function LateDecisionFields({ request, values, errors }: { request: { on: string; reason: string; explanation: string; unresolved: string; outcomeWanted: string }; values: Fields; errors: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="govuk-summary-list">
        {[
          [t("staff:action.decide-late.askedOn"), request.on],
          [t("staff:action.decide-late.why"), t(`rules:escalation.lateReasons.${request.reason}`)],
          [t("staff:action.decide-late.explanation"), request.explanation],
          [t("staff:action.decide-late.unresolved"), request.unresolved],
          [t("staff:action.decide-late.outcomeWanted"), request.outcomeWanted],
        ].map(([label, value]) => (
          <div key={label} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value council-resident-text" dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      <Radios name="decision" legend={t("staff:action.decide-late.decision")} value={values.decision} error={errors.decision}
        options={[
          { value: "accept", label: t("staff:action.decide-late.accept") },
          { value: "refuse", label: t("staff:action.decide-late.refuse") },
        ]} />
      <TextArea name="reason" label={t("staff:action.decide-late.reason")} hint={t("staff:action.writtenAsIs")} value={values.reason} error={errors.reason} maxLength={DECISION_REASON_LIMIT} rows={6} />
    </>
  );
}
