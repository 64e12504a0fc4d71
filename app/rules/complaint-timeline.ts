// RULES §3 and Appendix C: every due date of a complaint, recomputed from its recorded events, whether each
// was met or missed (or is pending on a given day), and a translatable explanation of each.
import { toDayNumber, type IsoDate } from "./calendar-dates";
import type { CaseEvent } from "./complaint-events";
import { escalationWindow } from "./escalation";
import { explanation, workingDaysExplanation, type Explanation, type ExplanationParam } from "./explanations";
import { ombudsmanReferral } from "./ombudsman";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "./rules-config";
import {
  isOpen,
  replayCase,
  type ComplaintState,
  type ComplaintStatus,
  type StageRecord,
  type TransitionErrorCode,
} from "./stage-machine";
import { stageTimescale, TIMESCALES, type Pathway, type Stage } from "./timescales";
import { calendarFor, isoOfDayNumber, type WorkingCalendar } from "./working-days";

export const DUE_DATE_IDS = [
  "triageBy",
  "informalResolutionBy",
  "acknowledgeBy",
  "stage1TargetBy",
  "stage1ResponseBy",
  "stage2RequestBy",
  "stage2LateRequestBy",
  "stage2AcknowledgeBy",
  "stage2ResponseBy",
  "stage3RequestBy",
  "stage3AcknowledgeBy",
  "panelBy",
  "panelInviteBy",
  "panelReportBy",
  "stage3ResponseBy",
] as const;
export type DueDateId = (typeof DUE_DATE_IDS)[number];

export type DueStatus =
  /** Done on or before the date. */
  | "met"
  /** Done after the date, or not done and the date has passed. */
  | "missed"
  /** Not done and the date has not passed (or no "today" was given). */
  | "pending"
  /** A complainant's window that passed without a request. */
  | "closed"
  /** No longer needed: the complaint was withdrawn or closed first. */
  | "cancelled"
  /** A date the portal shows but records no event for (triage, informal resolution, panel invitation). */
  | "untracked";

export interface DueDate {
  readonly id: DueDateId;
  readonly stage: 0 | Stage;
  /** Who the date binds: the council, or the complainant (windows to ask for the next stage). */
  readonly party: "council" | "complainant";
  readonly date: IsoDate;
  readonly status: DueStatus;
  /** When the step happened, if it has. */
  readonly doneOn?: IsoDate;
  readonly explanation: Explanation;
  /** Where the rule comes from in the policy. */
  readonly policy: string;
}

export interface Timeline {
  readonly pathway: Pathway;
  readonly receivedOn: IsoDate;
  /** RULES §1: day zero (the next working day when received on a non-working day, by default). */
  readonly dayZero: IsoDate;
  readonly dayZeroExplanation: Explanation;
  readonly status: ComplaintStatus;
  readonly stage: Stage;
  readonly dueDates: readonly DueDate[];
  /** After the final stage's response: the Ombudsman (§14.12, §22.11, §23.8). */
  readonly ombudsman?: { readonly from: IsoDate; readonly referral: Explanation };
}

export type TimelineErrorCode = TransitionErrorCode | "extension_not_later";

export interface TimelineError {
  readonly code: TimelineErrorCode;
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly eventIndex?: number;
}

export type TimelineResult = { readonly ok: true; readonly timeline: Timeline } | { readonly ok: false; readonly error: TimelineError };

export interface TimelineOptions {
  readonly config?: RulesConfig;
  /** The day statuses are judged on; without it nothing undone is "missed". */
  readonly today?: IsoDate;
}

export interface TimelineCase {
  readonly pathway: Pathway;
  readonly events: readonly CaseEvent[];
  readonly today?: IsoDate;
}

const POLICY: Record<Pathway, Partial<Record<DueDateId, string>>> = {
  corporate: {
    acknowledgeBy: "§13.6, Appendix C",
    stage1ResponseBy: "§13.9, §13.11, Appendix C",
    stage2RequestBy: "§14.2, Appendix C",
    stage2LateRequestBy: "§14.4",
    stage2AcknowledgeBy: "§14.6, Appendix C",
    stage2ResponseBy: "§14.8, §14.9, Appendix C",
  },
  childrens: {
    acknowledgeBy: "§20.2, Appendix C",
    stage1ResponseBy: "§20.1, Appendix C",
    stage2RequestBy: "§21.1, Appendix C",
    stage2AcknowledgeBy: "§21.2, Appendix C",
    stage2ResponseBy: "§21.6, Appendix C",
    stage3RequestBy: "§22.3, Appendix C",
    stage3AcknowledgeBy: "§22.4, Appendix C",
    panelBy: "§22.6, Appendix C",
    panelInviteBy: "§22.6",
    panelReportBy: "§22.9, Appendix C",
    stage3ResponseBy: "§22.10, Appendix C",
  },
  adults: {
    acknowledgeBy: "§23.2, Appendix C",
    stage1TargetBy: "§23.5",
    stage1ResponseBy: "§23.5, §23.6, Appendix C",
  },
};

