// The one way a complaint changes (issue 9, item 7). Every change — a resident asking for the next stage, adding
// information or withdrawing now, council staff later — is checked against the stage machine on the complaint's
// stored events, and written with its derived stage, status and next due date, and any email, in one transaction.
// The complaint's row is locked first, so concurrent changes are decided one after another; a form's dedupe key
// makes a second post of the same form record nothing. Impossible changes throw a CaseChangeError that a page
// turns into a translated 409 or 422.
import { asc, eq, sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { violatedUniqueConstraint } from "../../db/errors";
import { complaintEvents, complaintParties, complaints } from "../../db/schema";
import type { IsoDate } from "~/rules/calendar-dates";
import { assessEscalationRequest } from "~/rules/escalation";
import type { RulesConfig } from "~/rules/rules-config";
import { councilRulesConfig } from "./council-calendar.server";
import { applyEvent, isOpen, type ComplaintState, type StageEvent } from "~/rules/stage-machine";
import type { Pathway, Stage } from "~/rules/timescales";
import { calendarFor } from "~/rules/working-days";
import { eventColumns, eventFromRow, stageEventOf, storedEventSchema, type Actor, type RecordedEvent, type StoredEvent, type StoredEventInput } from "./case-events";
import { caseProgress, replayStored, withTimeliness, type CaseProgress } from "./case-progress";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const CASE_CHANGE_ERROR_CODES = [
  "not_found",
  "stale",
  "invalid_event",
  "complaint_not_open",
  "not_responded",
  "no_further_stage",
  "escalation_out_of_time",
  "late_escalation_needs_staff_decision",
  "not_late",
  "already_awaiting_decision",
  "refused",
  // Someone acting for the person (issue 10): a change their representation's state does not allow.
  "representation_unchanged",
] as const;
export type CaseChangeErrorCode = (typeof CASE_CHANGE_ERROR_CODES)[number];

/** A change the complaint's state does not allow (409), or that is malformed (422), or to no complaint (404). */
export class CaseChangeError extends Error {
  override name = "CaseChangeError";
  constructor(
    readonly code: CaseChangeErrorCode,
    message: string,
    /** The stage machine's own code, when it refused. */
    readonly ruleCode?: string,
  ) {
    super(message);
  }

  get status(): 404 | 409 | 422 {
    return this.code === "not_found" ? 404 : this.code === "invalid_event" ? 422 : 409;
  }
}

const MACHINE_CODES: Partial<Record<string, CaseChangeErrorCode>> = {
  complaint_not_open: "complaint_not_open",
  not_responded: "not_responded",
  no_further_stage: "no_further_stage",
  escalation_out_of_time: "escalation_out_of_time",
  late_escalation_needs_staff_decision: "late_escalation_needs_staff_decision",
};

export interface CaseRow {
  readonly id: string;
  readonly reference: string;
  readonly pathway: Pathway;
  readonly version: number;
}

/** A complaint's events in the order they were recorded. */
export async function recordedEvents(db: Database | Transaction, complaintId: string): Promise<RecordedEvent[]> {
  const rows = await db
    .select({
      id: complaintEvents.id,
      type: complaintEvents.type,
      stage: complaintEvents.stage,
      occurredOn: complaintEvents.occurredOn,
      details: complaintEvents.details,
      actor: complaintEvents.actor,
      createdAt: complaintEvents.createdAt,
    })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.id));
  return rows.map((row) => ({ id: row.id, event: eventFromRow(row), actor: row.actor as Actor, recordedAt: row.createdAt }));
}

/** The derived columns the case service keeps beside the events, for lists and queues. */
export function derivedColumns(state: ComplaintState, progress: CaseProgress) {
  const endedOn = state.withdrawnOn ?? state.closedOn ?? (isOpen(state.status) ? null : (state.lastEventOn ?? null));
  return {
    status: state.status,
    stage: state.stage,
    pathway: state.pathway,
    nextDueOn: progress.nextCouncilDue?.date ?? null,
    closedOn: endedOn,
  };
}

export interface NewCase {
  /** The complaint's own columns, as submitComplaint builds them. */
  readonly values: Omit<typeof complaints.$inferInsert, "status" | "stage" | "version" | "nextDueOn" | "closedOn">;
  /** The complainant's details; none for an anonymous complaint. */
  readonly complainant?: Omit<typeof complaintParties.$inferInsert, "complaintId" | "role">;
  readonly actor: Actor;
  readonly accountId?: string | null;
  readonly channel?: "online" | "email" | "letter" | "phone" | "in_person";
}

