// Staff's changes to a complaint (issue 11, item 3): each through the case service — checked against the stage
// machine, written as a staff event, audited, and told to the resident in their language, in one transaction.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { complaintEvents, complaintParties, complaints } from "../../db/schema";
import type { ComplaintRow } from "~/cases/access.server";
import type { StoredEvent, StoredEventInput } from "~/cases/case-events";
import { CaseChangeError, changeCase, loadCase, type ChangedCase, type Transaction } from "~/cases/case-service.server";
import { tellComplainant } from "~/cases/letters.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { extensionNotice } from "~/rules/extensions";
import type { Pathway, Stage } from "~/rules/timescales";
import type { ExtensionInput, ResponseInput, TriageEndingInput } from "./response-form";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

type Form = { formId: string; version: number; today: IsoDate };

async function staffChange(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, event: StoredEventInput, tell?: (tx: Transaction, changed: ChangedCase) => Promise<void>) {
  try {
    return await changeCase(db, {
      complaintId: row.id,
      event,
      actor: "staff",
      expectedVersion: form.version,
      dedupeKey: `staff:${form.formId}`,
      today: form.today,
      notify: async (tx, changed) => {
        await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "changed", complaintId: row.id, detail: { event: changed.event.type } });
        await tell?.(tx, changed);
      },
    });
  } catch (error) {
    if (error instanceof CaseChangeError) return error;
    throw error;
  }
}

/**
 * RULES §7: accepted as a complaint, on the pathway the portal suggested or another (RULES §2, §12.4): then the
 * person is told which, and why, as the officer wrote it.
 */
export function acceptComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: { pathway?: Pathway; reason?: string } = {}) {
  const pathway = input.pathway ?? (row.pathway as Pathway);
  if (pathway === row.pathway) return staffChange(db, staff, row, form, { type: "triaged", outcome: "accepted", pathway, date: form.today });
  const reason = input.reason ?? "";
  return staffChange(db, staff, row, form, { type: "triaged", outcome: "accepted", pathway, reason, date: form.today }, (tx, changed) =>
    tellComplainant(tx, changed, "accepted_other_pathway", { pathway, reasons: reason }),
  );
}


/**
 * RULES §7: resolved informally, passed on as a service request, or not accepted naming the exclusion (§6.5) —
 * whose letter gives the right to go to the Ombudsman (§6.5; §9.3 for a complaint out of time).
 */
export function endAtTriage(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: TriageEndingInput) {
  const event: StoredEventInput =
    input.outcome === "not_accepted"
      ? { type: "triaged", outcome: "not_accepted", exclusion: input.exclusion, reason: input.reason, date: form.today }
      : { type: "triaged", outcome: input.outcome, reason: input.reason, date: form.today };
  return staffChange(db, staff, row, form, event, (tx, changed) =>
    tellComplainant(tx, changed, input.outcome, {
      reasons: input.reason,
      ...(input.outcome === "not_accepted" ? { exclusion: input.exclusion, ombudsman: input.exclusion === "out_of_time" ? "out_of_time" : "not_accepted" } : {}),
    }),
  );
}

/**
 * §14.3–14.4: the council's decision on a late request for Stage 2. Accepted, it becomes the Stage 2 request, dated
 * the day of the decision (the acknowledgement is due from then); refused, the complaint closes and the letter
 * gives the reason and the Ombudsman route.
 */
export function decideLateRequest(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, request: LateRequest, input: { accept: boolean; reason: string }) {
  if (!input.accept) {
    return staffChange(db, staff, row, form, { type: "closed", date: form.today, reason: input.reason }, (tx, changed) =>
      tellComplainant(tx, changed, "late_refused", { reasons: input.reason, nextStage: 2, ombudsman: "late_escalation_refused" }),
    );
  }
  const { lateReason, grounds, unresolved, outcomeWanted } = request;
  return staffChange(db, staff, row, form, { type: "escalation_requested", stage: 2, date: form.today, lateAccepted: true, lateReason, grounds, unresolved, outcomeWanted }, (tx, changed) =>
    tellComplainant(tx, changed, "late_accepted", { reasons: input.reason, ...(changed.progress.nextCouncilDue ? { acknowledgeBy: changed.progress.nextCouncilDue.date } : {}) }),
  );
}

/** A late request for Stage 2 waiting for the council's decision, as stored. */
export type LateRequest = Extract<StoredEvent, { type: "late_escalation_requested" }>;

/** The late request for Stage 2 waiting for the council's decision (§14.4), or null when none waits. */
export async function pendingLateRequest(db: Database, complaintId: string, today: IsoDate): Promise<LateRequest | null> {
  const loaded = await loadCase(db, complaintId, today);
  if (!loaded || loaded.progress.nextStage.kind !== "awaiting_decision") return null;
  const late = [...loaded.events].reverse().find((recorded) => recorded.event.type === "late_escalation_requested");
  return late ? (late.event as LateRequest) : null;
}

