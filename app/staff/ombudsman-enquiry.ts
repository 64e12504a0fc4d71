// The Local Government and Social Care Ombudsman's enquiries about a complaint (issue 11, item 3; RULES §7, §16):
// the council records each one when it comes and the Ombudsman's decision when it is made, with any remedy, so the
// case page shows it and the annual reports (issue 12) count them. Pure: the pages and the server share it.
import type { IsoDate } from "~/rules/calendar-dates";
import { dateParts, isoDateFromParts, PAYMENT_LIMIT_POUNDS, penceFrom } from "./response-form";

/** The Ombudsman's decisions as its annual review letters to councils count them. */
export const OMBUDSMAN_DECISIONS = [
  "upheld_with_injustice",
  "upheld_no_injustice",
  "not_upheld",
  "closed_after_initial_enquiries",
  "referred_back",
  "advice_given",
  "incomplete_or_invalid",
] as const;
export type OmbudsmanDecision = (typeof OMBUDSMAN_DECISIONS)[number];

export const OMBUDSMAN_REFERENCE_LIMIT = 40;
export const OMBUDSMAN_REMEDY_LIMIT = 5000;

export interface NewEnquiry {
  readonly ombudsmanReference: string;
  readonly receivedOn: IsoDate;
}

export interface EnquiryDecision {
  readonly decision: OmbudsmanDecision;
  readonly decidedOn: IsoDate;
  readonly remedy: string;
  readonly remedyPence: number | null;
}

type Check<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly errors: Record<string, string> };

/** A new enquiry: the Ombudsman's reference and the day it came, which cannot be in the future. */
export function readEnquiryForm(form: URLSearchParams, today: IsoDate): Check<NewEnquiry> {
  const ombudsmanReference = (form.get("ombudsmanReference") ?? "").trim();
  const parts = dateParts(form, "receivedOn");
  const receivedOn = isoDateFromParts(parts.day, parts.month, parts.year);
  const errors: Record<string, string> = {};
  if (ombudsmanReference === "") errors.ombudsmanReference = "staff:ombudsman.error.reference";
  else if (ombudsmanReference.length > OMBUDSMAN_REFERENCE_LIMIT) errors.ombudsmanReference = "staff:ombudsman.error.referenceTooLong";
  if (!receivedOn) errors.receivedOn = "staff:ombudsman.error.receivedOn";
  else if (receivedOn > today) errors.receivedOn = "staff:ombudsman.error.receivedOnFuture";
  return receivedOn && Object.keys(errors).length === 0 ? { ok: true, input: { ombudsmanReference, receivedOn } } : { ok: false, errors };
}

/** The Ombudsman's decision: which, when (not before the enquiry came, not in the future), and any remedy. */
export function readDecisionForm(form: URLSearchParams, receivedOn: IsoDate, today: IsoDate): Check<EnquiryDecision> {
  const decision = OMBUDSMAN_DECISIONS.find((known) => known === form.get("decision"));
  const parts = dateParts(form, "decidedOn");
  const decidedOn = isoDateFromParts(parts.day, parts.month, parts.year);
  const remedy = (form.get("remedy") ?? "").trim();
  const typedPayment = (form.get("payment") ?? "").trim();
  const remedyPence = typedPayment === "" ? null : penceFrom(typedPayment);
  const errors: Record<string, string> = {};
  if (!decision) errors.decision = "staff:ombudsman.error.decision";
  if (!decidedOn) errors.decidedOn = "staff:ombudsman.error.decidedOn";
  else if (decidedOn > today) errors.decidedOn = "staff:ombudsman.error.decidedOnFuture";
  else if (decidedOn < receivedOn) errors.decidedOn = "staff:ombudsman.error.decidedOnBeforeReceived";
  if (remedy.length > OMBUDSMAN_REMEDY_LIMIT) errors.remedy = "staff:ombudsman.error.remedyTooLong";
  if (typedPayment !== "" && (remedyPence === null || remedyPence <= 0 || remedyPence > PAYMENT_LIMIT_POUNDS * 100)) errors.payment = "staff:ombudsman.error.payment";
  return decision && decidedOn && Object.keys(errors).length === 0 ? { ok: true, input: { decision, decidedOn, remedy, remedyPence } } : { ok: false, errors };
}
