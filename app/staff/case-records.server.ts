// What staff record about a complaint beside its stages (issue 11, item 3): the team and categories of concern
// from triage, the staff-conduct outcome the complainant is not told (§15.4), and the Ombudsman's enquiries and
// decisions (RULES §7, §16). Each change is in the staff audit trail, in the same transaction.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { caseClassifications, conductOutcomes, ombudsmanEnquiries, staffMembers } from "../../db/schema";
import type { IsoDate } from "~/rules/calendar-dates";
import type { Classification, ConductOutcome } from "./classification";
import type { EnquiryDecision, NewEnquiry } from "./ombudsman-enquiry";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

export async function classificationOf(db: Database, complaintId: string) {
  const [row] = await db.select({ team: caseClassifications.team, categories: caseClassifications.categories }).from(caseClassifications).where(eq(caseClassifications.complaintId, complaintId));
  return row ?? null;
}

/** The teams already recorded, most used first, offered so that one team is not counted under several spellings. */
export async function teamsInUse(db: Database, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ team: caseClassifications.team })
    .from(caseClassifications)
    .groupBy(caseClassifications.team)
    .orderBy(desc(sql`count(*)`), asc(caseClassifications.team))
    .limit(limit);
  return rows.map((row) => row.team);
}

export async function classifyComplaint(db: Database, staff: StaffSignedIn, complaintId: string, input: Classification): Promise<void> {
  await db.transaction(async (tx) => {
    const values = { team: input.team, categories: [...input.categories], classifiedBy: staff.staffId, classifiedAt: new Date() };
    await tx.insert(caseClassifications).values({ complaintId, ...values }).onConflictDoUpdate({ target: caseClassifications.complaintId, set: values });
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "classified", complaintId, detail: { team: input.team, categories: input.categories } });
  });
}

export async function recordConductOutcome(db: Database, staff: StaffSignedIn, complaint: { id: string; stage: number }, input: ConductOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(conductOutcomes).values({ complaintId: complaint.id, stage: complaint.stage, outcome: input.outcome, notes: input.notes, recordedBy: staff.staffId });
    // The notes stay in their table: the audit trail says that an outcome was recorded, not what it was.
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "conduct_outcome", complaintId: complaint.id, detail: { stage: complaint.stage } });
  });
}

export async function conductOutcomesOf(db: Database, complaintId: string) {
  return db
    .select({ id: conductOutcomes.id, stage: conductOutcomes.stage, outcome: conductOutcomes.outcome, notes: conductOutcomes.notes, recordedAt: conductOutcomes.recordedAt, by: staffMembers.name, byEmail: staffMembers.email })
    .from(conductOutcomes)
    .innerJoin(staffMembers, eq(staffMembers.id, conductOutcomes.recordedBy))
    .where(eq(conductOutcomes.complaintId, complaintId))
    .orderBy(asc(conductOutcomes.recordedAt));
}

export async function addOmbudsmanEnquiry(db: Database, staff: StaffSignedIn, complaintId: string, input: NewEnquiry): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(ombudsmanEnquiries).values({ complaintId, ombudsmanReference: input.ombudsmanReference, receivedOn: input.receivedOn, recordedBy: staff.staffId }).returning({ id: ombudsmanEnquiries.id });
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "ombudsman_enquiry", complaintId, detail: { enquiry: row!.id, ombudsmanReference: input.ombudsmanReference } });
    return row!.id;
  });
}

/** Records the Ombudsman's decision once: false when the enquiry was already decided (or is not this complaint's). */
export async function decideOmbudsmanEnquiry(db: Database, staff: StaffSignedIn, complaintId: string, enquiryId: number, input: EnquiryDecision): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(ombudsmanEnquiries)
      .set({ decision: input.decision, decidedOn: input.decidedOn, remedy: input.remedy, remedyPence: input.remedyPence, recordedBy: staff.staffId, updatedAt: new Date() })
      .where(and(eq(ombudsmanEnquiries.id, enquiryId), eq(ombudsmanEnquiries.complaintId, complaintId), isNull(ombudsmanEnquiries.decision)))
      .returning({ id: ombudsmanEnquiries.id });
    if (updated.length === 0) return false;
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "ombudsman_decision", complaintId, detail: { enquiry: enquiryId, decision: input.decision } });
    return true;
  });
}

export async function ombudsmanEnquiriesOf(db: Database, complaintId: string) {
  const rows = await db.select().from(ombudsmanEnquiries).where(eq(ombudsmanEnquiries.complaintId, complaintId)).orderBy(asc(ombudsmanEnquiries.receivedOn), asc(ombudsmanEnquiries.id));
  return rows.map((row) => ({ ...row, receivedOn: row.receivedOn as IsoDate, decidedOn: row.decidedOn as IsoDate | null }));
}
