// Answers kept as they go: a draft row found by the SHA-256 of a random token held in a cookie. No account
// is needed; the cookie and the draft last 7 days from the last answer, across browser restarts: every save
// moves both on. Sending the complaint empties the draft and gives it a new token.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { drafts } from "../../db/schema";
import { portalCookie } from "~/http/cookies.server";
import { deleteOrphanedAttachments } from "~/uploads/attachments.server";
import { type ComplaintAnswers, DRAFT_COOKIE } from "./complaint-steps";

export const DRAFT_DAYS = 7;
const DRAFT_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;

export const draftCookie = portalCookie(DRAFT_COOKIE, { maxAge: DRAFT_MS / 1000 });

export type Draft = {
  id: string;
  /** The token from the visitor's cookie, so each save can send the cookie again with a new expiry. */
  token: string;
  answers: ComplaintAnswers;
  /** Bumped on every save: a form based on an older version is stale (two tabs, or the back button). */
  version: number;
  submittedComplaintId: string | null;
};

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new random token and the hash stored in its place. */
export function newDraftToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hash(token) };
}

/** The Set-Cookie header that keeps a draft's token for another 7 days. */
export function draftSetCookie(token: string): Promise<string> {
  return draftCookie.serialize(token);
}

async function tokenFrom(request: Request): Promise<string | null> {
  try {
    const token: unknown = await draftCookie.parse(request.headers.get("Cookie"));
    return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** The visitor's current draft, or null when they have none or it has expired. */
export async function findDraft(db: Database, request: Request, now = new Date()): Promise<Draft | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const [row] = await db
    .select({ id: drafts.id, answers: drafts.answers, version: drafts.version, submittedComplaintId: drafts.submittedComplaintId })
    .from(drafts)
    .where(and(eq(drafts.tokenHash, hash(token)), gt(drafts.expiresAt, now)));
  return row ? { ...row, token, answers: row.answers as ComplaintAnswers } : null;
}

/** A new, empty draft and the cookie that finds it again. */
export async function createDraft(db: Database, now = new Date()): Promise<{ draft: Draft; setCookie: string }> {
  const { token, tokenHash } = newDraftToken();
  const [row] = await db
    .insert(drafts)
    .values({ tokenHash, answers: {}, expiresAt: new Date(now.getTime() + DRAFT_MS) })
    .returning({ id: drafts.id });
  return {
    draft: { id: row!.id, token, answers: {}, version: 0, submittedComplaintId: null },
    setCookie: await draftSetCookie(token),
  };
}

export type SaveResult = { saved: true; version: number } | { saved: false; current: Draft };

/**
 * Saves the answers and keeps the draft for another 7 days. With `basedOn`, only when the draft is still at that
 * version: otherwise nothing is saved and the draft as it now stands comes back, so the page can show it.
 */
export async function saveDraftAnswers(
  db: Database,
  draft: Pick<Draft, "id" | "token">,
  answers: ComplaintAnswers,
  options: { basedOn?: number; now?: Date } = {},
): Promise<SaveResult> {
  const now = options.now ?? new Date();
  const [row] = await db
    .update(drafts)
    .set({ answers, updatedAt: now, expiresAt: new Date(now.getTime() + DRAFT_MS), version: sql`${drafts.version} + 1` })
    .where(
      and(
        eq(drafts.id, draft.id),
        sql`${drafts.submittedComplaintId} is null`,
        options.basedOn === undefined ? undefined : eq(drafts.version, options.basedOn),
      ),
    )
    .returning({ version: drafts.version });
  if (row) return { saved: true, version: row.version };
  const [current] = await db
    .select({ id: drafts.id, answers: drafts.answers, version: drafts.version, submittedComplaintId: drafts.submittedComplaintId })
    .from(drafts)
    .where(eq(drafts.id, draft.id));
  if (!current) throw new Error("The draft being saved no longer exists");
  return { saved: false, current: { ...current, token: draft.token, answers: current.answers as ComplaintAnswers } };
}

/** Starting again: the cookie is cleared; the old draft expires on its own. */
export async function clearDraftCookie(): Promise<string> {
  return draftCookie.serialize("", { maxAge: 0 });
}

/**
 * Answers are personal data: a draft is deleted once it expires, sent or not (a sent complaint has its own
 * row and files), and so are files left behind by unsent drafts. Returns how many drafts went.
 */
export async function purgeExpiredDrafts(db: Database, now = new Date()): Promise<number> {
  const removed = await db.delete(drafts).where(lt(drafts.expiresAt, now)).returning({ id: drafts.id });
  await deleteOrphanedAttachments(db);
  return removed.length;
}
