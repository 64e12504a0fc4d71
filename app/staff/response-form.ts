// The staff forms that carry more than a few words (issue 11, item 3): a stage response with its remedy (RULES §7,
// §13.13–13.17, §15), an extension with its reason (RULES §3), the triage decisions (RULES §7) and the decision on a
// late request for Stage 2 (§14.3–14.4). Pure: the route reads the posted form, these
// check it and give back what the case service records, or the errors the page shows by field.
import { asciiDigits } from "~/forms/digits";
import { isIsoDate, type IsoDate } from "~/rules/calendar-dates";
import { maxExtension } from "~/rules/extensions";
import { isOutcome, REMEDIES, responseRequirements, type Outcome, type Remedy } from "~/rules/stage-outcomes";
import { EXCLUSIONS, type Exclusion } from "~/rules/eligibility";
import { PATHWAYS, type Pathway, type Stage } from "~/rules/timescales";

export const REASONS_LIMIT = 20_000;
export const APOLOGY_LIMIT = 5000;
export const ACTION_LIMIT = 1000;
export const EXTENSION_REASON_LIMIT = 5000;
/** How many actions with completion dates one response form offers; each is optional. */
export const ACTION_ROWS = 3;
/** The largest payment the form takes, in pounds: anything larger is a typing slip, not a remedy. */
export const PAYMENT_LIMIT_POUNDS = 100_000;

export interface ResponseAction {
  readonly what: string;
  readonly by: IsoDate;
}

export interface ResponseInput {
  readonly outcome: Outcome;
  readonly reasons: string;
  /** §13.17: the apology, in the officer's words, when the complaint is upheld fully or partly. */
  readonly apology?: string;
  /** §15.1: how things are put right. */
  readonly remedies: readonly Remedy[];
  /** §15: a symbolic or financial payment, in pence. */
  readonly paymentPence?: number;
  /** §13.17: actions still to be taken, each with its completion date. */
  readonly actions: readonly ResponseAction[];
}

export type FormErrors = Record<string, string>;
export type FormCheck<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly errors: FormErrors };

const trimmed = (value: string | null | undefined) => (value ?? "").trim();

/** Pounds as people type them (£1,250.50, 40, 12.5) to pence; null when it is not an amount. */
export function penceFrom(typed: string): number | null {
  const text = asciiDigits(typed).replace(/\s+/g, "").replace(/^£/, "");
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const pounds = Number(match[1]!.replace(/,/g, ""));
  const pence = Number((match[2] ?? "0").padEnd(2, "0"));
  return pounds * 100 + pence;
}

/** A date typed in GOV.UK's three boxes, which must be a real date; null when it is not one. */
export function isoDateFromParts(day: string, month: string, year: string): IsoDate | null {
  const [d, m, y] = [day, month, year].map((part) => asciiDigits(part).trim());
  if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return null;
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  return isIsoDate(iso) ? (iso as IsoDate) : null;
}

/** The three boxes of a date field, as posted. */
export function dateParts(form: URLSearchParams, name: string) {
  return { day: form.get(`${name}-day`) ?? "", month: form.get(`${name}-month`) ?? "", year: form.get(`${name}-year`) ?? "" };
}

