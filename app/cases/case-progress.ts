// Where a complaint stands, worked out from its stored events by the rules: the stage machine's state, every due
// date (RULES §3), the next date the council must act by, and what the person complaining may do next (§11, §14).
// Pure: the case service and the pages both call it, so what a page shows is what the service enforces.
import type { IsoDate } from "~/rules/calendar-dates";
import { ACKNOWLEDGE_IDS, timelineFromState, type DueDate, type Timeline } from "~/rules/complaint-timeline";
import { assessEscalationRequest, type EscalationWindow } from "~/rules/escalation";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "~/rules/rules-config";
import { applyEvent, isOpen, openComplaint, type ComplaintState, type StageEvent } from "~/rules/stage-machine";
import type { Pathway, Stage } from "~/rules/timescales";
import { calendarFor } from "~/rules/working-days";
import { stageEventOf, type StoredEvent } from "./case-events";

export type ReplayOptions = { readonly config?: RulesConfig };

/** The stage machine's state after the events, or the first event it refuses (a stored case that cannot be). */
export function replayStored(
  fallbackPathway: Pathway,
  events: readonly StoredEvent[],
  options: ReplayOptions = {},
): { ok: true; state: ComplaintState; pendingLateRequest?: Extract<StoredEvent, { type: "late_escalation_requested" }> } | { ok: false; index: number; message: string; code: string } {
  const received = events[0];
  if (received?.type !== "received") return { ok: false, index: 0, message: "the first event must be received", code: "missing_received" };
  const config = options.config ?? DEFAULT_RULES_CONFIG;
  const machine = { config, calendar: calendarFor(config), enforceEscalationWindows: false };
  let state = openComplaint(received.suggestedPathway ?? fallbackPathway, received.date);
  let pendingLateRequest: Extract<StoredEvent, { type: "late_escalation_requested" }> | undefined;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (event.type === "late_escalation_requested") {
      pendingLateRequest = event;
      continue;
    }
    const stageEvent = stageEventOf(event);
    if (stageEvent === null) continue;
    if (stageEvent.type === "received") return { ok: false, index, message: "a complaint is received once", code: "already_received" };
    const next = applyEvent(state, stageEvent as StageEvent, machine);
    if (!next.ok) return { ok: false, index, message: next.error.message, code: next.error.code };
    state = next.state;
    // A decision on the late request (issue 11) moves the stage on or ends the complaint.
    if (pendingLateRequest && (state.stage > 1 || !isOpen(state.status))) pendingLateRequest = undefined;
  }
  return { ok: true, state, ...(pendingLateRequest ? { pendingLateRequest } : {}) };
}

/** What the person complaining may do about the next stage today (§14, RULES §7). */
export type NextStageOption =
  /** The stage has not been responded to yet, or the complaint has ended. */
  | { readonly kind: "not_yet" }
  /** Within the window: asking moves the complaint on at once. */
  | { readonly kind: "in_time"; readonly window: EscalationWindow }
  /** §14.4: a corporate request after the window but within six months; the council decides. */
  | { readonly kind: "late"; readonly window: EscalationWindow }
  /** A late request is waiting for the council's decision. */
  | { readonly kind: "awaiting_decision"; readonly requestedOn: IsoDate }
  /** Past every window (§14.3), or no further stage (§14.12, §22.11, §23.8): the Ombudsman. */
  | { readonly kind: "ombudsman"; readonly reason: "final_stage" | "out_of_time"; readonly respondedOn: IsoDate; readonly window?: EscalationWindow };

export interface CaseProgress {
  readonly state: ComplaintState;
  readonly timeline: Timeline;
  /** The first date the council has still to act by (overdue ones first), if any. */
  readonly nextCouncilDue?: DueDate;
  readonly nextStage: NextStageOption;
  /** §11: open complaints can be withdrawn and added to. */
  readonly open: boolean;
}

export function nextCouncilDueDate(timeline: Timeline): DueDate | undefined {
  let next: DueDate | undefined;
  for (const due of timeline.dueDates) {
    if (due.party !== "council" || due.doneOn !== undefined) continue;
    if (due.status !== "pending" && due.status !== "missed") continue;
    if (!next || due.date < next.date) next = due;
  }
  return next;
}

