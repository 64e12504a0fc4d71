// RULES §2 and §7 (policy §11, §13–§14, Appendices A–C): the allowed transitions of a complaint.
// Corporate has stages 1–2, children's 1–3 (stage 3 = review panel), adults stage 1 only.
import type { IsoDate } from "./calendar-dates";
import type { CaseEvent, EscalationRequestedEvent, ExtendedEvent } from "./complaint-events";
import { assessEscalationRequest, LATE_ESCALATION_REASONS } from "./escalation";
import { isExclusion, type Exclusion } from "./eligibility";
import { checkExtension } from "./extensions";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "./rules-config";
import { isOutcome, type Outcome } from "./stage-outcomes";
import { finalStage, isPathway, stageExists, type Pathway, type Stage } from "./timescales";
import { calendarFor, type WorkingCalendar } from "./working-days";

export type ComplaintStatus =
  /** Received, awaiting the initial review (§13.1, Appendix C Day 1). */
  | "triage"
  /** §7 triage outcomes that end the complaint. */
  | "resolved_informally"
  | "service_request"
  | "not_accepted"
  /** §13.10: a further related complaint made during Stage 1, joined to that complaint and answered with it. */
  | "joined"
  /** Accepted on a pathway (or a stage requested), not yet acknowledged. */
  | "awaiting_acknowledgement"
  /** Acknowledged and being investigated. */
  | "investigating"
  /** Children's Stage 3: the review panel has met / has reported. */
  | "panel_held"
  | "panel_reported"
  /** The current stage has been responded to; the next stage may be requested. */
  | "responded"
  | "closed"
  /** §11: withdrawn by the complainant or representative. */
  | "withdrawn";

/** Statuses in which the complaint is still open (and so may be withdrawn, §11). */
export function isOpen(status: ComplaintStatus): boolean {
  switch (status) {
    case "triage":
    case "awaiting_acknowledgement":
    case "investigating":
    case "panel_held":
    case "panel_reported":
    case "responded":
      return true;
    default:
      return false;
  }
}

export interface ExtensionRecord {
  readonly days?: number;
  readonly agreedDate?: IsoDate;
  readonly reason: string;
  readonly date?: IsoDate;
}

export interface StageRecord {
  readonly stage: Stage;
  /** When the stage was requested (stages 2–3). */
  readonly requestedOn?: IsoDate;
  readonly lateAccepted?: boolean;
  readonly acknowledgedOn?: IsoDate;
  readonly extensions: readonly ExtensionRecord[];
  /** Total working days of extension granted. */
  readonly extensionDays: number;
  /** Adults: the latest response date agreed with the complainant. */
  readonly agreedResponseDate?: IsoDate;
  readonly panelHeldOn?: IsoDate;
  readonly panelReportedOn?: IsoDate;
  readonly respondedOn?: IsoDate;
  readonly outcome?: Outcome;
}

export interface PathwayChange {
  readonly from: Pathway;
  readonly to: Pathway;
  readonly reason: string;
}

export interface ComplaintState {
  readonly status: ComplaintStatus;
  readonly pathway: Pathway;
  /** The current stage (1 while in triage). */
  readonly stage: Stage;
  readonly receivedOn?: IsoDate;
  /** One record per stage reached, stage 1 first. */
  readonly stages: readonly StageRecord[];
  readonly exclusion?: Exclusion;
  readonly pathwayChanges: readonly PathwayChange[];
  readonly withdrawnOn?: IsoDate;
  readonly closedOn?: IsoDate;
  /** The latest dated event, to keep the record in date order. */
  readonly lastEventOn?: IsoDate;
}

export type TriagedEvent =
  | { readonly type: "triaged"; readonly outcome: "resolved_informally"; readonly date?: IsoDate }
  | { readonly type: "triaged"; readonly outcome: "service_request"; readonly date?: IsoDate }
  /** §13.10: joined to the person's complaint at Stage 1 (its reference), which answers both. */
  | { readonly type: "triaged"; readonly outcome: "joined"; readonly joinedTo: string; readonly date?: IsoDate }
  | { readonly type: "triaged"; readonly outcome: "not_accepted"; readonly exclusion: Exclusion; readonly date?: IsoDate }
  | {
      readonly type: "triaged";
      readonly outcome: "accepted";
      readonly pathway: Pathway;
      /** Needed when the pathway differs from the suggested one (RULES §2: tell the resident why). */
      readonly reason?: string;
      readonly date?: IsoDate;
    };

