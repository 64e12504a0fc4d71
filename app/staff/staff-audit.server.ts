// The staff audit trail (issue 11, item 4): who did or saw what, when. Rows are only ever added; the database
// refuses to change or delete them (migration 0012).
import { count, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staffAudit, staffMembers } from "../../db/schema";

export type StaffAuditEntry = {
  staffId: string | null;
  action: string;
  complaintId?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordStaffAudit(db: Database, entry: StaffAuditEntry, now = new Date()): Promise<void> {
  await db.insert(staffAudit).values({ staffId: entry.staffId, action: entry.action, complaintId: entry.complaintId ?? null, detail: entry.detail ?? {}, at: now });
}

/** A complaint's audit trail for its case page: the newest first, at most `limit`, with who and how many in all. */
export async function auditTrailOf(db: Database, complaintId: string, limit = 100) {
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: staffAudit.id, action: staffAudit.action, detail: staffAudit.detail, at: staffAudit.at, name: staffMembers.name, email: staffMembers.email })
      .from(staffAudit)
      .leftJoin(staffMembers, eq(staffMembers.id, staffAudit.staffId))
      .where(eq(staffAudit.complaintId, complaintId))
      .orderBy(desc(staffAudit.at), desc(staffAudit.id))
      .limit(limit),
    db.select({ total: count() }).from(staffAudit).where(eq(staffAudit.complaintId, complaintId)),
  ]);
  return { total: counted?.total ?? 0, rows };
}