export const ACKNOWLEDGE_IDS: Record<Stage, DueDateId> = { 1: "acknowledgeBy", 2: "stage2AcknowledgeBy", 3: "stage3AcknowledgeBy" };
const RESPONSE_IDS: Record<Stage, DueDateId> = { 1: "stage1ResponseBy", 2: "stage2ResponseBy", 3: "stage3ResponseBy" };
const REQUEST_IDS: Record<Stage, DueDateId> = { 1: "stage2RequestBy", 2: "stage2RequestBy", 3: "stage3RequestBy" };

function councilStatus(due: IsoDate, doneOn: IsoDate | undefined, endedOn: IsoDate | undefined, today: IsoDate | undefined): DueStatus {
  if (doneOn !== undefined) return doneOn <= due ? "met" : "missed";
  if (endedOn !== undefined) return endedOn > due ? "missed" : "cancelled";
  if (today !== undefined && today > due) return "missed";
  return "pending";
}

function complainantStatus(due: IsoDate, doneOn: IsoDate | undefined, endedOn: IsoDate | undefined, today: IsoDate | undefined): DueStatus {
  if (doneOn !== undefined) return doneOn <= due ? "met" : "missed";
  if (endedOn !== undefined) return endedOn > due ? "closed" : "cancelled";
  if (today !== undefined && today > due) return "closed";
  return "pending";
}

/** Collects due dates, counting in day numbers so dates are parsed and formatted once. */
class TimelineBuilder {
  readonly dueDates: DueDate[] = [];
  constructor(
    private readonly pathway: Pathway,
    private readonly calendar: WorkingCalendar,
    private readonly endedOn: IsoDate | undefined,
    private readonly today: IsoDate | undefined,
  ) {}

  add(
    id: DueDateId,
    stage: 0 | Stage,
    party: DueDate["party"] | "untracked",
    date: IsoDate,
    doneOn: IsoDate | undefined,
    why: Explanation,
    policy?: string,
  ): void {
    const status =
      party === "untracked"
        ? "untracked"
        : party === "council"
          ? councilStatus(date, doneOn, this.endedOn, this.today)
          : complainantStatus(date, doneOn, this.endedOn, this.today);
    this.dueDates.push({
      id,
      stage,
      party: party === "complainant" ? "complainant" : "council",
      date,
      status,
      doneOn,
      explanation: why,
      policy: policy ?? POLICY[this.pathway][id] ?? "Appendix C",
    });
  }

  /** Add a date `days` working days after (or, negative, before) `from`, explained with key `base`. */
  counted(
    id: DueDateId,
    stage: 0 | Stage,
    party: DueDate["party"] | "untracked",
    from: number,
    days: number,
    base: string,
    doneOn: IsoDate | undefined,
    extra?: Record<string, ExplanationParam>,
    policy?: string,
  ): number {
    const due = this.calendar.addWorkingDaysToDayNumber(from, days);
    const why = workingDaysExplanation(
      base,
      Math.abs(days),
      isoOfDayNumber(from),
      this.calendar.nonWorkingWeekdaysBetweenDayNumbers(from, due),
      stage === 0 ? undefined : stage,
      extra,
    );
    this.add(id, stage, party, isoOfDayNumber(due), doneOn, why, policy);
    return due;
  }
}

/**
 * The timeline of a complaint from its stage-machine state. Fails only when an adults' agreed response
 * date is not later than the statutory limit it is meant to extend.
 */