export interface PathwayChangedEvent {
  readonly type: "pathway_changed";
  readonly pathway: Pathway;
  readonly reason: string;
  readonly date?: IsoDate;
}

export interface ClosedEvent {
  readonly type: "closed";
  readonly date?: IsoDate;
}

export type StageEvent = Exclude<CaseEvent, { type: "received" }> | TriagedEvent | PathwayChangedEvent | ClosedEvent;

export const TRANSITION_ERROR_CODES = [
  "complaint_not_open",
  "date_out_of_order",
  "not_in_triage",
  "exclusion_required",
  "reason_required",
  "unknown_pathway",
  "pathway_unchanged",
  "stage_not_in_pathway",
  "event_not_in_pathway",
  "not_accepted_yet",
  "wrong_stage",
  "already_acknowledged",
  "already_responded",
  "extension_refused",
  "outcome_required",
  "panel_not_held",
  "panel_already_held",
  "panel_not_reported",
  "panel_already_reported",
  "not_responded",
  "no_further_stage",
  "late_escalation_needs_staff_decision",
  "escalation_out_of_time",
  "missing_received",
  "already_received",
  "joined_to_required",
] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

export interface TransitionError {
  readonly code: TransitionErrorCode;
  /** English, naming what is wrong; the UI translates `transitionError.<code>` with `params`. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: ComplaintState }
  | { readonly ok: false; readonly error: TransitionError };

export interface MachineOptions {
  readonly config?: RulesConfig;
  readonly calendar?: WorkingCalendar;
  /**
   * Check escalation requests against their window (§14.2–§14.4, §21.1, §22.3): default true. The
   * timeline turns it off because it reports late requests rather than refusing them.
   */
  readonly enforceEscalationWindows?: boolean;
}

const NO_EXTENSIONS: readonly ExtensionRecord[] = Object.freeze([]);
const NO_PATHWAY_CHANGES: readonly PathwayChange[] = Object.freeze([]);

type Draft<T> = { -readonly [K in keyof T]: T[K] };

// States and records are always built with every field, in one order, so they share one shape; an event
// copies the state (and the record it changes) and edits the copy.
function copyState(s: ComplaintState, date: IsoDate | undefined): Draft<ComplaintState> {
  return {
    status: s.status,
    pathway: s.pathway,
    stage: s.stage,
    receivedOn: s.receivedOn,
    stages: s.stages,
    exclusion: s.exclusion,
    pathwayChanges: s.pathwayChanges,
    withdrawnOn: s.withdrawnOn,
    closedOn: s.closedOn,
    lastEventOn: date ?? s.lastEventOn,
  };
}

function newRecord(stage: Stage, requestedOn?: IsoDate, lateAccepted?: boolean): StageRecord {
  return {
    stage,
    requestedOn,
    lateAccepted,
    acknowledgedOn: undefined,
    extensions: NO_EXTENSIONS,
    extensionDays: 0,
    agreedResponseDate: undefined,
    panelHeldOn: undefined,
    panelReportedOn: undefined,
    respondedOn: undefined,
    outcome: undefined,
  };
}

function copyRecord(r: StageRecord): Draft<StageRecord> {
  return {
    stage: r.stage,
    requestedOn: r.requestedOn,
    lateAccepted: r.lateAccepted,
    acknowledgedOn: r.acknowledgedOn,
    extensions: r.extensions,
    extensionDays: r.extensionDays,
    agreedResponseDate: r.agreedResponseDate,
    panelHeldOn: r.panelHeldOn,
    panelReportedOn: r.panelReportedOn,
    respondedOn: r.respondedOn,
    outcome: r.outcome,
  };
}