function nextStageOption(
  state: ComplaintState,
  pendingLate: { date: IsoDate } | undefined,
  today: IsoDate,
  config: RulesConfig,
): NextStageOption {
  if (state.status !== "responded") return { kind: "not_yet" };
  if (pendingLate) return { kind: "awaiting_decision", requestedOn: pendingLate.date };
  const record = state.stages[state.stages.length - 1]!;
  const respondedOn = record.respondedOn!;
  const assessment = assessEscalationRequest(state.pathway, state.stage as Stage, respondedOn, today, { config, calendar: calendarFor(config) });
  switch (assessment.decision) {
    case "in_time":
      return { kind: "in_time", window: assessment.window! };
    case "late_staff_decision":
      return { kind: "late", window: assessment.window! };
    case "out_of_time":
      return { kind: "ombudsman", reason: "out_of_time", respondedOn, window: assessment.window! };
    case "no_further_stage":
      return { kind: "ombudsman", reason: "final_stage", respondedOn };
  }
}

/** Everything a page needs to show where a complaint stands, as of `today` (a London date). */
export function caseProgress(
  fallbackPathway: Pathway,
  events: readonly StoredEvent[],
  today: IsoDate,
  options: ReplayOptions = {},
): CaseProgress {
  const config = options.config ?? DEFAULT_RULES_CONFIG;
  const replay = replayStored(fallbackPathway, events, { config });
  if (!replay.ok) throw new Error(`stored events cannot be replayed: events[${replay.index}] ${replay.message}`);
  const timeline = timelineFromState(replay.state, { config, today });
  if (!timeline.ok) throw new Error(`stored events give no timeline: ${timeline.error.message}`);
  const next = nextCouncilDueDate(timeline.timeline);
  return {
    state: replay.state,
    timeline: timeline.timeline,
    ...(next ? { nextCouncilDue: next } : {}),
    nextStage: nextStageOption(replay.state, replay.pendingLateRequest, today, config),
    open: isOpen(replay.state.status),
  };
}

/** How a stage's response kept to its date (issue 12: the reports' timeliness), worked out as it is given. */
export interface ResponseTimeliness {
  /** The response date in force when it was given: with any extension, or the date agreed (§13.11, §23.6). */
  readonly dueOn: IsoDate;
  /** Working days from the stage's day zero (the complaint, or the request for the stage) to the response. */
  readonly workingDays: number;
}

/**
 * The date a stage's acknowledgement was due by (issue 12: the Complaint Handling Code self-assessment), once the
 * progress includes the acknowledgement; undefined when it does not yet.
 */
export function acknowledgementDueOn(progress: CaseProgress, stage: Stage): IsoDate | undefined {
  const record = progress.state.stages.find((candidate) => candidate.stage === stage);
  if (!record?.acknowledgedOn) return undefined;
  return progress.timeline.dueDates.find((candidate) => candidate.id === ACKNOWLEDGE_IDS[stage])?.date;
}

/** The timeliness of a stage's response, once the progress includes it; undefined when it does not yet. */
export function responseTimeliness(progress: CaseProgress, stage: Stage, config: RulesConfig = DEFAULT_RULES_CONFIG): ResponseTimeliness | undefined {
  const record = progress.state.stages.find((candidate) => candidate.stage === stage);
  const due = progress.timeline.dueDates.find((candidate) => candidate.id === `stage${stage}ResponseBy`);
  if (!record?.respondedOn || !due) return undefined;
  const calendar = calendarFor(config);
  const start = stage > 1 && record.requestedOn !== undefined ? calendar.dayZero(record.requestedOn, config.nonWorkingDayReceipt) : progress.timeline.dayZero;
  return { dueOn: due.date, workingDays: Math.max(0, calendar.workingDaysBetween(start, record.respondedOn)) };
}

/**
 * An event as stored (issue 12): a response with the date it was due by and the working days its stage took, an
 * acknowledgement with the date it was due by — worked out as it is recorded, for the reports to count.
 */
export function withTimeliness(event: StoredEvent, progress: CaseProgress, config: RulesConfig = DEFAULT_RULES_CONFIG): StoredEvent {
  if (event.type === "responded") {
    const timeliness = responseTimeliness(progress, event.stage as Stage, config);
    return timeliness ? { ...event, dueOn: timeliness.dueOn, workingDays: timeliness.workingDays } : event;
  }
  if (event.type === "acknowledged") {
    const dueOn = acknowledgementDueOn(progress, event.stage as Stage);
    return dueOn ? { ...event, dueOn } : event;
  }
  return event;
}
