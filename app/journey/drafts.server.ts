// Answers kept as they go: a draft row found by the SHA-256 of a random token held in a cookie. No account
// is needed; the cookie and the draft last 7 days from the last answer, across browser restarts.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { drafts } from "../../db/schema";
import { deleteOrphanedAttachments } from "~/uploads/attachments.server";
import { type ComplaintAnswers, DRAFT_COOKIE } from "./complaint-steps";

export const DRAFT_DAYS = 7;
const DRAFT_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;

export const draftCookie = createCookie(DRAFT_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
  maxAge: DRAFT_MS / 1000,
});

export type Draft = {
  id: string;
  answers: ComplaintAnswers;
  version: number;
  submittedComplaintId: string | null;
};

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

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
  return row ? { ...row, answers: row.answers as ComplaintAnswers } : null;
}

/** A new, empty draft and the cookie that finds it again. */
export async function createDraft(db: Database, now = new Date()): Promise<{ draft: Draft; setCookie: string }> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(drafts)
    .values({ tokenHash: hash(token), answers: {}, expiresAt: new Date(now.getTime() + DRAFT_MS) })
    .returning({ id: drafts.id });
  return {
    draft: { id: row!.id, answers: {}, version: 0, submittedComplaintId: null },
    setCookie: await draftCookie.serialize(token),
  };
}

/** Saves the answers and keeps the draft for another 7 days. */
export async function saveDraftAnswers(db: Database, draftId: string, answers: ComplaintAnswers, now = new Date()) {
  await db
    .update(drafts)
    .set({ answers, updatedAt: now, expiresAt: new Date(now.getTime() + DRAFT_MS), version: sql`${drafts.version} + 1` })
    .where(eq(drafts.id, draftId));
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
