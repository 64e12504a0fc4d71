// Staff single sign-on, the way back (issue 11, item 1): the provider's answer checked, its verified email address
// matched to an active member of staff, and a staff session started. Anyone else goes back to the sign-in page
// with a message that does not say whether the address belongs to staff.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { activeStaffByEmail } from "~/staff/staff-accounts.server";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { startStaffSession } from "~/staff/staff-sessions.server";
import { finishSso, ssoSettings } from "~/staff/sso.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const settings = ssoSettings();
  if (!settings) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const { result, clearCookie } = await finishSso(db, settings, request);
  const headers = new Headers({ "Set-Cookie": clearCookie });
  const member = result.ok ? await activeStaffByEmail(db, result.email) : null;
  if (!member) {
    const reason = result.ok ? "not_staff" : result.reason;
    await recordStaffAudit(db, { staffId: null, action: "sign_in_refused", detail: { reason, method: "sso" } });
    return redirect(`/staff/sign-in?sso=${reason === "not_staff" || reason === "unverified" ? "refused" : "failed"}`, { status: 303, headers });
  }
  await recordStaffAudit(db, { staffId: member.id, action: "signed_in", detail: { method: "sso" } });
  headers.append("Set-Cookie", await startStaffSession(db, member.id));
  return redirect("/staff", { status: 303, headers });
}
