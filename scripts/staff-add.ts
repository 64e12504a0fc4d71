// Adds a member of staff (or changes an existing one's role), for the first manager and anyone after:
//   npm run staff:add -- name@coventry.gov.uk manager "Sam Jones"
// They sign in at /staff/sign-in with a code emailed to the address, then set up an authenticator app.
import { openDatabase, targetFromEnv } from "../db/client";
import { EMAIL } from "../app/forms/plain-text";
import { addStaffMember } from "../app/staff/staff-accounts.server";
import { isStaffRole, STAFF_ROLES } from "../app/staff/staff-roles";

const [email = "", role = "", ...name] = process.argv.slice(2);
if (!EMAIL.safeParse(email).success || !isStaffRole(role)) {
  process.stderr.write(`Usage: npm run staff:add -- <email> <role> [name]\nRoles: ${STAFF_ROLES.join(", ")}\n`);
  process.exit(2);
}
const { db, close } = await openDatabase(targetFromEnv());
try {
  const member = await addStaffMember(db, { email, role, name: name.join(" ") });
  process.stdout.write(`${member.email} is a ${member.role.replaceAll("_", " ")}; they sign in at /staff/sign-in.\n`);
} finally {
  await close();
}
