// What the signed-in pages need on the server: the person signed in (or a redirect to sign in that brings them back),
// and whether the demonstration's shown codes are on.
import { redirect } from "@remix-run/node";
import type { Database } from "../../db/client";
import { getDb } from "~/db.server";
import { servedOverHttps } from "~/http/security-headers.server";
import { safeReturnPath } from "~/http/return-path";
import type { LanguageCode } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { signedInAccount, type SignedIn } from "./sessions.server";

/**
 * DEMO_SIGN_IN=true (set by `npm run demo`) shows the code just sent on the code page, so a visitor can follow the
 * demo complaints without a mail server. Refused while cookies are Secure: a portal served over HTTPS is a real one.
 */
export function demoSignIn(env: Record<string, string | undefined> = process.env): boolean {
  if (env.DEMO_SIGN_IN !== "true") return false;
  if (servedOverHttps(env)) throw new Error("DEMO_SIGN_IN=true shows sign-in codes on the page: it is refused while the portal serves Secure cookies");
  return true;
}

export type AccountContext = { db: Database; locale: LanguageCode; account: SignedIn; today: IsoDate };

/** The sign-in page's address, bringing the person back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?returnTo=${encodeURIComponent(safeReturnPath(path))}`;
}

/** The signed-in person, or (thrown) a redirect to sign in and come back to this page. */
export async function requireAccount(request: Request): Promise<AccountContext> {
  const db = await getDb();
  const account = await signedInAccount(db, request);
  if (!account) {
    const url = new URL(request.url);
    throw redirect(signInPath(`${url.pathname}${url.search}`), 303);
  }
  return { db, locale: await localeFor(request), account, today: londonDateOf(new Date()) };
}