/** §13.8: acknowledged, with our understanding and the outcome sought, the investigating officer and the response date. */
export function acknowledgeComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: { understanding: string; officer: string }) {
  return staffChange(db, staff, row, form, { type: "acknowledged", stage: row.stage as Stage, date: form.today, ...input }, (tx, changed) =>
    tellComplainant(tx, changed, "acknowledged", { understanding: input.understanding, officer: input.officer, ...(changed.progress.nextCouncilDue ? { responseBy: changed.progress.nextCouncilDue.date } : {}) }),
  );
}

/** §13.13–13.17: the response, with its outcome, reasons and remedy; the letter says what the person can do next. */
export function respondToComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: ResponseInput) {
  const { outcome, reasons, apology, remedies, paymentPence, actions } = input;
  const remedy = { ...(apology ? { apology } : {}), ...(remedies.length > 0 ? { remedies: [...remedies] } : {}), ...(paymentPence ? { paymentPence } : {}), ...(actions.length > 0 ? { actions: [...actions] } : {}) };
  return staffChange(db, staff, row, form, { type: "responded", stage: row.stage as Stage, date: form.today, outcome, summary: reasons, ...remedy }, (tx, changed) => {
    const next = changed.progress.nextStage;
    const window = next.kind === "in_time" ? { nextStage: next.window.nextStage, requestBy: next.window.requestBy } : {};
    return tellComplainant(tx, changed, "responded", { outcome, reasons, ...remedy, ...window });
  });
}

/**
 * RULES §3: more time, with the reason, and the new response date computed from the extended stage (corporate:
 * with the right to take the decision to extend to the Ombudsman, §13.11, §14.9).
 */
export function extendResponse(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: ExtensionInput) {
  return staffChange(db, staff, row, form, { type: "extended", stage: row.stage as Stage, date: form.today, ...input }, (tx, changed) => {
    const responseBy = changed.progress.nextCouncilDue?.date;
    const notice = extensionNotice(row.pathway as Pathway, row.stage as Stage, responseBy ?? form.today, input.reason);
    return tellComplainant(tx, changed, "extended", { reasons: input.reason, ...(notice.ombudsman ? { ombudsman: "extension" as const } : {}), ...(responseBy ? { responseBy } : {}) });
  });
}

/** Appendix A §22: the children's Stage 3 review panel has met, or has reported; the council responds next. */
export function recordPanel(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, step: "panel_held" | "panel_reported") {
  return staffChange(db, staff, row, form, { type: step, stage: 3, date: form.today });
}

/** Why a complaint cannot be joined to the one named (§13.10); the page shows it against the reference. */
export type JoinRefusal = "not_found" | "same_complaint" | "not_stage_one" | "other_person";

/**
 * §13.10: a further related complaint made while the person's Stage 1 complaint is still being looked into (accepted,
 * not yet responded to) joins it, and that complaint's response answers both; otherwise it is a new complaint. Only
 * the same person's complaints are joined (the same complainant's email address), so no one learns of another's.
 */
export async function joinComplaint(db: Database, staff: StaffSignedIn, row: ComplaintRow, form: Form, input: { joinedTo: string; reason: string }): Promise<JoinRefusal | ChangedCase | CaseChangeError> {
  if (input.joinedTo === row.reference) return "same_complaint";
  const [target] = await db.select().from(complaints).where(eq(complaints.reference, input.joinedTo));
  if (!target) return "not_found";
  if (target.stage !== 1 || (target.status !== "awaiting_acknowledgement" && target.status !== "investigating")) return "not_stage_one";
  const complainantEmail = async (complaintId: string) =>
    (await db.select({ email: complaintParties.email }).from(complaintParties).where(and(eq(complaintParties.complaintId, complaintId), eq(complaintParties.role, "complainant"))))[0]?.email.trim().toLowerCase() ?? "";
  const [mine, theirs] = await Promise.all([complainantEmail(row.id), complainantEmail(target.id)]);
  if (mine === "" || mine !== theirs) return "other_person";
  // The date the joined complaint's Stage 1 response is due, once it has been acknowledged.
  const responseBy = target.status === "investigating" ? (await loadCase(db, target.id, form.today))?.progress.nextCouncilDue?.date : undefined;
  return staffChange(db, staff, row, form, { type: "triaged", outcome: "joined", joinedTo: target.reference, reason: input.reason, date: form.today }, (tx, changed) =>
    tellComplainant(tx, changed, "joined", { joinedTo: target.reference, reasons: input.reason, ...(responseBy ? { responseBy } : {}) }),
  );
}

/** The complaints joined to this one (§13.10), for its case page: their references and the day each was joined. */
export async function complaintsJoinedTo(db: Database, reference: string) {
  return db
    .select({ reference: complaints.reference, on: complaintEvents.occurredOn })
    .from(complaintEvents)
    .innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId))
    .where(and(eq(complaintEvents.type, "triaged"), sql`${complaintEvents.details}->>'joinedTo' = ${reference}`));
}
