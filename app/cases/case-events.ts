// The events stored on a complaint (complaint_events), as one zod schema shared by the database layer, the case
// service and the timeline command. The rules' own events (app/rules/case-input.ts) are used as they are and
// widened only with what the portal records besides: who asked for the next stage and why (§14.5), the triage
// decisions (RULES §7), information added, a late request waiting for the council's decision (§14.4), closure, and
// someone acting for the person (§7; issue 10): added, given or refused permission, revoked, decided on.
import { z } from "zod";
import { caseEventSchema, isoDateSchema } from "~/rules/case-input";
import type { CaseEvent } from "~/rules/complaint-events";
import { ESCALATION_GROUNDS, LATE_ESCALATION_REASONS } from "~/rules/escalation";
import { EXCLUSIONS } from "~/rules/eligibility";
import type { StageEvent } from "~/rules/stage-machine";
import { REMEDIES } from "~/rules/stage-outcomes";
import { PATHWAYS } from "~/rules/timescales";
import { CONSENT_ROUTES, LETTERS_TO, RELATIONSHIPS } from "~/representation/representation-rules";

/** Who made a change: the person complaining, someone acting for them (issue 10), council staff, or the portal. */
export const ACTORS = ["resident", "representative", "staff", "system"] as const;
export type Actor = (typeof ACTORS)[number];

/** How a complaint reached the council (issue 11 logs the offline ones). */
export const CHANNELS = ["online", "email", "letter", "phone", "in_person"] as const;

const text = (max: number) => z.string().trim().max(max);

/** A file sent with an event, by its attachment id and the name the resident gave it. */
const sentFile = z.object({ id: z.uuid(), filename: z.string() });

/** §14.5: what a person asking for the next stage tells us. */
const escalationRequest = {
  grounds: z.array(z.enum(ESCALATION_GROUNDS)).min(1),
  unresolved: text(5000),
  outcomeWanted: text(5000),
};

const [received, acknowledged, extended, responded, escalationRequested, panelHeld, panelReported, withdrawn] = caseEventSchema.options;

export const storedEventSchema = z.discriminatedUnion("type", [
  received.extend({
    channel: z.enum(CHANNELS).default("online"),
    /** The pathway the portal suggested; staff confirm or change it at triage (RULES §2). */
    suggestedPathway: z.enum(PATHWAYS).optional(),
  }),
  // §13.8: the acknowledgement says our understanding of the complaint and the outcome sought, and who investigates.
  // Issue 12: the date the acknowledgement was due by, written as it is recorded.
  acknowledged.extend({ understanding: text(5000).optional(), officer: text(200).optional(), dueOn: isoDateSchema.optional() }),
  // Every stored event has its date, an extension too.
  extended.extend({ date: isoDateSchema }),
  // §13.17, §15: an upheld response's apology, remedies (a payment in pence) and actions with completion dates.
  responded.extend({
    // Issue 12: the response date in force and the working days the stage took, written as it is recorded.
    dueOn: isoDateSchema.optional(),
    workingDays: z.number().int().min(0).optional(),
    summary: text(20_000).optional(),
    apology: text(5000).optional(),
    remedies: z.array(z.enum(REMEDIES)).optional(),
    paymentPence: z.number().int().positive().optional(),
    actions: z.array(z.object({ what: text(1000), by: isoDateSchema })).optional(),
  }),
  escalationRequested.extend({ ...escalationRequest, grounds: escalationRequest.grounds.optional(), unresolved: escalationRequest.unresolved.optional(), outcomeWanted: escalationRequest.outcomeWanted.optional() }),
  panelHeld,
  panelReported,
  withdrawn.extend({ reason: text(5000).optional() }),
  // §13.10: "joined" names the person's Stage 1 complaint it joins (joinedTo, its reference).
  z.object({
    type: z.literal("triaged"),
    date: isoDateSchema,
    outcome: z.enum(["accepted", "resolved_informally", "service_request", "not_accepted", "joined"]),
    pathway: z.enum(PATHWAYS).optional(),
    exclusion: z.enum(EXCLUSIONS).optional(),
    joinedTo: z.string().regex(/^CCC-[A-Z0-9]{4}-[A-Z0-9]{4}$/).optional(),
    reason: text(5000).optional(),
  }),
  z.object({ type: z.literal("pathway_changed"), date: isoDateSchema, pathway: z.enum(PATHWAYS), reason: text(5000) }),
  // §14.3: closed when the council refuses a late request for the next stage, with the reason it gave.
  z.object({ type: z.literal("closed"), date: isoDateSchema, reason: text(5000).optional() }),
  // §14.4: a corporate Stage 2 request after the 20 working days, within six months: the council decides.
  z.object({
    type: z.literal("late_escalation_requested"),
    stage: z.literal(2),
    date: isoDateSchema,
    lateReason: z.enum(LATE_ESCALATION_REASONS),
    lateExplanation: text(5000),
    ...escalationRequest,
  }),
  z.object({ type: z.literal("information_added"), date: isoDateSchema, message: text(5000), files: z.array(sentFile).default([]) }),
  z.object({ type: z.literal("representative_added"), date: isoDateSchema, relationship: z.enum(RELATIONSHIPS), route: z.enum(CONSENT_ROUTES) }),
  z.object({
    type: z.literal("representation_changed"),
    date: isoDateSchema,
    change: z.enum(["consent_given", "consent_declined", "revoked", "council_accepted", "council_not_accepted"]),
    lettersTo: z.enum(LETTERS_TO).optional(),
  }),
]);