/** A copy of the state with a copy of its current stage record, both to edit. */
function editRecord(state: ComplaintState, date: IsoDate | undefined): { next: Draft<ComplaintState>; record: Draft<StageRecord> } {
  const next = copyState(state, date);
  const record = copyRecord(currentRecord(state));
  const stages = state.stages.slice();
  stages[stages.length - 1] = record;
  next.stages = stages;
  return { next, record };
}

/** A newly received complaint awaiting triage, on the pathway the portal suggested. */
export function openComplaint(pathway: Pathway, receivedOn?: IsoDate): ComplaintState {
  return {
    status: "triage",
    pathway,
    stage: 1,
    receivedOn,
    stages: [newRecord(1)],
    exclusion: undefined,
    pathwayChanges: NO_PATHWAY_CHANGES,
    withdrawnOn: undefined,
    closedOn: undefined,
    lastEventOn: receivedOn,
  };
}

function fail(code: TransitionErrorCode, message: string, params: Record<string, string | number> = {}): TransitionError {
  return { code, message, params };
}

function currentRecord(state: ComplaintState): StageRecord {
  return state.stages[state.stages.length - 1] as StageRecord;
}

/** Checks shared by the events that belong to a stage of the current pathway. */
function checkStageEvent(state: ComplaintState, type: string, stage: number): TransitionError | undefined {
  if (!stageExists(state.pathway, stage)) {
    return fail("stage_not_in_pathway", `${type}: the ${state.pathway} pathway has no stage ${stage}`, {
      pathway: state.pathway,
      stage,
    });
  }
  if (stage !== state.stage) {
    return fail("wrong_stage", `${type}: the complaint is at stage ${state.stage}, not stage ${stage}`, {
      stage,
      currentStage: state.stage,
    });
  }
  return undefined;
}

/** §13.4: a complaint is investigated and responded to only once accepted as a formal complaint. */
function notAcceptedYet(state: ComplaintState, type: string): TransitionError | undefined {
  if (state.status !== "triage") return undefined;
  return fail("not_accepted_yet", `${type}: the complaint has not been accepted as a formal complaint yet`, {});
}

/** Apply one event to a complaint, or say why it is not allowed now. */
export function applyEvent(state: ComplaintState, event: StageEvent, options: MachineOptions = {}): TransitionResult {
  const next = transition(state, event, options);
  return isTransitionError(next) ? { ok: false, error: next } : { ok: true, state: next };
}

function isTransitionError(step: ComplaintState | TransitionError): step is TransitionError {
  return "code" in step;
}

