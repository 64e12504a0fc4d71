// The events recorded on a complaint, shared by the case input schema, the stage machine and the timeline.
import type { IsoDate } from "./calendar-dates";
import type { LateEscalationReason } from "./escalation";
import type { Outcome } from "./stage-outcomes";
import type { Stage } from "./timescales";

export interface ReceivedEvent {
  readonly type: "received";
  readonly date: IsoDate;
}

export interface AcknowledgedEvent {
  readonly type: "acknowledged";
  readonly stage: Stage;
  readonly date: IsoDate;
}

export interface ExtendedEvent {
  readonly type: "extended";
  readonly stage: Stage;
  /** Extra working days (corporate and children's). */
  readonly days?: number;
  /** The new response date agreed with the complainant (adults, §23.6). */
  readonly agreedDate?: IsoDate;
  /** §13.11, §14.9, §21.6: the complainant is told the reason. */
  readonly reason: string;
  readonly date?: IsoDate;
}

export interface RespondedEvent {
  readonly type: "responded";
  readonly stage: Stage;
  readonly date: IsoDate;
  readonly outcome: Outcome;
}

export interface EscalationRequestedEvent {
  readonly type: "escalation_requested";
  /** The stage asked for. */
  readonly stage: 2 | 3;
  readonly date: IsoDate;
  /** §14.4: staff accepted a late corporate request. */
  readonly lateAccepted?: boolean;
  readonly lateReason?: LateEscalationReason;
}

export interface PanelHeldEvent {
  readonly type: "panel_held";
  readonly stage: 3;
  readonly date: IsoDate;
}

export interface PanelReportedEvent {
  readonly type: "panel_reported";
  readonly stage: 3;
  readonly date: IsoDate;
}

export interface WithdrawnEvent {
  readonly type: "withdrawn";
  readonly date: IsoDate;
}

export type CaseEvent =
  | ReceivedEvent
  | AcknowledgedEvent
  | ExtendedEvent
  | RespondedEvent
  | EscalationRequestedEvent
  | PanelHeldEvent
  | PanelReportedEvent
  | WithdrawnEvent;

export type CaseEventType = CaseEvent["type"];

export const CASE_EVENT_TYPES = [
  "received",
  "acknowledged",
  "extended",
  "responded",
  "escalation_requested",
  "panel_held",
  "panel_reported",
  "withdrawn",
] as const satisfies readonly CaseEventType[];
