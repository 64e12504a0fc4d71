// Between asking for a code and typing it: a signed cookie names the code's id (never the code, except in the
// demonstration, where the code page shows it) and where to go once signed in.
import { cookieSecrets } from "~/http/cookie-secrets.server";
import { portalCookie } from "~/http/cookies.server";
import { safeReturnPath } from "~/http/return-path";
import type { LanguageCode } from "~/i18n/languages";
import { enqueueEmail } from "~/mail/outbox.server";
import type { Database } from "../../db/client";
import { CODE_LIFETIME_MINUTES } from "./sign-in-rules";
import { issueSignInCode } from "./sign-in-codes.server";

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

/** Sends a code to the address (whoever it belongs to) and returns the cookie for the code page. */
export async function sendSignInCode(
  db: Database,
  input: { email: string; locale: LanguageCode; returnTo: string; showCode: boolean },
): Promise<string> {
  const issued = await issueSignInCode(db, input.email, new Date(), async (tx, { id, code, email }) => {
    await enqueueEmail(tx, {
      dedupeKey: `sign-in:${id}`,
      template: "signInCode",
      locale: input.locale,
      recipient: email,
      payload: { code, minutes: CODE_LIFETIME_MINUTES },
    });
  });
  const pending: PendingSignIn = { id: issued.id, returnTo: safeReturnPath(input.returnTo), ...(input.showCode ? { demoCode: issued.code } : {}) };
  return (await pendingCookie(db)).serialize(pending);
}