export type StoredEvent = z.output<typeof storedEventSchema>;
export type StoredEventInput = z.input<typeof storedEventSchema>;
export type StoredEventType = StoredEvent["type"];

/** An event as read back, with who made it and when it was written. */
export interface RecordedEvent {
  readonly id: number;
  readonly event: StoredEvent;
  readonly actor: Actor;
  readonly recordedAt: Date;
}

/** The stored row's columns for an event: its type, stage and date in their own columns, the rest as details. */
export function eventColumns(event: StoredEvent): { type: string; stage: number | null; occurredOn: string; details: Record<string, unknown> } {
  const { type, date, ...rest } = event;
  const stage = "stage" in rest && typeof rest.stage === "number" ? rest.stage : null;
  const details = Object.fromEntries(Object.entries(rest).filter(([key, value]) => key !== "stage" && value !== undefined));
  return { type, stage, occurredOn: date, details };
}

/** An event from its stored row; a row that does not fit the schema is a bug and throws, naming the row. */
export function eventFromRow(row: { id: number; type: string; stage: number | null; occurredOn: string; details: Record<string, unknown> }): StoredEvent {
  const candidate = { ...row.details, type: row.type, date: row.occurredOn, ...(row.stage === null ? {} : { stage: row.stage }) };
  const parsed = storedEventSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`complaint_events row ${row.id} does not fit the event schema: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The event the stage machine takes, or null for what does not move the stage (information added, a late request
 * waiting for the council's decision). Stored events carry more than the machine needs; it reads only its fields.
 */
export function stageEventOf(event: StoredEvent): StageEvent | CaseEvent | null {
  switch (event.type) {
    case "information_added":
    case "late_escalation_requested":
    case "representative_added":
    case "representation_changed":
      return null;
    case "triaged": {
      const { outcome, date } = event;
      if (outcome === "accepted") return { type: "triaged", outcome, pathway: event.pathway!, ...(event.reason ? { reason: event.reason } : {}), date };
      if (outcome === "not_accepted") return { type: "triaged", outcome, exclusion: event.exclusion!, date };
      if (outcome === "joined") return { type: "triaged", outcome, joinedTo: event.joinedTo ?? "", date };
      return { type: "triaged", outcome, date };
    }
    default:
      return event as StageEvent | CaseEvent;
  }
}