export function timelineFromState(state: ComplaintState, options: TimelineOptions = {}): TimelineResult {
  const config = options.config ?? DEFAULT_RULES_CONFIG;
  const calendar: WorkingCalendar = calendarFor(config);
  const receivedOn = state.receivedOn;
  if (receivedOn === undefined) {
    return { ok: false, error: { code: "missing_received", message: "events: there is no received event", params: {} } };
  }
  const { pathway } = state;
  const rule = config.nonWorkingDayReceipt;
  const countFromActual = config.countFromAcknowledgement === "actual_when_known";
  // Dates still to come stop mattering once the complaint is withdrawn, closed or triaged out (§11, §13.2).
  const endedOn = state.withdrawnOn ?? state.closedOn ?? (isOpen(state.status) ? undefined : (state.lastEventOn ?? receivedOn));
  const builder = new TimelineBuilder(pathway, calendar, endedOn, options.today);

  // RULES §1: received = day zero; [interpretation] a non-working day moves it to the next working day.
  const dayZero = calendar.dayZeroDayNumber(toDayNumber(receivedOn), rule);
  const dayZeroIso = isoOfDayNumber(dayZero);
  const dayZeroExplanation =
    dayZeroIso === receivedOn
      ? explanation("timeline.dayZero.received", { date: dayZeroIso })
      : explanation("timeline.dayZero.movedFromNonWorkingDay", { receivedOn, date: dayZeroIso });

  // Appendix C: initial review and triage by Day 1, informal resolution up to Day 3 (§13.3).
  const { triage, informalResolution } = TIMESCALES.common;
  builder.counted("triageBy", 0, "untracked", dayZero, triage, "afterReceipt", undefined);
  builder.counted("informalResolutionBy", 0, "untracked", dayZero, informalResolution, "afterReceipt", undefined, undefined, "§13.3, Appendix C");

  let ombudsman: Timeline["ombudsman"];
  const records = state.stages;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as StageRecord;
    const stage = record.stage;
    const timescale = stageTimescale(pathway, stage);

    // Day zero of the stage: the complaint (stage 1) or the request for the stage (§14.6, §21.2, §22.4).
    let start = dayZero;
    let startBase = "afterReceipt";
    if (stage > 1 && record.requestedOn !== undefined) {
      start = calendar.dayZeroDayNumber(toDayNumber(record.requestedOn), rule);
      startBase = "afterRequest";
    }
    const ackBy = builder.counted(ACKNOWLEDGE_IDS[stage], stage, "council", start, timescale.acknowledge, startBase, record.acknowledgedOn);

    // RULES §3 [interpretation]: count from the actual acknowledgement once known, else from its due date.
    const fromActual = countFromActual && record.acknowledgedOn !== undefined;
    const ackBase = fromActual ? toDayNumber(record.acknowledgedOn as IsoDate) : ackBy;
    const ackBaseName = fromActual ? "afterAcknowledgement" : "afterAcknowledgementDue";
    const responseId = RESPONSE_IDS[stage];

    if (timescale.kind === "response") {
      if (timescale.internalTargetFromReceipt !== undefined) {
        // §23.5: adults' internal standard, 20 working days from receipt.
        builder.counted("stage1TargetBy", stage, "council", start, timescale.internalTargetFromReceipt, "afterReceipt", record.respondedOn);
      }
      if (timescale.maxExtension === "agreed_date" && record.agreedResponseDate !== undefined) {
        // §23.6: beyond the statutory limit only by a new date agreed with the complainant.
        const limit = isoOfDayNumber(calendar.addWorkingDaysToDayNumber(ackBase, timescale.response));
        if (record.agreedResponseDate <= limit) {
          return {
            ok: false,
            error: {
              code: "extension_not_later",
              message: `extended: the agreed date ${record.agreedResponseDate} is not after the statutory limit ${limit}; an agreed date is only for going beyond it`,
              params: { agreedDate: record.agreedResponseDate, limit },
            },
          };
        }
        builder.add(
          responseId,
          stage,
          "council",
          record.agreedResponseDate,
          record.respondedOn,
          explanation("timeline.due.agreedWithComplainant", { date: record.agreedResponseDate, limit, stage }),
        );
      } else if (record.extensionDays > 0) {
        // §13.11, §14.9, §21.6: the response date moves by the extension granted.
        builder.counted(
          responseId,
          stage,
          "council",
          ackBase,
          timescale.response + record.extensionDays,
          fromActual ? "afterAcknowledgementExtended" : "afterAcknowledgementDueExtended",
          record.respondedOn,
          { baseDays: timescale.response, extensionDays: record.extensionDays },
        );
      } else {
        builder.counted(responseId, stage, "council", ackBase, timescale.response, ackBaseName, record.respondedOn);
      }
    } else {
      // §22.6, Appendix C: the review panel within 30 working days of the acknowledgement (Day 32).
      const panelBy = builder.counted("panelBy", stage, "council", ackBase, timescale.convenePanel, ackBaseName, record.panelHeldOn);
      const panelKnown = record.panelHeldOn !== undefined;
      const panelOn = panelKnown ? toDayNumber(record.panelHeldOn as IsoDate) : panelBy;
      // §22.6: the complainant is invited at least 10 working days before the panel meets.
      builder.counted("panelInviteBy", stage, "untracked", panelOn, -timescale.inviteNotice, panelKnown ? "beforePanel" : "beforePanelDue", undefined);
      // §22.9: the panel reports within five working days of meeting (Day 37).
      const reportBy = builder.counted(
        "panelReportBy",
        stage,
        "council",
        panelOn,
        timescale.panelReport,
        panelKnown ? "afterPanel" : "afterPanelDue",
        record.panelReportedOn,
      );
      // §22.10: the council responds within 15 working days of receiving the report (Day 52).
      const reportKnown = record.panelReportedOn !== undefined;
      const reportOn = reportKnown ? calendar.dayZeroDayNumber(toDayNumber(record.panelReportedOn as IsoDate), rule) : reportBy;
      builder.counted("stage3ResponseBy", stage, "council", reportOn, timescale.councilResponse, reportKnown ? "afterReport" : "afterReportDue", record.respondedOn);
    }

    if (record.respondedOn !== undefined) {
      const window = escalationWindow(pathway, stage, record.respondedOn, { config, calendar });
      if (window) {
        // §14.2, §21.1, §22.3: the next stage may be asked for within 20 working days of the response.
        const requestedOn = records[index + 1]?.requestedOn;
        const requestDayZero = requestedOn === undefined ? undefined : isoOfDayNumber(calendar.dayZeroDayNumber(toDayNumber(requestedOn), rule));
        builder.add(REQUEST_IDS[window.nextStage], window.nextStage, "complainant", window.requestBy, requestDayZero, window.requestByExplanation);
        if (window.lateRequestBy !== undefined && window.lateRequestByExplanation !== undefined) {
          // §14.4: late corporate requests within six calendar months, staff decide.
          builder.add("stage2LateRequestBy", window.nextStage, "complainant", window.lateRequestBy, requestDayZero, window.lateRequestByExplanation);
        }
      } else {
        ombudsman = { from: record.respondedOn, referral: ombudsmanReferral("final_response") };
      }
    }
  }

  return {
    ok: true,
    timeline: {
      pathway,
      receivedOn,
      dayZero: dayZeroIso,
      dayZeroExplanation,
      status: state.status,
      stage: state.stage,
      dueDates: builder.dueDates,
      ...(ombudsman ? { ombudsman } : {}),
    },
  };
}

