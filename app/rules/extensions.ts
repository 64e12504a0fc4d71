// RULES §3 "Extensions": how far a stage response may be extended, and what the complainant is told.
import { isIsoDate, type IsoDate } from "./calendar-dates";
import { explanation, type Explanation } from "./explanations";
import { ombudsmanReferral } from "./ombudsman";
import { stageExists, stageTimescale, type Pathway, type Stage } from "./timescales";

export const EXTENSION_REFUSAL_CODES = [
  "beyond_maximum",
  "no_extension_at_stage",
  "agreed_date_required",
  "days_required",
  "invalid_days",
  "not_later",
  "reason_required",
  "stage_not_in_pathway",
] as const;
export type ExtensionRefusalCode = (typeof EXTENSION_REFUSAL_CODES)[number];

export interface ExtensionRefusal {
  readonly code: ExtensionRefusalCode;
  /** English, for logs and staff tools; residents see `explanation`. */
  readonly message: string;
  readonly explanation: Explanation;
}

export interface ExtensionRequest {
  readonly pathway: Pathway;
  readonly stage: Stage;
  /** Extra working days asked for (corporate, children's). */
  readonly days?: number;
  /** The new date agreed with the complainant (adults). */
  readonly agreedDate?: IsoDate;
  readonly reason?: string;
  /** Working days this stage has already been extended by. */
  readonly alreadyExtendedDays?: number;
  /** The response date in force before this extension (adults: an agreed date must be later). */
  readonly currentDueDate?: IsoDate;
}

export type ExtensionCheck =
  | { readonly ok: true; readonly totalDays: number }
  | { readonly ok: false; readonly refusal: ExtensionRefusal };

/** The most a stage may be extended: working days, or 'agreed_date' (adults), per RULES §3. */
export function maxExtension(pathway: Pathway, stage: Stage): number | "agreed_date" {
  return stageTimescale(pathway, stage).maxExtension;
}

function refuse(code: ExtensionRefusalCode, message: string, params: Record<string, string | number> = {}): ExtensionCheck {
  return { ok: false, refusal: { code, message, explanation: explanation(`extensions.refused.${code}`, params) } };
}

/** Whether an extension may be granted; an extension beyond the policy maximum is refused with a reason. */
export function checkExtension(request: ExtensionRequest): ExtensionCheck {
  const { pathway, stage } = request;
  if (!stageExists(pathway, stage)) {
    return refuse("stage_not_in_pathway", `the ${pathway} pathway has no stage ${stage}`, { pathway, stage });
  }
  // §13.11, §14.9, §21.6: the complainant must be told the reason for an extension.
  if (request.reason === undefined || request.reason.trim() === "") {
    return refuse("reason_required", "an extension needs a reason to give the complainant", { stage });
  }
  const max = maxExtension(pathway, stage);
  const already = request.alreadyExtendedDays ?? 0;

  if (max === "agreed_date") {
    // §23.6, Appendix C: adults' responses go beyond the 6-month limit only by a new date agreed with the complainant.
    if (request.agreedDate === undefined || !isIsoDate(request.agreedDate)) {
      return refuse(
        "agreed_date_required",
        `an adults' extension is a new response date agreed with the complainant, not a number of days`,
        { stage },
      );
    }
    if (request.currentDueDate !== undefined && request.agreedDate <= request.currentDueDate) {
      return refuse(
        "not_later",
        `the agreed date ${request.agreedDate} is not after the current response date ${request.currentDueDate}`,
        { agreedDate: request.agreedDate, currentDueDate: request.currentDueDate, stage },
      );
    }
    return { ok: true, totalDays: already };
  }

  if (max === 0) {
    // Appendix A, C: no extension of the Stage 3 review panel timescales.
    return refuse("no_extension_at_stage", `the ${pathway} pathway allows no extension at stage ${stage}`, { pathway, stage });
  }
  if (request.days === undefined) {
    return refuse("days_required", `a ${pathway} extension is a number of working days`, { stage });
  }
  if (!Number.isInteger(request.days) || request.days <= 0) {
    return refuse("invalid_days", `an extension must be a whole, positive number of working days (got ${request.days})`, {
      stage,
    });
  }
  const total = already + request.days;
  if (total > max) {
    // §13.11 (corporate S1 +10), §14.9 (corporate S2 +20), Appendix C (children's S1 +10, S2 +40).
    return refuse(
      "beyond_maximum",
      `an extension of ${request.days} working days at stage ${stage} would make ${total}, beyond the ${pathway} maximum of ${max}`,
      { pathway, stage, count: request.days, total, max, remaining: Math.max(0, max - already) },
    );
  }
  return { ok: true, totalDays: total };
}

export interface ExtensionNotice {
  /** §13.11, §14.9, §21.6, §23.6: the reason and the new date for the response. */
  readonly explanation: Explanation;
  /** §13.11, §14.9 (corporate): the right to take the decision to extend to the Ombudsman. */
  readonly ombudsman?: Explanation;
}

/** What the complainant must be told when a response is extended. */
export function extensionNotice(pathway: Pathway, stage: Stage, newDueDate: IsoDate, reason: string): ExtensionNotice {
  const notice = explanation("extensions.notice", { stage, date: newDueDate, reason });
  return pathway === "corporate" ? { explanation: notice, ombudsman: ombudsmanReferral("extension") } : { explanation: notice };
}