/** The response form: the outcome and reasons always; for an upheld complaint the apology and remedy (§13.17). */
export function readResponseForm(form: URLSearchParams, pathway: Pathway, stage: Stage, today: IsoDate): FormCheck<ResponseInput> {
  const errors: FormErrors = {};
  const outcome = form.get("outcome") ?? "";
  const reasons = trimmed(form.get("reasons"));
  const apology = trimmed(form.get("apology"));
  const remedies = REMEDIES.filter((remedy) => form.getAll("remedies").includes(remedy));
  if (!isOutcome(outcome)) errors.outcome = "staff:action.respond.error.outcome";
  if (reasons === "") errors.reasons = "staff:action.respond.error.reasons";
  else if (reasons.length > REASONS_LIMIT) errors.reasons = "staff:action.respond.error.reasonsTooLong";
  if (apology.length > APOLOGY_LIMIT) errors.apology = "staff:action.respond.error.apologyTooLong";

  const required = isOutcome(outcome) ? responseRequirements(pathway, stage, outcome) : null;
  if (required?.apology && apology === "") errors.apology = "staff:action.respond.error.apology";
  if (required?.remedyAndActionsWithDates && remedies.length === 0) errors.remedies = "staff:action.respond.error.remedies";

  let paymentPence: number | undefined;
  const typedPayment = trimmed(form.get("payment"));
  if (remedies.includes("payment")) {
    const pence = typedPayment === "" ? null : penceFrom(typedPayment);
    if (typedPayment === "") errors.payment = "staff:action.respond.error.payment";
    else if (pence === null || pence === 0) errors.payment = "staff:action.respond.error.paymentInvalid";
    else if (pence > PAYMENT_LIMIT_POUNDS * 100) errors.payment = "staff:action.respond.error.paymentTooLarge";
    else paymentPence = pence;
  } else if (typedPayment !== "") {
    errors.payment = "staff:action.respond.error.paymentWithoutRemedy";
  }

  const actions: ResponseAction[] = [];
  for (let row = 1; row <= ACTION_ROWS; row++) {
    const what = trimmed(form.get(`action${row}`));
    const parts = dateParts(form, `action${row}By`);
    const typedDate = [parts.day, parts.month, parts.year].some((part) => part.trim() !== "");
    if (what === "" && !typedDate) continue;
    if (what === "") errors[`action${row}`] = "staff:action.respond.error.actionWhat";
    else if (what.length > ACTION_LIMIT) errors[`action${row}`] = "staff:action.respond.error.actionTooLong";
    const by = typedDate ? isoDateFromParts(parts.day, parts.month, parts.year) : null;
    if (!typedDate) errors[`action${row}By`] = "staff:action.respond.error.actionDate";
    else if (by === null) errors[`action${row}By`] = "staff:action.respond.error.actionDateInvalid";
    else if (by < today) errors[`action${row}By`] = "staff:action.respond.error.actionDatePast";
    if (what !== "" && by !== null && by >= today && what.length <= ACTION_LIMIT) actions.push({ what, by });
  }
  // An action promised on a complaint not upheld is still recorded: §13.17 asks for actions when upheld, but
  // nothing stops a council doing more.
  if (Object.keys(errors).length > 0 || !isOutcome(outcome)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      outcome,
      reasons,
      ...(apology ? { apology } : {}),
      remedies,
      ...(paymentPence !== undefined ? { paymentPence } : {}),
      actions,
    },
  };
}

export type ExtensionInput = { readonly reason: string } & ({ readonly days: number } | { readonly agreedDate: IsoDate });

/**
 * The extension form (RULES §3): the reason the person is told, and either the extra working days (corporate,
 * children's) or the new response date agreed with the person (adults, §23.6). Whether it fits the policy's limit is
 * the stage machine's question, asked again by the case service; this checks only what was typed.
 */
export function readExtensionForm(form: URLSearchParams, pathway: Pathway, stage: Stage, today: IsoDate): FormCheck<ExtensionInput> {
  const errors: FormErrors = {};
  const reason = trimmed(form.get("reason"));
  if (reason === "") errors.reason = "staff:action.extend.error.reason";
  else if (reason.length > EXTENSION_REASON_LIMIT) errors.reason = "staff:action.extend.error.reasonTooLong";
  if (maxExtension(pathway, stage) === "agreed_date") {
    const parts = dateParts(form, "agreedDate");
    const typed = [parts.day, parts.month, parts.year].some((part) => part.trim() !== "");
    const agreedDate = typed ? isoDateFromParts(parts.day, parts.month, parts.year) : null;
    if (!typed) errors.agreedDate = "staff:action.extend.error.agreedDate";
    else if (agreedDate === null) errors.agreedDate = "staff:action.extend.error.agreedDateInvalid";
    else if (agreedDate <= today) errors.agreedDate = "staff:action.extend.error.agreedDatePast";
    if (Object.keys(errors).length > 0 || agreedDate === null) return { ok: false, errors };
    return { ok: true, input: { reason, agreedDate } };
  }
  const typedDays = asciiDigits(trimmed(form.get("days")));
  const days = /^\d{1,3}$/.test(typedDays) ? Number(typedDays) : NaN;
  if (typedDays === "") errors.days = "staff:action.extend.error.days";
  else if (!Number.isInteger(days) || days < 1) errors.days = "staff:action.extend.error.daysInvalid";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { reason, days } };
}