/**
 * Every due date of a recorded case. Invalid cases (events out of order, not valid for the pathway,
 * extensions beyond the maximum, no received event …) give an error naming the event.
 */
export function computeTimeline(input: TimelineCase, options: TimelineOptions = {}): TimelineResult {
  const config = options.config ?? DEFAULT_RULES_CONFIG;
  // Late escalation requests are shown as missed windows, not refused: staff may have accepted them.
  const replay = replayCase(input, { config, calendar: calendarFor(config), enforceEscalationWindows: false });
  if (!replay.ok) return { ok: false, error: replay.error };
  const today = options.today ?? input.today;
  const result = timelineFromState(replay.state, { config, ...(today !== undefined ? { today } : {}) });
  if (!result.ok && result.error.code === "extension_not_later") {
    const eventIndex = input.events.findIndex(
      (event) => event.type === "extended" && event.agreedDate === result.error.params.agreedDate,
    );
    return { ok: false, error: { ...result.error, message: `events[${eventIndex}] ${result.error.message}`, eventIndex } };
  }
  return result;
}

/** The due dates as one flat object, `dayZero` plus one ISO date per due-date id that applies. */
export function dueDatesByKey(timeline: Timeline): Partial<Record<DueDateId | "dayZero", IsoDate>> {
  const dates: Partial<Record<DueDateId | "dayZero", IsoDate>> = { dayZero: timeline.dayZero };
  for (const due of timeline.dueDates) dates[due.id] = due.date;
  return dates;
}
