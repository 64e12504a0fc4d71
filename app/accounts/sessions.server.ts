// Signed-in sessions (issue 9). The cookie holds 32 random bytes; the database keeps only their SHA-256, so a copy
// of the table signs no one in. A session ends when its person signs out, signs out everywhere, or leaves it unused
// for SESSION_IDLE_HOURS (24 by default, never under 20: WCAG 2.2.1 lets a time limit without a warning stand when
// it is 20 hours or more, and these pages work without JavaScript, so no warning could be shown).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, sessions } from "../../db/schema";
import { portalCookie } from "~/http/cookies.server";
import { accountEmail } from "./sign-in-codes.server";

export const SESSION_COOKIE = "session";
const MIN_IDLE_HOURS = 20;

/** The idle limit in hours, from SESSION_IDLE_HOURS; a value under 20 stops the server. */
export function sessionIdleHours(env: Record<string, string | undefined> = process.env): number {
  if (!env.SESSION_IDLE_HOURS) return 24;
  const hours = Number(env.SESSION_IDLE_HOURS);
  if (!Number.isFinite(hours) || hours < MIN_IDLE_HOURS) throw new Error(`SESSION_IDLE_HOURS must be ${MIN_IDLE_HOURS} or more (WCAG 2.2.1)`);
  return hours;
}

/** How stale last_seen_at may get before a request moves it on: one write in a few minutes, not one per page. */
const TOUCH_MS = 5 * 60_000;

// The browser keeps the cookie for 30 days; whether the session still works is decided here, by its last use.
const sessionCookie = portalCookie(SESSION_COOKIE, { maxAge: 30 * 24 * 60 * 60 });

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export type SignedIn = { accountId: string; email: string; sessionId: string };

/** Makes the account for a verified address if it is new, and a session for it; returns the Set-Cookie header. */
export async function signIn(db: Database, email: string, now = new Date()): Promise<{ setCookie: string; accountId: string }> {
  const address = accountEmail(email);
  const token = randomBytes(32).toString("base64url");
  const accountId = await db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ email: address, lastSignedInAt: now })
      .onConflictDoUpdate({ target: accounts.email, set: { lastSignedInAt: now } })
      .returning({ id: accounts.id });
    await tx.insert(sessions).values({ tokenHash: hash(token), accountId: account!.id, createdAt: now, lastSeenAt: now });
    return account!.id;
  });
  return { setCookie: await sessionCookie.serialize(token), accountId };
}

/** Whether the request carries a session cookie at all (cheap: no database). */
export function hasSessionCookie(request: Request): boolean {
  return (request.headers.get("Cookie") ?? "").includes(`${SESSION_COOKIE}=`);
}

async function tokenFrom(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header || !hasSessionCookie(request)) return null;
  try {
    const token: unknown = await sessionCookie.parse(header);
    return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

// A page's loaders (the shell's and the page's) ask the same question of one request: it is answered once.
const answered = new WeakMap<Request, Promise<SignedIn | null>>();

/** The person signed in on this request, or null (no cookie, signed out, or idle too long). */
export function signedInAccount(db: Database, request: Request, now?: Date): Promise<SignedIn | null> {
  if (now) return lookUpSession(db, request, now);
  let answer = answered.get(request);
  if (!answer) {
    answer = lookUpSession(db, request, new Date());
    answered.set(request, answer);
    answer.catch(() => answered.delete(request));
  }
  return answer;
}

async function lookUpSession(db: Database, request: Request, now: Date): Promise<SignedIn | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const idleSince = new Date(now.getTime() - sessionIdleHours() * 3_600_000);
  const [row] = await db
    .select({ sessionId: sessions.id, accountId: sessions.accountId, email: accounts.email, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, hash(token)), isNull(sessions.endedAt), gt(sessions.lastSeenAt, idleSince)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return { accountId: row.accountId, email: row.email, sessionId: row.sessionId };
}

/** Ends this browser's session, or every session of its account; returns the Set-Cookie header that forgets it. */
export async function signOut(db: Database, request: Request, everywhere: boolean, now = new Date()): Promise<string> {
  const current = await signedInAccount(db, request, now);
  answered.delete(request);
  if (current) {
    await db
      .update(sessions)
      .set({ endedAt: now })
      .where(everywhere ? and(eq(sessions.accountId, current.accountId), isNull(sessions.endedAt)) : eq(sessions.id, current.sessionId));
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Deletes sessions that ended, or went unused past the limit, more than a day ago (the hourly clean-up). */
export async function deleteOldSessions(db: Database, now = new Date()): Promise<number> {
  const endedBefore = new Date(now.getTime() - 24 * 3_600_000);
  const idleBefore = new Date(now.getTime() - (sessionIdleHours() + 24) * 3_600_000);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.endedAt, endedBefore), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return removed.length;
}
