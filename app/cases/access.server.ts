// Who may see and change a complaint (issue 9, item 8). An account reaches a complaint through a party record in a
// role: the complainant's record made with the account signed in, or with the account's verified email address
// (complaints made before sign-in existed count too). Anyone else — another resident guessing a reference included —
// is told the complaint does not exist (404). Someone acting for the person (issue 10) reaches it through their
// representation, as far as its state allows (representativeAccess): everything with the person's permission, only
// the reference and stage while it is awaited, nothing once it is declined, revoked or not accepted. Staff's
// access (issue 11) is added here too.
import { and, desc, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { caseAssignments, complaintParties, complaints, representations } from "../../db/schema";
import type { SignedIn } from "~/accounts/sessions.server";
import { representativeAccess, type RepresentationState } from "~/representation/representation-rules";
import { complaintReach, type StaffRole } from "~/staff/staff-roles";

export type ComplaintRole = "complainant" | "representative";

function reachedBy(account: SignedIn) {
  return and(
    eq(complaintParties.role, "complainant"),
    or(eq(complaintParties.accountId, account.accountId), sql`lower(${complaintParties.email}) = ${account.email}`),
  );
}

export type ComplaintRow = typeof complaints.$inferSelect;

/**
 * The complaint with this reference (its row), if the account may see it: the role it sees it in, and how much of
 * it — "full" for the complainant and for a representative with permission, "limited" for one still waiting.
 */
export async function complaintForAccount(
  db: Database,
  account: SignedIn,
  reference: string,
): Promise<{
  id: string;
  role: ComplaintRole;
  access: "full" | "limited";
  representation: { id: string; state: RepresentationState } | null;
  complaint: ComplaintRow;
} | null> {
  if (!/^CCC-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference)) return null;
  const [row] = await db
    .select({ complaint: complaints })
    .from(complaints)
    .innerJoin(complaintParties, eq(complaintParties.complaintId, complaints.id))
    .where(and(eq(complaints.reference, reference), reachedBy(account)))
    .limit(1);
  if (row) return { id: row.complaint.id, role: "complainant", access: "full", representation: null, complaint: row.complaint };
  // Someone acting for the person: the newest representation from this account decides (§7.4).
  const [acting] = await db
    .select({ complaint: complaints, representationId: representations.id, state: representations.state })
    .from(representations)
    .innerJoin(complaints, eq(complaints.id, representations.complaintId))
    .where(and(eq(complaints.reference, reference), eq(representations.accountId, account.accountId)))
    .orderBy(desc(representations.createdAt))
    .limit(1);
  if (!acting) return null;
  const state = acting.state as RepresentationState;
  const access = representativeAccess(state);
  if (access === "none") return null;
  return { id: acting.complaint.id, role: "representative", access, representation: { id: acting.representationId, state }, complaint: acting.complaint };
}

/** The account's complaints, newest first, with what the list shows. */
export async function complaintsForAccount(db: Database, account: SignedIn) {
  return db
    .selectDistinctOn([complaints.receivedOn, complaints.id], {
      reference: complaints.reference,
      serviceAreaSlug: complaints.serviceAreaSlug,
      pathway: complaints.pathway,
      stage: complaints.stage,
      status: complaints.status,
      receivedOn: complaints.receivedOn,
      nextDueOn: complaints.nextDueOn,
    })
    .from(complaints)
    .innerJoin(complaintParties, eq(complaintParties.complaintId, complaints.id))
    .where(reachedBy(account))
    .orderBy(desc(complaints.receivedOn), complaints.id)
    .limit(200);
}

/** The live states: a representation the representative can still see (awaiting permission, or with it). */
const LIVE_STATES = ["awaiting_consent", "awaiting_decision", "active"];

/**
 * The complaints an account acts on for other people (issue 10, item 5): the person, the reference, the stage, the
 * next date the council must act by and where permission stands, for the representative's dashboard. Ended
 * representations (declined, revoked, not accepted) are not listed: the complaint is no longer theirs to see.
 */
export async function complaintsActedOn(db: Database, account: SignedIn) {
  return db
    .select({
      reference: complaints.reference,
      // The person the complaint is for: the complainant's party record, one per complaint.
      person: sql<string>`coalesce(${complaintParties.name}, '')`,
      stage: complaints.stage,
      receivedOn: complaints.receivedOn,
      nextDueOn: complaints.nextDueOn,
      consent: representations.state,
    })
    .from(representations)
    .innerJoin(complaints, eq(complaints.id, representations.complaintId))
    .leftJoin(complaintParties, and(eq(complaintParties.complaintId, complaints.id), eq(complaintParties.role, "complainant")))
    .where(and(eq(representations.accountId, account.accountId), inArray(representations.state, LIVE_STATES)));
}

/**
 * The complaint with this reference, if the member of staff may see it (issue 11): complaints officers and managers
 * every one; investigating officers and panel members only those assigned or appointed to them; the equality
 * analyst none. Anyone else gets null, and the page a 404.
 */
export async function complaintForStaff(db: Database, staff: { role: StaffRole; staffId: string }, reference: string): Promise<ComplaintRow | null> {
  const reach = complaintReach(staff.role);
  if (!/^CCC-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference) || reach === "none") return null;
  const assigned = reach === "all" ? undefined : exists(db.select({ one: sql`1` }).from(caseAssignments).where(and(eq(caseAssignments.complaintId, complaints.id), eq(caseAssignments.staffId, staff.staffId))));
  const [row] = await db.select().from(complaints).where(and(eq(complaints.reference, reference), assigned));
  return row ?? null;
}
