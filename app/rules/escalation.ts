// RULES §7 "Escalation to the next stage": the window to ask for the next stage, late corporate requests
// (§14.4) and the Ombudsman after the final stage.
import { addCalendarMonths, toDayNumber, type IsoDate } from "./calendar-dates";
import { explanation, workingDaysExplanation, type Explanation } from "./explanations";
import { ombudsmanReferral } from "./ombudsman";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "./rules-config";
import { finalStage, stageTimescale, type Pathway, type Stage } from "./timescales";
import { calendarFor, isoOfDayNumber, type WorkingCalendar } from "./working-days";

/** §14.5: grounds a person gives for asking for the next stage. */
export const ESCALATION_GROUNDS = [
  "information_not_considered",
  "procedure_not_followed",
  "policy_misinterpreted",
  "dissatisfied_with_outcome",
  "dissatisfied_with_handling",
] as const;
export type EscalationGround = (typeof ESCALATION_GROUNDS)[number];

/** §14.4: when a late corporate Stage 2 request may be accepted. */
export const LATE_ESCALATION_REASONS = ["same_issues_recurred", "agreed_action_delayed_or_not_taken"] as const;
export type LateEscalationReason = (typeof LATE_ESCALATION_REASONS)[number];

export interface RulesOptions {
  readonly config?: RulesConfig;
  readonly calendar?: WorkingCalendar;
}

function configOf(options: RulesOptions): RulesConfig {
  return options.config ?? DEFAULT_RULES_CONFIG;
}

function calendarOf(options: RulesOptions): WorkingCalendar {
  return options.calendar ?? calendarFor(configOf(options));
}

export interface EscalationWindow {
  readonly fromStage: Stage;
  readonly nextStage: Stage;
  readonly respondedOn: IsoDate;
  /** §14.2, §21.1, §22.3: the last day to ask for the next stage. */
  readonly requestBy: IsoDate;
  readonly requestByExplanation: Explanation;
  /** §14.4 (corporate): late requests up to six calendar months after the Stage 1 response, staff decide. */
  readonly lateRequestBy?: IsoDate;
  readonly lateRequestByExplanation?: Explanation;
}

/**
 * RULES §1 [interpretation]: a limit in calendar months — same day N months later, clamped to the month's
 * end, and by default not moved to a working day.
 */
export function calendarMonthsLimit(
  from: IsoDate,
  months: number,
  stage: Stage,
  calendar: WorkingCalendar,
  config: RulesConfig,
): { date: IsoDate; explanation: Explanation } {
  const limit = addCalendarMonths(from, months);
  const moved = config.calendarLimitOnNonWorkingDay === "next_working_day";
  const date = moved ? calendar.nextWorkingDayOnOrAfter(limit) : limit;
  const params: Record<string, string | number> = { count: months, from, stage };
  if (moved) params.context = "moved";
  return { date, explanation: explanation("timeline.due.calendarMonthsAfterResponse", params) };
}

/** The window for asking for the stage after `respondedStage`, or undefined after the final stage. */
export function escalationWindow(
  pathway: Pathway,
  respondedStage: Stage,
  respondedOn: IsoDate,
  options: RulesOptions = {},
): EscalationWindow | undefined {
  if (respondedStage >= finalStage(pathway)) return undefined;
  const calendar = calendarOf(options);
  const nextStage = (respondedStage + 1) as Stage;
  const next = stageTimescale(pathway, nextStage);
  const days = next.requestWindow ?? 0;
  const from = toDayNumber(respondedOn);
  const due = calendar.addWorkingDaysToDayNumber(from, days);
  const skipped = calendar.nonWorkingWeekdaysBetweenDayNumbers(from, due);
  const requestBy = isoOfDayNumber(due);
  const requestByExplanation = workingDaysExplanation("afterResponse", days, respondedOn, skipped, respondedStage);
  if (next.kind === "response" && next.lateRequestMonths !== undefined) {
    const late = calendarMonthsLimit(respondedOn, next.lateRequestMonths, respondedStage, calendar, configOf(options));
    return {
      fromStage: respondedStage,
      nextStage,
      respondedOn,
      requestBy,
      requestByExplanation,
      lateRequestBy: late.date,
      lateRequestByExplanation: late.explanation,
    };
  }
  return { fromStage: respondedStage, nextStage, respondedOn, requestBy, requestByExplanation };
}

