// Staff sessions (issue 11, item 1), apart from residents': their own cookie and table, so a resident's session
// never opens a staff page nor a staff session a resident's. The cookie holds 32 random bytes, the database their
// SHA-256. A session ends when its member signs out or is deactivated, or STAFF_SESSION_HOURS after signing in
// (21 by default and never less: WCAG 2.2.1 lets a time limit without a warning stand when it is over 20 hours, and
// these pages work without JavaScript, so no warning could be shown).
//
// Between the emailed code and the authenticator code, a short-lived signed cookie names the member; only after
// both is there a session.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staffMembers, staffSessions } from "../../db/schema";
import { cookieSecrets } from "~/http/cookie-secrets.server";
import { portalCookie } from "~/http/cookies.server";
import { isStaffRole, type StaffRole } from "./staff-roles";

const MIN_SESSION_HOURS = 21;

export function staffSessionHours(env: Record<string, string | undefined> = process.env): number {
  if (!env.STAFF_SESSION_HOURS) return MIN_SESSION_HOURS;
  const hours = Number(env.STAFF_SESSION_HOURS);
  if (!Number.isFinite(hours) || hours < MIN_SESSION_HOURS) throw new Error(`STAFF_SESSION_HOURS must be ${MIN_SESSION_HOURS} or more (WCAG 2.2.1)`);
  return hours;
}

const STAFF_SESSION_COOKIE = "staff_session";
const sessionCookie = portalCookie(STAFF_SESSION_COOKIE, { maxAge: MIN_SESSION_HOURS * 3600 });
const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export type StaffSignedIn = { staffId: string; email: string; name: string; role: StaffRole; sessionId: string };

/** Starts a session for a member who has given both codes; returns the Set-Cookie header. */
export async function startStaffSession(db: Database, staffId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(staffSessions).values({ tokenHash: hash(token), staffId, createdAt: now, lastSeenAt: now });
  return sessionCookie.serialize(token, { maxAge: staffSessionHours() * 3600 });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(`${STAFF_SESSION_COOKIE}=`)) return null;
  try {
    const token: unknown = await sessionCookie.parse(header);
    return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

const answered = new WeakMap<Request, Promise<StaffSignedIn | null>>();

/** The member of staff signed in on this request (active, session live), or null. Asked once per request. */
export function signedInStaff(db: Database, request: Request): Promise<StaffSignedIn | null> {
  let answer = answered.get(request);
  if (!answer) {
    answer = lookUp(db, request, new Date());
    answered.set(request, answer);
    answer.catch(() => answered.delete(request));
  }
  return answer;
}

async function lookUp(db: Database, request: Request, now: Date): Promise<StaffSignedIn | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const since = new Date(now.getTime() - staffSessionHours() * 3_600_000);
  const [row] = await db
    .select({ sessionId: staffSessions.id, staffId: staffMembers.id, email: staffMembers.email, name: staffMembers.name, role: staffMembers.role })
    .from(staffSessions)
    .innerJoin(staffMembers, eq(staffMembers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, hash(token)), isNull(staffSessions.endedAt), gt(staffSessions.createdAt, since), eq(staffMembers.active, true)));
  if (!row || !isStaffRole(row.role)) return null;
  return { sessionId: row.sessionId, staffId: row.staffId, email: row.email, name: row.name, role: row.role };
}

/** Ends this browser's staff session; returns the Set-Cookie header that forgets it. */
export async function endStaffSession(db: Database, request: Request, now = new Date()): Promise<string> {
  const current = await signedInStaff(db, request);
  answered.delete(request);
  if (current) await db.update(staffSessions).set({ endedAt: now }).where(eq(staffSessions.id, current.sessionId));
  return sessionCookie.serialize("", { maxAge: 0 });
}

// The step between the two codes: which code was sent (then) and which member gave it right (after).
const PENDING_MINUTES = 15;
async function pendingCookie(db: Database) {
  return portalCookie("staff_sign_in", { maxAge: PENDING_MINUTES * 60, secrets: await cookieSecrets(db) });
}

export type PendingStaffSignIn = { codeId: string; demoCode?: string; staffId?: undefined; until?: undefined } | { staffId: string; until: number; codeId?: undefined };

export async function readPendingStaffSignIn(db: Database, request: Request, now = new Date()): Promise<PendingStaffSignIn | null> {
  try {
    const value: unknown = await (await pendingCookie(db)).parse(request.headers.get("Cookie"));
    if (typeof value !== "object" || value === null) return null;
    const { codeId, demoCode, staffId, until } = value as Record<string, unknown>;
    if (typeof codeId === "string" && /^[0-9a-f-]{36}$/.test(codeId)) return { codeId, ...(typeof demoCode === "string" ? { demoCode } : {}) };
    if (typeof staffId === "string" && /^[0-9a-f-]{36}$/.test(staffId) && typeof until === "number" && until > now.getTime()) return { staffId, until };
    return null;
  } catch {
    return null;
  }
}

export async function pendingStaffSignInCookie(db: Database, pending: PendingStaffSignIn | null): Promise<string> {
  const cookie = await pendingCookie(db);
  return pending ? cookie.serialize(pending) : cookie.serialize("", { maxAge: 0 });
}

/** The pending step after the emailed code: this member, for the next 15 minutes. */
export function awaitingAuthenticator(staffId: string, now = new Date()): PendingStaffSignIn {
  return { staffId, until: now.getTime() + PENDING_MINUTES * 60_000 };
}
