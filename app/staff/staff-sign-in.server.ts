// Staff sign-in (issue 11, item 1): the emailed code from the residents' sign-in (issue 9), then an authenticator
// app's code. Codes are the same one-time codes (sign-in-codes.server.ts: hashed, 15 minutes, 5 tries).
import type { Database } from "../../db/client";
import { demoSignIn } from "~/accounts/account.server";
import { issueSignInCode } from "~/accounts/sign-in-codes.server";
import { CODE_LIFETIME_MINUTES } from "~/accounts/sign-in-rules";
import { enqueueEmail } from "~/mail/outbox.server";
import { activeStaffByEmail } from "./staff-accounts.server";
import { pendingStaffSignInCookie } from "./staff-sessions.server";

/**
 * Issues a code for the address and emails it (in English, as staff pages are) when it is an active member of
 * staff's; returns the cookie for the code page. For any other address a code is made but sent nowhere, so the
 * pages behave the same and no code typed there can work.
 */
export async function sendStaffSignInCode(db: Database, email: string): Promise<string> {
  const member = await activeStaffByEmail(db, email);
  const issued = await issueSignInCode(db, email, new Date(), member
    ? async (tx, { id, code, email: to }) => {
        await enqueueEmail(tx, { dedupeKey: `staff-sign-in:${id}`, template: "signInCode", locale: "en", recipient: to, payload: { code, minutes: CODE_LIFETIME_MINUTES } });
      }
    : undefined);
  return pendingStaffSignInCookie(db, { codeId: issued.id, ...(demoSignIn() && member ? { demoCode: issued.code } : {}) });
}
