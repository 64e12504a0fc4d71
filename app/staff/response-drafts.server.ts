// Stage responses drafted by the investigating officer or independent investigator assigned to a complaint (issue
// 11, item 1): kept as the response form's fields, one per complaint and stage, so the complaints officer or
// manager who sends the response opens the form already filled in. Drafting is audited; nothing reaches the
// complainant until the response is sent.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { responseDrafts, staffMembers } from "../../db/schema";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

export interface DraftFields {
  readonly values: Record<string, string>;
  readonly remedies: string[];
}

export async function saveResponseDraft(db: Database, staff: StaffSignedIn, complaint: { id: string; stage: number }, fields: DraftFields): Promise<void> {
  await db.transaction(async (tx) => {
    const row = { fields: { values: fields.values, remedies: fields.remedies }, draftedBy: staff.staffId, draftedAt: new Date() };
    await tx.insert(responseDrafts).values({ complaintId: complaint.id, stage: complaint.stage, ...row }).onConflictDoUpdate({ target: [responseDrafts.complaintId, responseDrafts.stage], set: row });
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "response_drafted", complaintId: complaint.id, detail: { stage: complaint.stage } });
  });
}

/** The draft of this stage's response, with who wrote it and when, if there is one. */
export async function responseDraftFor(db: Database, complaintId: string, stage: number) {
  const [row] = await db
    .select({ fields: responseDrafts.fields, draftedAt: responseDrafts.draftedAt, by: staffMembers.name, byEmail: staffMembers.email })
    .from(responseDrafts)
    .innerJoin(staffMembers, eq(staffMembers.id, responseDrafts.draftedBy))
    .where(and(eq(responseDrafts.complaintId, complaintId), eq(responseDrafts.stage, stage)));
  return row ? { fields: row.fields, draftedAt: row.draftedAt, by: row.by || row.byEmail } : null;
}