/** How long the officer's words to the person may be, on the triage and late-request decisions. */
export const DECISION_REASON_LIMIT = 5000;

function decisionReason(form: URLSearchParams, errors: FormErrors, missing: string): string {
  const reason = trimmed(form.get("reason"));
  if (reason === "") errors.reason = missing;
  else if (reason.length > DECISION_REASON_LIMIT) errors.reason = "staff:action.error.reasonTooLong";
  return reason;
}

/**
 * Accepting at triage (RULES §7): on the suggested pathway, or another with the reason the person is told
 * (RULES §2, §12.4).
 */
export function readAcceptForm(form: URLSearchParams, suggested: Pathway): FormCheck<{ pathway: Pathway; reason?: string }> {
  const errors: FormErrors = {};
  const pathway = PATHWAYS.find((known) => known === (form.get("pathway") ?? suggested));
  if (!pathway) return { ok: false, errors: { pathway: "staff:action.accept.error.pathway" } };
  if (pathway === suggested) return { ok: true, input: { pathway } };
  const reason = decisionReason(form, errors, "staff:action.accept.error.reason");
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { pathway, reason } };
}

/** Resolved informally or passed on as a service request (RULES §7): what was done, in the officer's words. */
export function readTriageEndingForm(form: URLSearchParams, outcome: "resolved_informally" | "service_request" | "not_accepted"): FormCheck<TriageEndingInput> {
  const errors: FormErrors = {};
  const exclusion = EXCLUSIONS.find((known) => known === form.get("exclusion"));
  // §6.5: a complaint not accepted names the exclusion that applies.
  if (outcome === "not_accepted" && !exclusion) errors.exclusion = "staff:action.not-accept.error.exclusion";
  const reason = decisionReason(form, errors, `staff:action.${outcome === "resolved_informally" ? "resolve" : outcome === "service_request" ? "pass-on" : "not-accept"}.error.reason`);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (outcome === "not_accepted") return { ok: true, input: { outcome, exclusion: exclusion!, reason } };
  return { ok: true, input: { outcome, reason } };
}

export type TriageEndingInput =
  | { outcome: "resolved_informally"; reason: string }
  | { outcome: "service_request"; reason: string }
  | { outcome: "not_accepted"; exclusion: Exclusion; reason: string };

/** §13.10: the reference of the person's Stage 1 complaint this one joins, and why, in the officer's words. */
export function readJoinForm(form: URLSearchParams): FormCheck<{ joinedTo: string; reason: string }> {
  const errors: FormErrors = {};
  const joinedTo = asciiDigits(form.get("joinedTo") ?? "").trim().toUpperCase();
  if (joinedTo === "") errors.joinedTo = "staff:action.join.error.joinedTo";
  else if (!/^CCC-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(joinedTo)) errors.joinedTo = "staff:action.join.error.joinedToFormat";
  const reason = decisionReason(form, errors, "staff:action.join.error.reason");
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { joinedTo, reason } };
}

/** §14.3–14.4: the decision on a late request for Stage 2, and the reason the person is told. */
export function readLateDecisionForm(form: URLSearchParams): FormCheck<{ accept: boolean; reason: string }> {
  const errors: FormErrors = {};
  const decision = form.get("decision");
  if (decision !== "accept" && decision !== "refuse") errors.decision = "staff:action.decide-late.error.decision";
  const reason = decisionReason(form, errors, "staff:action.decide-late.error.reason");
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { accept: decision === "accept", reason } };
}

/** The response form's own fields as posted (each cut to its limit), to keep as a draft and fill the form again. */
export function responseFormFields(form: URLSearchParams): { values: Record<string, string>; remedies: string[] } {
  const limits: Record<string, number> = { outcome: 40, reasons: REASONS_LIMIT, apology: APOLOGY_LIMIT, payment: 40 };
  for (let row = 1; row <= ACTION_ROWS; row += 1) {
    limits[`action${row}`] = ACTION_LIMIT;
    for (const part of ["day", "month", "year"]) limits[`action${row}By-${part}`] = 8;
  }
  const values: Record<string, string> = {};
  for (const [name, limit] of Object.entries(limits)) {
    const value = form.get(name);
    if (value !== null && value !== "") values[name] = value.slice(0, limit);
  }
  return { values, remedies: REMEDIES.filter((remedy) => form.getAll("remedies").includes(remedy)) };
}