/** Records a new complaint with its received event and its complainant, inside the caller's transaction. */
export async function openCase(tx: Transaction | Database, input: NewCase, given?: RulesConfig) {
  const config = given ?? (await councilRulesConfig(tx as Database));
  const received: StoredEvent = {
    type: "received",
    date: input.values.receivedOn as IsoDate,
    channel: input.channel ?? "online",
    suggestedPathway: input.values.pathway as Pathway,
  };
  const progress = caseProgress(input.values.pathway as Pathway, [received], input.values.receivedOn as IsoDate, { config });
  const [row] = await tx
    .insert(complaints)
    .values({ ...input.values, ...derivedColumns(progress.state, progress), version: 1 })
    .returning({ id: complaints.id, reference: complaints.reference });
  await tx.insert(complaintEvents).values({ complaintId: row!.id, ...eventColumns(received), actor: input.actor, actorAccountId: input.accountId ?? null });
  if (input.complainant) {
    await tx.insert(complaintParties).values({ ...input.complainant, complaintId: row!.id, role: "complainant" });
  }
  return row!;
}

export interface CaseChange {
  readonly complaintId: string;
  readonly event: StoredEventInput;
  readonly actor: Actor;
  readonly accountId?: string | null;
  /** The version the person's page showed; a different one now means the page was stale (409). */
  readonly expectedVersion?: number;
  /** One per form: a second post finds the first event and records nothing. */
  readonly dedupeKey?: string;
  /** London's date today: due dates are judged on it (default: the event's date). */
  readonly today?: IsoDate;
  readonly config?: RulesConfig;
  /**
   * Queues what the change should tell people (the outbox), and writes what goes with the event (a representation's
   * state), in the same transaction; a CaseChangeError thrown here undoes the change.
   */
  readonly notify?: (tx: Transaction, changed: ChangedCase) => Promise<void>;
}

export interface ChangedCase {
  readonly complaint: CaseRow;
  readonly event: StoredEvent;
  readonly eventId: number;
  readonly progress: CaseProgress;
  /** False when the form had already been recorded (the same dedupe key). */
  readonly created: boolean;
}

/** Checks the event against the complaint as it stands, throwing what is wrong. */
function checkChange(state: ComplaintState, pendingLate: boolean, event: StoredEvent, actor: Actor, config: RulesConfig): void {
  const calendar = calendarFor(config);
  if (event.type === "information_added") {
    if (!isOpen(state.status)) throw new CaseChangeError("complaint_not_open", `the complaint is ${state.status}`);
    return;
  }
  // Who acts for the person does not move the stage; the representation service checks its own states (§7).
  if (event.type === "representative_added" || event.type === "representation_changed") return;
  // §14.4: while a late request waits, only the council's decision moves it: staff accepting it (a late Stage 2
  // request accepted) or closing the complaint.
  const decidingLate = actor === "staff" && event.type === "escalation_requested" && event.lateAccepted === true;
  if ((event.type === "escalation_requested" || event.type === "late_escalation_requested") && pendingLate && !decidingLate) {
    throw new CaseChangeError("already_awaiting_decision", "a late request for the next stage is waiting for the council's decision");
  }
  if (event.type === "escalation_requested" && event.lateAccepted && !decidingLate) {
    throw new CaseChangeError("invalid_event", "only the council accepts a late request");
  }
  if (event.type === "late_escalation_requested") {
    // §14.4: only a corporate request after the window and within six months waits for the council's decision.
    if (state.status !== "responded") throw new CaseChangeError("not_responded", `stage ${state.stage} has not been responded to`);
    const respondedOn = state.stages[state.stages.length - 1]!.respondedOn!;
    const decision = assessEscalationRequest(state.pathway, state.stage as Stage, respondedOn, event.date, { config, calendar }).decision;
    if (decision === "in_time") throw new CaseChangeError("not_late", "the request is in time: ask for the next stage");
    if (decision === "out_of_time") throw new CaseChangeError("escalation_out_of_time", "the last day to ask has passed");
    if (decision === "no_further_stage") throw new CaseChangeError("no_further_stage", "there is no further stage");
    return;
  }
  const stageEvent = stageEventOf(event);
  if (stageEvent === null || stageEvent.type === "received") throw new CaseChangeError("invalid_event", `${event.type} cannot be recorded on an existing complaint`);
  const applied = applyEvent(state, stageEvent as StageEvent, { config, calendar, enforceEscalationWindows: true });
  if (!applied.ok) throw new CaseChangeError(MACHINE_CODES[applied.error.code] ?? "refused", applied.error.message, applied.error.code);
}

