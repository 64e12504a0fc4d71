// What every staff page shares: its texts (English only, in their own namespace: locales/en/staff.json) and the
// check that a member of staff is signed in. Anyone else — a resident, someone signed out — is told the page does
// not exist (404), so the staff pages do not announce themselves.
import type { Database } from "../../db/client";
import { complaintForStaff, type ComplaintRow } from "~/cases/access.server";
import { getDb } from "~/db.server";
import { actsOnComplaints } from "./casework";
import { resourcesFor } from "~/i18n/resources.server";
import { managesStaff } from "./staff-roles";
import { signedInStaff, type StaffSignedIn } from "./staff-sessions.server";

/** The staff texts, sent with a staff page's data. */
export function staffTexts() {
  return resourcesFor("en", ["staff"]);
}

export async function requireStaff(request: Request): Promise<{ db: Database; staff: StaffSignedIn }> {
  const db = await getDb();
  const staff = await signedInStaff(db, request);
  if (!staff) throw new Response("Not found", { status: 404 });
  return { db, staff };
}

/** A staff page for managers only (managing staff accounts): anyone else is told it does not exist. */
export async function requireStaffManager(request: Request): Promise<{ db: Database; staff: StaffSignedIn }> {
  const signedIn = await requireStaff(request);
  if (!managesStaff(signedIn.staff.role)) throw new Response("Not found", { status: 404 });
  return signedIn;
}

/**
 * A complaint a complaints officer or manager acts on (issue 11): anyone else — another staff role, a resident,
 * someone signed out — and any reference they may not see, is told it does not exist.
 */
export async function requireComplaintToActOn(request: Request, reference: string | undefined): Promise<{ db: Database; staff: StaffSignedIn; row: ComplaintRow }> {
  const { db, staff } = await requireStaff(request);
  const row = actsOnComplaints(staff.role) ? await complaintForStaff(db, staff, reference ?? "") : null;
  if (!row) throw new Response("Not found", { status: 404 });
  return { db, staff, row };
}
