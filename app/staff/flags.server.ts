// Serious allegations (RULES §4, policy §8): a complaints officer or manager flags a complaint that alleges
// safeguarding concerns, fraud or corruption, and every manager is emailed at once (without the details, which
// stay in the portal). Flags are for staff only: the complainant's pages never show them. Audited.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { caseFlags, staffMembers } from "../../db/schema";
import { publicUrl } from "~/http/public-url.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { FlagKind } from "./flags";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";


export async function flagSeriousAllegation(db: Database, staff: StaffSignedIn, complaint: { id: string; reference: string }, input: { kind: FlagKind; details: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [flag] = await tx.insert(caseFlags).values({ complaintId: complaint.id, kind: input.kind, details: input.details, flaggedBy: staff.staffId }).returning({ id: caseFlags.id });
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "flagged", complaintId: complaint.id, detail: { kind: input.kind } });
    const managers = await tx.select({ id: staffMembers.id, email: staffMembers.email, active: staffMembers.active, role: staffMembers.role }).from(staffMembers).where(eq(staffMembers.role, "manager"));
    for (const manager of managers.filter((member) => member.active)) {
      await enqueueEmail(tx as unknown as Database, {
        dedupeKey: `flag:${flag!.id}:${manager.id}`,
        template: "seriousAllegation",
        locale: "en",
        recipient: manager.email,
        payload: { reference: complaint.reference, kind: input.kind, by: staff.name || staff.email, link: `${publicUrl()}/staff/complaints/${complaint.reference}` },
      });
    }
  });
}

/** The complaint's flags, oldest first, with who raised each: for its staff page only. */
export async function flagsOf(db: Database, complaintId: string) {
  return db
    .select({ id: caseFlags.id, kind: caseFlags.kind, details: caseFlags.details, flaggedAt: caseFlags.flaggedAt, by: staffMembers.name, byEmail: staffMembers.email })
    .from(caseFlags)
    .innerJoin(staffMembers, eq(staffMembers.id, caseFlags.flaggedBy))
    .where(eq(caseFlags.complaintId, complaintId))
    .orderBy(asc(caseFlags.flaggedAt));
}