/** Records one change to a complaint, or throws a CaseChangeError saying why it cannot be made. */
export async function changeCase(db: Database | Transaction, change: CaseChange): Promise<ChangedCase> {
  const parsed = storedEventSchema.safeParse(change.event);
  if (!parsed.success) throw new CaseChangeError("invalid_event", parsed.error.message);
  const event = parsed.data;
  const today = change.today ?? event.date;
  return db.transaction(async (tx) => {
    const config = change.config ?? (await councilRulesConfig(tx as unknown as Database));
    const locked = rowsOf<{ id: string; reference: string; pathway: Pathway; version: number }>(
      await tx.execute(sql`select id, reference, pathway, version from complaints where id = ${change.complaintId} for update`),
    );
    const complaint = locked[0];
    if (!complaint) throw new CaseChangeError("not_found", "no such complaint");
    const events = await recordedEvents(tx, complaint.id);
    const stored = events.map((recorded) => recorded.event);
    if (change.dedupeKey) {
      const [already] = await tx
        .select({ id: complaintEvents.id, complaintId: complaintEvents.complaintId })
        .from(complaintEvents)
        .where(eq(complaintEvents.dedupeKey, change.dedupeKey));
      if (already) {
        if (already.complaintId !== complaint.id) throw new CaseChangeError("invalid_event", "the form belongs to another complaint");
        const first = events.find((recorded) => recorded.id === already.id)!;
        return { complaint, event: first.event, eventId: already.id, progress: caseProgress(complaint.pathway, stored, today, { config }), created: false };
      }
    }
    if (change.expectedVersion !== undefined && change.expectedVersion !== complaint.version) {
      throw new CaseChangeError("stale", `the complaint changed (version ${complaint.version}, the form was for ${change.expectedVersion})`);
    }
    const replay = replayStored(complaint.pathway, stored, { config });
    if (!replay.ok) throw new Error(`complaint ${complaint.reference}: stored events cannot be replayed: ${replay.message}`);
    checkChange(replay.state, replay.pendingLateRequest !== undefined, event, change.actor, config);

    const progress = caseProgress(complaint.pathway, [...stored, event], today, { config });
    // Issue 12: a response carries the date it was due by and how many working days its stage took, for the reports.
    const toStore = withTimeliness(event, progress, config);
    const inserted = await tx
      .transaction((savepoint) =>
        savepoint
          .insert(complaintEvents)
          .values({
            complaintId: complaint.id,
            ...eventColumns(toStore),
            actor: change.actor,
            actorAccountId: change.accountId ?? null,
            dedupeKey: change.dedupeKey ?? null,
          })
          .returning({ id: complaintEvents.id }),
      )
      .catch((error: unknown) => {
        // The key is unique across complaints: a form's key posted again for another complaint.
        if (violatedUniqueConstraint(error) === "complaint_events_dedupe_key_unique") throw new CaseChangeError("invalid_event", "the form was already used");
        throw error;
      });
    const version = complaint.version + 1;
    await tx
      .update(complaints)
      .set({ ...derivedColumns(progress.state, progress), version })
      .where(eq(complaints.id, complaint.id));
    const changed: ChangedCase = { complaint: { ...complaint, pathway: progress.state.pathway, version }, event: toStore, eventId: inserted[0]!.id, progress, created: true };
    if (change.notify) await change.notify(tx, changed);
    return changed;
  });
}

/** A complaint's row and where it stands today, or null. */
export async function loadCase(db: Database, complaintId: string, today: IsoDate, given?: RulesConfig) {
  const [[complaint], config] = await Promise.all([db.select().from(complaints).where(eq(complaints.id, complaintId)), given ?? councilRulesConfig(db)]);
  if (!complaint) return null;
  return progressOf(complaint, await recordedEvents(db, complaintId), today, config);
}

/** Where a complaint (its row, already read) stands today, from its recorded events. */
export function progressOf(
  complaint: typeof complaints.$inferSelect,
  events: RecordedEvent[],
  today: IsoDate,
  config: RulesConfig,
) {
  const progress = caseProgress(complaint.pathway, events.map((recorded) => recorded.event), today, { config });
  return { complaint, events, progress };
}