function transition(state: ComplaintState, event: StageEvent, options: MachineOptions): ComplaintState | TransitionError {
  if (!isOpen(state.status)) {
    // §11, §13: a closed, withdrawn or triaged-out complaint takes no further events.
    return fail("complaint_not_open", `${event.type}: the complaint is ${state.status.replace(/_/g, " ")}`, {
      status: state.status,
    });
  }
  const date = event.date;
  if (date !== undefined && state.lastEventOn !== undefined && date < state.lastEventOn) {
    return fail("date_out_of_order", `${event.type} on ${date} is earlier than the previous event on ${state.lastEventOn}`, {
      date,
      previous: state.lastEventOn,
    });
  }

  switch (event.type) {
    case "triaged":
      return applyTriage(state, event);
    case "pathway_changed":
      return applyPathwayChange(state, event);
    case "acknowledged": {
      const invalid = checkStageEvent(state, event.type, event.stage);
      if (invalid) return invalid;
      // In triage, Appendix C's "log as formal complaint and acknowledge" is one step: acknowledging accepts it.
      if (state.status !== "triage") {
        const record = currentRecord(state);
        if (state.status === "responded") return fail("already_responded", `acknowledged: stage ${event.stage} has already been responded to`, { stage: event.stage });
        if (record.panelHeldOn !== undefined) return fail("panel_already_held", `acknowledged: the stage ${event.stage} review panel has already met`, { stage: event.stage });
        if (record.acknowledgedOn !== undefined || state.status === "investigating") {
          return fail("already_acknowledged", `acknowledged: stage ${event.stage} was already acknowledged`, { stage: event.stage });
        }
      }
      const edit = editRecord(state, date);
      edit.next.status = "investigating";
      edit.record.acknowledgedOn = date;
      return edit.next;
    }
    case "extended":
      return applyExtension(state, event);
    case "responded": {
      const invalid = checkStageEvent(state, event.type, event.stage) ?? notAcceptedYet(state, event.type);
      if (invalid) return invalid;
      if (state.status === "responded") return fail("already_responded", `responded: stage ${event.stage} has already been responded to`, { stage: event.stage });
      if (!isOutcome(event.outcome)) {
        return fail("outcome_required", "responded: the outcome must be upheld, partially_upheld or not_upheld", { stage: event.stage });
      }
      // §22.10: at Stage 3 the council responds to the panel's report.
      if (state.pathway === "childrens" && event.stage === 3 && state.status !== "panel_reported") {
        return fail("panel_not_reported", "responded: the council responds at stage 3 after the review panel has reported", { stage: 3 });
      }
      const edit = editRecord(state, date);
      edit.next.status = "responded";
      edit.record.respondedOn = date;
      edit.record.outcome = event.outcome;
      return edit.next;
    }
    case "escalation_requested":
      return applyEscalation(state, event, options);
    case "panel_held":
    case "panel_reported": {
      // Appendix A §22: the review panel exists only at children's Stage 3.
      if (state.pathway !== "childrens") {
        return fail("event_not_in_pathway", `${event.type}: review panels are only part of the childrens pathway, not ${state.pathway}`, {
          pathway: state.pathway,
          event: event.type,
        });
      }
      if (state.stage !== 3) {
        return fail("wrong_stage", `${event.type}: the complaint is at stage ${state.stage}; the review panel is stage 3`, {
          stage: 3,
          currentStage: state.stage,
        });
      }
      const record = currentRecord(state);
      if (state.status === "responded") return fail("already_responded", `${event.type}: stage 3 has already been responded to`, { stage: 3 });
      if (event.type === "panel_held") {
        if (record.panelHeldOn !== undefined) return fail("panel_already_held", "panel_held: the review panel has already met", { stage: 3 });
        const edit = editRecord(state, date);
        edit.next.status = "panel_held";
        edit.record.panelHeldOn = date;
        return edit.next;
      }
      if (record.panelReportedOn !== undefined) return fail("panel_already_reported", "panel_reported: the review panel has already reported", { stage: 3 });
      if (record.panelHeldOn === undefined) return fail("panel_not_held", "panel_reported: the review panel has not met yet", { stage: 3 });
      const edit = editRecord(state, date);
      edit.next.status = "panel_reported";
      edit.record.panelReportedOn = date;
      return edit.next;
    }
    case "withdrawn": {
      // §11.1: a complaint may be withdrawn at any time while it is open.
      const next = copyState(state, date);
      next.status = "withdrawn";
      next.withdrawnOn = date;
      return next;
    }
    case "closed": {
      if (state.status !== "responded") {
        return fail("not_responded", `closed: stage ${state.stage} has not been responded to yet`, { stage: state.stage });
      }
      const next = copyState(state, date);
      next.status = "closed";
      next.closedOn = date;
      return next;
    }
  }
}