export type NextStep =
  | { readonly kind: "next_stage"; readonly window: EscalationWindow }
  | { readonly kind: "ombudsman"; readonly referral: Explanation };

/** After a response: the next stage and its window, or (after the final stage) the Ombudsman. */
export function nextStepAfterResponse(
  pathway: Pathway,
  respondedStage: Stage,
  respondedOn: IsoDate,
  options: RulesOptions = {},
): NextStep {
  const window = escalationWindow(pathway, respondedStage, respondedOn, options);
  // §14.12, §22.11, §23.8: after the final stage the person may go to the Ombudsman.
  return window ? { kind: "next_stage", window } : { kind: "ombudsman", referral: ombudsmanReferral("final_response") };
}

export type EscalationDecision =
  /** Within the window: the request is accepted. */
  | "in_time"
  /** §14.4: after the window but within six months of the Stage 1 response: staff decide, with a reason. */
  | "late_staff_decision"
  /** Too late: refused in writing with the Ombudsman route (§14.3). */
  | "out_of_time"
  /** The stage responded to was the last one: the Ombudsman is next. */
  | "no_further_stage";

export interface EscalationAssessment {
  readonly decision: EscalationDecision;
  /** The request's day zero (RULES §1: received on a non-working day counts from the next working day). */
  readonly requestDayZero: IsoDate;
  readonly window?: EscalationWindow;
  readonly explanation: Explanation;
  /** §14.3, §14.12: where the person can go when the request is refused or there is no further stage. */
  readonly ombudsman?: Explanation;
  /** §14.3: a refused late corporate request may be opened as a new Stage 1 complaint. */
  readonly newStage1ComplaintPossible?: boolean;
  /** §14.4: the reasons staff may accept a late request for. */
  readonly lateReasons?: readonly LateEscalationReason[];
}

/** Whether a request for the next stage, received on `requestedOn`, is in time (RULES §7). */
export function assessEscalationRequest(
  pathway: Pathway,
  respondedStage: Stage,
  respondedOn: IsoDate,
  requestedOn: IsoDate,
  options: RulesOptions = {},
): EscalationAssessment {
  const config = configOf(options);
  const calendar = calendarOf(options);
  const requestDayZero = calendar.dayZero(requestedOn, config.nonWorkingDayReceipt);
  const window = escalationWindow(pathway, respondedStage, respondedOn, { config, calendar });
  if (!window) {
    return {
      decision: "no_further_stage",
      requestDayZero,
      explanation: explanation("escalation.noFurtherStage", { pathway, stage: respondedStage }),
      ombudsman: ombudsmanReferral("final_response"),
    };
  }
  const params = { stage: window.nextStage, requestedOn: requestDayZero, requestBy: window.requestBy };
  if (requestDayZero <= window.requestBy) {
    return { decision: "in_time", requestDayZero, window, explanation: explanation("escalation.inTime", params) };
  }
  if (window.lateRequestBy !== undefined && requestDayZero <= window.lateRequestBy) {
    return {
      decision: "late_staff_decision",
      requestDayZero,
      window,
      explanation: explanation("escalation.lateStaffDecision", { ...params, lateRequestBy: window.lateRequestBy }),
      lateReasons: LATE_ESCALATION_REASONS,
    };
  }
  const corporate = window.lateRequestBy !== undefined;
  return {
    decision: "out_of_time",
    requestDayZero,
    window,
    explanation: explanation(
      corporate ? "escalation.outOfTimeCorporate" : "escalation.outOfTime",
      corporate ? { ...params, lateRequestBy: window.lateRequestBy as IsoDate } : params,
    ),
    ombudsman: ombudsmanReferral("late_escalation_refused"),
    ...(corporate ? { newStage1ComplaintPossible: true } : {}),
  };
}
