// Staff accounts (issue 11, item 1): added by email address with a role, deactivated when someone leaves (their
// sessions end at once, as every staff request reads `active`). Never deleted: the audit trail names them.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staffMembers, staffSessions } from "../../db/schema";
import { accountEmail } from "~/accounts/sign-in-codes.server";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffRole } from "./staff-roles";

export type StaffMember = typeof staffMembers.$inferSelect;

/** Adds a member of staff, or gives an existing one this role and makes them active again. */
export async function addStaffMember(db: Database, input: { email: string; role: StaffRole; name?: string; addedBy?: string | null }): Promise<StaffMember> {
  const email = accountEmail(input.email);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .insert(staffMembers)
      .values({ email, role: input.role, name: input.name ?? "" })
      .onConflictDoUpdate({ target: staffMembers.email, set: { role: input.role, active: true, deactivatedAt: null, ...(input.name ? { name: input.name } : {}) } })
      .returning();
    await recordStaffAudit(tx as unknown as Database, { staffId: input.addedBy ?? null, action: "staff_added", detail: { email, role: input.role } });
    return member!;
  });
}

/** Deactivates a leaver: they can no longer sign in, and every session of theirs ends now. */
export async function deactivateStaffMember(db: Database, staffId: string, by: string | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(staffMembers).set({ active: false, deactivatedAt: now }).where(eq(staffMembers.id, staffId));
    await tx.update(staffSessions).set({ endedAt: now }).where(eq(staffSessions.staffId, staffId));
    await recordStaffAudit(tx as unknown as Database, { staffId: by, action: "staff_deactivated", detail: { staffId } });
  });
}

/**
 * Clears a member's authenticator (a lost or replaced phone): they set up a new one at their next sign-in, after
 * the emailed code. Their sessions end now, as the second factor they signed in with is gone.
 */
export async function resetAuthenticator(db: Database, staffId: string, by: string | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(staffMembers).set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null }).where(eq(staffMembers.id, staffId));
    await tx.update(staffSessions).set({ endedAt: now }).where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.endedAt)));
    await recordStaffAudit(tx as unknown as Database, { staffId: by, action: "authenticator_reset", detail: { staffId } });
  });
}

/** Everyone with a staff account, active first, then by name and address: for the managers' staff page. */
export async function listStaff(db: Database) {
  return db
    .select({ id: staffMembers.id, email: staffMembers.email, name: staffMembers.name, role: staffMembers.role, active: staffMembers.active, authenticator: staffMembers.totpConfirmedAt })
    .from(staffMembers)
    .orderBy(desc(staffMembers.active), asc(staffMembers.name), asc(staffMembers.email));
}

/** The active member of staff with this address, or null. */
export async function activeStaffByEmail(db: Database, email: string): Promise<StaffMember | null> {
  const [member] = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.email, accountEmail(email)), eq(staffMembers.active, true)));
  return member ?? null;
}

export async function activeStaffById(db: Database, staffId: string): Promise<StaffMember | null> {
  const [member] = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.id, staffId), eq(staffMembers.active, true)));
  return member ?? null;
}
