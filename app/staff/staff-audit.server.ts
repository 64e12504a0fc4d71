// The staff audit trail (issue 11, item 4): who did or saw what, when. Rows are only ever added; the database
// refuses to change or delete them (migration 0012).
import type { Database } from "../../db/client";
import { staffAudit } from "../../db/schema";

export type StaffAuditEntry = {
  staffId: string | null;
  action: string;
  complaintId?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordStaffAudit(db: Database, entry: StaffAuditEntry, now = new Date()): Promise<void> {
  await db.insert(staffAudit).values({ staffId: entry.staffId, action: entry.action, complaintId: entry.complaintId ?? null, detail: entry.detail ?? {}, at: now });
}
