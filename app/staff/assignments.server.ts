// Assigning a complaint (issue 11, item 3): a complaints officer or manager assigns an investigating officer, or
// appoints an independent investigator or panel member (children's Stages 2–3). They then see the complaint in
// their queue and on its page, and no other. Audited; assigning the same person twice changes nothing.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { caseAssignments, staffMembers } from "../../db/schema";
import { isUuid } from "~/forms/uuid";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";
import { ASSIGNABLE_ROLES } from "./staff-roles";

/** Assigns the member of staff, if active in a role that investigates; false when they cannot be assigned. */
export async function assignToComplaint(db: Database, by: StaffSignedIn, complaintId: string, staffId: string): Promise<boolean> {
  if (!isUuid(staffId)) return false;
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(and(eq(staffMembers.id, staffId), eq(staffMembers.active, true), inArray(staffMembers.role, [...ASSIGNABLE_ROLES])));
    if (!member) return false;
    const added = await tx.insert(caseAssignments).values({ complaintId, staffId, assignedBy: by.staffId }).onConflictDoNothing().returning({ staffId: caseAssignments.staffId });
    if (added.length > 0) await recordStaffAudit(tx as unknown as Database, { staffId: by.staffId, action: "assigned", complaintId, detail: { staffId } });
    return true;
  });
}

/** Takes the member of staff off the complaint: they no longer see it. */
export async function unassignFromComplaint(db: Database, by: StaffSignedIn, complaintId: string, staffId: string): Promise<void> {
  if (!isUuid(staffId)) return;
  await db.transaction(async (tx) => {
    const removed = await tx.delete(caseAssignments).where(and(eq(caseAssignments.complaintId, complaintId), eq(caseAssignments.staffId, staffId))).returning({ staffId: caseAssignments.staffId });
    if (removed.length > 0) await recordStaffAudit(tx as unknown as Database, { staffId: by.staffId, action: "unassigned", complaintId, detail: { staffId } });
  });
}

/** Who is assigned or appointed to the complaint, for its page. */
export async function assignedTo(db: Database, complaintId: string) {
  return db
    .select({ id: staffMembers.id, name: staffMembers.name, email: staffMembers.email, role: staffMembers.role })
    .from(caseAssignments)
    .innerJoin(staffMembers, eq(staffMembers.id, caseAssignments.staffId))
    .where(eq(caseAssignments.complaintId, complaintId))
    .orderBy(caseAssignments.assignedAt);
}
