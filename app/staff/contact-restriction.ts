// Policy §18 (RULES §5): where someone pursues a complaint unreasonably — by behaving unacceptably, or by being
// unreasonably persistent in how often and how they make contact — the council may limit how they contact it, under
// its Unreasonable Complainant Actions policy. The complaint is still looked into. What is limited, a single point
// of contact and a date to review it are recorded and written to the person (issue 11, item 3). Pure.
import { addCalendarMonths, type IsoDate } from "~/rules/calendar-dates";
import { dateParts, isoDateFromParts } from "./response-form";

/** The limits the council may set (its Unreasonable Complainant Actions policy is not in the sources; these are the usual ones). */
export const RESTRICTIONS = ["single_point_of_contact", "written_only", "limited_frequency", "no_repeat_replies", "meetings_witnessed"] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

/** [interpretation] A restriction is reviewed within this many months (configurable; the policy gives no period). */
export const REVIEW_WITHIN_MONTHS = 6;
export const RESTRICTION_REASONS_LIMIT = 5000;
export const CONTACT_LIMIT = 200;

export interface NewRestriction {
  readonly restrictions: readonly Restriction[];
  readonly reasons: string;
  readonly contactName: string;
  readonly contactWay: string;
  readonly reviewOn: IsoDate;
}

type Check<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly errors: Record<string, string> };

export function readRestrictionForm(form: URLSearchParams, today: IsoDate): Check<NewRestriction> {
  const chosen = form.getAll("restrictions");
  const restrictions = RESTRICTIONS.filter((restriction) => chosen.includes(restriction));
  const reasons = (form.get("reasons") ?? "").trim();
  const contactName = (form.get("contactName") ?? "").trim().replace(/\s+/g, " ");
  const contactWay = (form.get("contactWay") ?? "").trim().replace(/\s+/g, " ");
  const parts = dateParts(form, "reviewOn");
  const reviewOn = isoDateFromParts(parts.day, parts.month, parts.year);
  const errors: Record<string, string> = {};
  if (restrictions.length === 0) errors.restrictions = "staff:restriction.error.restrictions";
  if (reasons === "") errors.reasons = "staff:restriction.error.reasons";
  else if (reasons.length > RESTRICTION_REASONS_LIMIT) errors.reasons = "staff:restriction.error.reasonsTooLong";
  if (contactName === "") errors.contactName = "staff:restriction.error.contactName";
  else if (contactName.length > CONTACT_LIMIT) errors.contactName = "staff:restriction.error.contactTooLong";
  if (contactWay === "") errors.contactWay = "staff:restriction.error.contactWay";
  else if (contactWay.length > CONTACT_LIMIT) errors.contactWay = "staff:restriction.error.contactTooLong";
  if (!reviewOn) errors.reviewOn = "staff:restriction.error.reviewOn";
  else if (reviewOn <= today) errors.reviewOn = "staff:restriction.error.reviewOnPast";
  else if (reviewOn > addCalendarMonths(today, REVIEW_WITHIN_MONTHS)) errors.reviewOn = "staff:restriction.error.reviewOnTooLate";
  return reviewOn && Object.keys(errors).length === 0 ? { ok: true, input: { restrictions, reasons, contactName, contactWay, reviewOn } } : { ok: false, errors };
}

/** Lifting a restriction (at its review or before): the reasons, as the person will read them. */
export function readLiftForm(form: URLSearchParams): Check<{ reasons: string }> {
  const reasons = (form.get("reasons") ?? "").trim();
  if (reasons === "") return { ok: false, errors: { reasons: "staff:restriction.error.liftReasons" } };
  if (reasons.length > RESTRICTION_REASONS_LIMIT) return { ok: false, errors: { reasons: "staff:restriction.error.reasonsTooLong" } };
  return { ok: true, input: { reasons } };
}