function applyTriage(state: ComplaintState, event: TriagedEvent): ComplaintState | TransitionError {
  // RULES §7: triage outcomes are decided once, at triage.
  if (state.status !== "triage") {
    return fail("not_in_triage", `triaged: the complaint has already been triaged (${state.status.replace(/_/g, " ")})`, {
      status: state.status,
    });
  }
  const next = copyState(state, event.date);
  switch (event.outcome) {
    case "resolved_informally":
    case "service_request":
      next.status = event.outcome;
      return next;
    case "joined":
      // §13.10: the complaint it joins is named; that one's Stage 1 response answers both.
      if (!event.joinedTo?.trim()) return fail("joined_to_required", "triaged: a joined complaint must name the complaint it joins", {});
      next.status = "joined";
      return next;
    case "not_accepted":
      // §6.5: the decision names the exclusion that applies.
      if (!isExclusion(event.exclusion)) {
        return fail("exclusion_required", "triaged: a complaint not accepted must name the exclusion that applies", {});
      }
      next.status = "not_accepted";
      next.exclusion = event.exclusion;
      return next;
    case "accepted": {
      if (!isPathway(event.pathway)) return fail("unknown_pathway", `triaged: unknown pathway "${String(event.pathway)}"`, {});
      next.status = "awaiting_acknowledgement";
      if (event.pathway === state.pathway) return next;
      // RULES §2, §12.4: staff can change the pathway at triage, telling the resident why.
      if (!event.reason?.trim()) {
        return fail("reason_required", `triaged: accepting on the ${event.pathway} pathway instead of ${state.pathway} needs a reason for the resident`, {
          pathway: event.pathway,
        });
      }
      next.pathway = event.pathway;
      next.pathwayChanges = [...state.pathwayChanges, { from: state.pathway, to: event.pathway, reason: event.reason }];
      return next;
    }
  }
}

function applyPathwayChange(state: ComplaintState, event: PathwayChangedEvent): ComplaintState | TransitionError {
  // RULES §2: the pathway is confirmed or changed at triage.
  if (state.status !== "triage") {
    return fail("not_in_triage", "pathway_changed: the pathway can only be changed at triage", { status: state.status });
  }
  if (!isPathway(event.pathway)) return fail("unknown_pathway", `pathway_changed: unknown pathway "${String(event.pathway)}"`, {});
  if (event.pathway === state.pathway) {
    return fail("pathway_unchanged", `pathway_changed: the complaint is already on the ${state.pathway} pathway`, { pathway: state.pathway });
  }
  if (!event.reason?.trim()) {
    return fail("reason_required", "pathway_changed: a change of pathway needs a reason for the resident", { pathway: event.pathway });
  }
  const next = copyState(state, event.date);
  next.pathway = event.pathway;
  next.pathwayChanges = [...state.pathwayChanges, { from: state.pathway, to: event.pathway, reason: event.reason }];
  return next;
}

function applyExtension(state: ComplaintState, event: ExtendedEvent): ComplaintState | TransitionError {
  const invalid = checkStageEvent(state, event.type, event.stage) ?? notAcceptedYet(state, event.type);
  if (invalid) return invalid;
  if (state.status === "responded") return fail("already_responded", `extended: stage ${event.stage} has already been responded to`, { stage: event.stage });
  const record = currentRecord(state);
  // RULES §3 "Extensions": refused beyond the maximum.
  const check = checkExtension({
    pathway: state.pathway,
    stage: event.stage,
    reason: event.reason,
    alreadyExtendedDays: record.extensionDays,
    days: event.days,
    agreedDate: event.agreedDate,
    currentDueDate: record.agreedResponseDate,
  });
  if (!check.ok) {
    return fail("extension_refused", `extended: ${check.refusal.message}`, {
      reason: check.refusal.code,
      ...(check.refusal.explanation.params as Record<string, string | number>),
    });
  }
  const extension: ExtensionRecord = { days: event.days, agreedDate: event.agreedDate, reason: event.reason, date: event.date };
  const edit = editRecord(state, event.date);
  edit.record.extensions = [...record.extensions, extension];
  edit.record.extensionDays = check.totalDays;
  if (event.agreedDate !== undefined) edit.record.agreedResponseDate = event.agreedDate;
  return edit.next;
}

