// Between asking for a code and typing it: a signed cookie names the code's id (never the code, except in the
// demonstration, where the code page shows it) and where to go once signed in.
import { cookieSecrets } from "~/http/cookie-secrets.server";
import { portalCookie } from "~/http/cookies.server";
import { safeReturnPath } from "~/http/return-path";
import type { LanguageCode } from "~/i18n/languages";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { enqueueEmail, enqueueText } from "~/mail/outbox.server";
import { textMessagesConfigured } from "~/mail/transport.server";
import type { Database } from "../../db/client";
import { complaintParties } from "../../db/schema";
import { ukMobileNumber } from "./mobile-number";
import { CODE_LIFETIME_MINUTES } from "./sign-in-rules";
import { accountEmail, issueSignInCode } from "./sign-in-codes.server";

export type PendingSignIn = { id: string; returnTo: string; demoCode?: string };

async function pendingCookie(db: Database) {
  return portalCookie("sign_in", { maxAge: CODE_LIFETIME_MINUTES * 60, secrets: await cookieSecrets(db) });
}

export async function readPendingSignIn(db: Database, request: Request): Promise<PendingSignIn | null> {
  try {
    const value: unknown = await (await pendingCookie(db)).parse(request.headers.get("Cookie"));
    if (typeof value !== "object" || value === null) return null;
    const { id, returnTo, demoCode } = value as Record<string, unknown>;
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { id, returnTo: safeReturnPath(typeof returnTo === "string" ? returnTo : "/complaints"), ...(typeof demoCode === "string" ? { demoCode } : {}) };
  } catch {
    return null;
  }
}

export async function clearPendingSignIn(db: Database): Promise<string> {
  return (await pendingCookie(db)).serialize("", { maxAge: 0 });
}

/**
 * The UK mobile number given with the newest complaint made with this address that gave one, or null: a sign-in
 * code is also texted there (issue 9, item 1), so a person whose email is slow or lost can still sign in.
 */
export async function mobileForSignIn(db: Database, email: string): Promise<string | null> {
  const rows = await db
    .select({ phone: complaintParties.phone })
    .from(complaintParties)
    .where(and(eq(sql`lower(${complaintParties.email})`, accountEmail(email)), eq(complaintParties.role, "complainant"), ne(complaintParties.phone, "")))
    .orderBy(desc(complaintParties.createdAt))
    .limit(10);
  for (const row of rows) {
    const mobile = ukMobileNumber(row.phone);
    if (mobile) return mobile;
  }
  return null;
}

/**
 * Sends a code to the address (whoever it belongs to), and by text to the mobile number its complaints gave when
 * GOV.UK Notify is configured for texts, and returns the cookie for the code page. The page says the same
 * whether or not anything was found.
 */
export async function sendSignInCode(
  db: Database,
  input: { email: string; locale: LanguageCode; returnTo: string; showCode: boolean },
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const issued = await issueSignInCode(db, input.email, new Date(), async (tx, { id, code, email }) => {
    const payload = { code, minutes: CODE_LIFETIME_MINUTES };
    await enqueueEmail(tx, { dedupeKey: `sign-in:${id}`, template: "signInCode", locale: input.locale, recipient: email, payload });
    const mobile = textMessagesConfigured(env) ? await mobileForSignIn(tx, email) : null;
    if (mobile) await enqueueText(tx, { dedupeKey: `sign-in-text:${id}`, template: "signInCode", locale: input.locale, recipient: mobile, payload });
  });
  const pending: PendingSignIn = { id: issued.id, returnTo: safeReturnPath(input.returnTo), ...(input.showCode ? { demoCode: issued.code } : {}) };
  return (await pendingCookie(db)).serialize(pending);
}
