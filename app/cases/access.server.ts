// Who may see and change a complaint (issue 9, item 8). An account reaches a complaint through a party record in a
// role: the complainant's record made with the account signed in, or with the account's verified email address
// (complaints made before sign-in existed count too). Anyone else — another resident guessing a reference included —
// is told the complaint does not exist (404). A representative's access (issue 10) and staff's (issue 11) are added
// here, beside the complainant's.
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { complaintParties, complaints } from "../../db/schema";
import type { SignedIn } from "~/accounts/sessions.server";

export type ComplaintRole = "complainant";

function reachedBy(account: SignedIn) {
  return and(
    eq(complaintParties.role, "complainant"),
    or(eq(complaintParties.accountId, account.accountId), sql`lower(${complaintParties.email}) = ${account.email}`),
  );
}

export type ComplaintRow = typeof complaints.$inferSelect;

/** The complaint with this reference (its row), if the account may see it, with the role it sees it in. */
export async function complaintForAccount(
  db: Database,
  account: SignedIn,
  reference: string,
): Promise<{ id: string; role: ComplaintRole; complaint: ComplaintRow } | null> {
  if (!/^CCC-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference)) return null;
  const [row] = await db
    .select({ complaint: complaints })
    .from(complaints)
    .innerJoin(complaintParties, eq(complaintParties.complaintId, complaints.id))
    .where(and(eq(complaints.reference, reference), reachedBy(account)))
    .limit(1);
  return row ? { id: row.complaint.id, role: "complainant", complaint: row.complaint } : null;
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