function applyEscalation(state: ComplaintState, event: EscalationRequestedEvent, options: MachineOptions): ComplaintState | TransitionError {
  const last = finalStage(state.pathway);
  // §14.12, §22.11, §23.8: after the final stage the next step is the Ombudsman.
  if (event.stage > last) {
    return fail("no_further_stage", `escalation_requested: the ${state.pathway} pathway ends at stage ${last}; the next step is the Ombudsman`, {
      pathway: state.pathway,
      stage: event.stage,
      finalStage: last,
    });
  }
  if (state.status !== "responded") {
    return fail("not_responded", `escalation_requested: stage ${state.stage} has not been responded to yet`, { stage: state.stage });
  }
  if (event.stage !== state.stage + 1) {
    return fail("wrong_stage", `escalation_requested: after stage ${state.stage} the next stage is ${state.stage + 1}, not ${event.stage}`, {
      stage: event.stage,
      currentStage: state.stage,
    });
  }
  const respondedOn = currentRecord(state).respondedOn;
  let lateAccepted = false;
  if ((options.enforceEscalationWindows ?? true) && respondedOn !== undefined) {
    const config = options.config ?? DEFAULT_RULES_CONFIG;
    const assessment = assessEscalationRequest(state.pathway, state.stage, respondedOn, event.date, {
      config,
      calendar: options.calendar ?? calendarFor(config),
    });
    if (assessment.decision === "late_staff_decision") {
      // §14.4: a late corporate request is accepted only by a staff decision, for a recognised reason.
      if (!event.lateAccepted || !event.lateReason || !LATE_ESCALATION_REASONS.includes(event.lateReason)) {
        return fail(
          "late_escalation_needs_staff_decision",
          `escalation_requested: the request on ${event.date} is after ${assessment.window?.requestBy}; staff must accept it as a late request, with a reason`,
          { requestBy: assessment.window?.requestBy ?? "", lateRequestBy: assessment.window?.lateRequestBy ?? "" },
        );
      }
      lateAccepted = true;
    } else if (assessment.decision === "out_of_time") {
      const limit = assessment.window?.lateRequestBy ?? assessment.window?.requestBy ?? "";
      return fail("escalation_out_of_time", `escalation_requested: the request on ${event.date} is after the last day, ${limit}`, {
        limit,
        stage: event.stage,
      });
    }
  }
  const next = copyState(state, event.date);
  next.status = "awaiting_acknowledgement";
  next.stage = event.stage;
  next.stages = [...state.stages, newRecord(event.stage, event.date, lateAccepted || undefined)];
  return next;
}

/** §13.10: a related complaint raised during Stage 1 before the response joins it; otherwise it is new. */
export function relatedComplaintJoinsExisting(state: ComplaintState): boolean {
  return state.stage === 1 && (state.status === "triage" || state.status === "awaiting_acknowledgement" || state.status === "investigating");
}

export type ReplayResult =
  | { readonly ok: true; readonly state: ComplaintState }
  | { readonly ok: false; readonly error: TransitionError & { readonly eventIndex?: number } };

/**
 * Replay a recorded case (a `received` event and what followed) through the machine. Stage 1 events
 * recorded without a triage decision imply acceptance on the case's pathway.
 */
export function replayCase(
  input: { readonly pathway: Pathway; readonly events: readonly CaseEvent[] },
  options: MachineOptions = {},
): ReplayResult {
  let receivedIndex = -1;
  for (let i = 0; i < input.events.length; i++) {
    if (input.events[i]?.type !== "received") continue;
    if (receivedIndex >= 0) {
      return { ok: false, error: { code: "already_received", message: `events[${i}]: a case has only one received event`, params: {}, eventIndex: i } };
    }
    receivedIndex = i;
  }
  const received = input.events[receivedIndex];
  if (received === undefined || received.type !== "received") {
    return { ok: false, error: { code: "missing_received", message: "events: there is no received event", params: {} } };
  }
  let state = openComplaint(input.pathway, received.date);
  for (let i = 0; i < input.events.length; i++) {
    const event = input.events[i] as CaseEvent;
    if (event.type === "received") continue;
    if (state.status === "triage" && (event.type === "extended" || event.type === "responded") && event.stage === 1) {
      const accepted = transition(state, { type: "triaged", outcome: "accepted", pathway: state.pathway }, options);
      if (!isTransitionError(accepted)) state = accepted;
    }
    const next = transition(state, event, options);
    if (isTransitionError(next)) {
      return { ok: false, error: { ...next, message: `events[${i}] ${next.message}`, eventIndex: i } };
    }
    state = next;
  }
  return { ok: true, state };
}
