// One-time sign-in codes (issue 9): six random digits, sent to an email address. Only a keyed hash of the code is
// stored; a code works once, for 15 minutes, and allows 5 tries, all counted in the database (never in a cookie),
// so neither a second browser nor a replayed form gets more. A second code does not stop the first working (the
// person may type the one from the first email to arrive); the per-address rate limit caps how many are live.
// Hand-written with node:crypto: it is short, and nothing in it parses untrusted structure.
import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { signInCodes } from "../../db/schema";
import { cookieSecrets } from "~/http/cookie-secrets.server";

import { CODE_LENGTH_DIGITS, CODE_LIFETIME_MINUTES, CODE_TRIES } from "./sign-in-rules";

export const CODE_MINUTES = CODE_LIFETIME_MINUTES;
export const CODE_ATTEMPTS = CODE_TRIES;
export const CODE_LENGTH = CODE_LENGTH_DIGITS;

/** An email address as accounts are keyed: trimmed, lower case. */
export function accountEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function codeHash(db: Database, id: string, code: string): Promise<string> {
  const [secret] = await cookieSecrets(db);
  return createHmac("sha256", secret!).update(`sign-in\n${id}\n${code}`).digest("base64url");
}

/**
 * A new code for the address, and the id the code page finds it by. `send` queues the email in the same transaction,
 * so a code is never stored without its message nor sent without being stored.
 */
export async function issueSignInCode(
  db: Database,
  email: string,
  now = new Date(),
  send?: (tx: Database, issued: { id: string; code: string; email: string }) => Promise<void>,
): Promise<{ id: string; code: string }> {
  const id = randomUUID();
  const code = String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
  const address = accountEmail(email);
  // Hashed before the transaction: on PGlite's one connection, a query outside it would wait for it to end.
  const hashed = await codeHash(db, id, code);
  await db.transaction(async (tx) => {
    await tx.insert(signInCodes).values({
      id,
      email: address,
      codeHash: hashed,
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
      createdAt: now,
    });
    // The message goes to the address as typed (trimmed): only the account is keyed by its lower-case form.
    if (send) await send(tx as unknown as Database, { id, code, email: email.trim() });
  });
  return { id, code };
}

export type CodeCheck =
  | { ok: true; email: string }
  /** Wrong code, with the tries left. */
  | { ok: false; reason: "wrong"; triesLeft: number }
  /** Expired, already used, replaced by a newer one, or out of tries: ask for a new code. */
  | { ok: false; reason: "expired" };

/** Whether `code` is the live code with this id; a right code is used up by this call, a wrong one costs a try. */
export async function checkSignInCode(db: Database, id: string, code: string, now = new Date()): Promise<CodeCheck> {
  const [row] = await db.select().from(signInCodes).where(eq(signInCodes.id, id));
  if (!row || row.usedAt !== null || row.expiresAt <= now || row.attempts >= CODE_ATTEMPTS) return { ok: false, reason: "expired" };
  const expected = Buffer.from(row.codeHash);
  const given = Buffer.from(await codeHash(db, id, code));
  if (expected.length === given.length && timingSafeEqual(expected, given)) {
    // Single use even when two posts race: only one update finds the code unused.
    const used = await db
      .update(signInCodes)
      .set({ usedAt: now })
      .where(and(eq(signInCodes.id, id), isNull(signInCodes.usedAt), lt(signInCodes.attempts, CODE_ATTEMPTS)))
      .returning({ email: signInCodes.email });
    return used[0] ? { ok: true, email: used[0].email } : { ok: false, reason: "expired" };
  }
  const counted = await db
    .update(signInCodes)
    .set({ attempts: sql`${signInCodes.attempts} + 1` })
    .where(and(eq(signInCodes.id, id), isNull(signInCodes.usedAt)))
    .returning({ attempts: signInCodes.attempts });
  const attempts = counted[0]?.attempts ?? CODE_ATTEMPTS;
  return attempts >= CODE_ATTEMPTS ? { ok: false, reason: "expired" } : { ok: false, reason: "wrong", triesLeft: CODE_ATTEMPTS - attempts };
}

/** The address a code was sent to, while it can still be used (for the code page). */
export async function pendingCodeEmail(db: Database, id: string, now = new Date()): Promise<string | null> {
  const [row] = await db.select({ email: signInCodes.email, usedAt: signInCodes.usedAt, expiresAt: signInCodes.expiresAt }).from(signInCodes).where(eq(signInCodes.id, id));
  return row && row.usedAt === null && row.expiresAt > now ? row.email : null;
}

/** Deletes codes a day after they expired (the hourly clean-up): by then none can be used or needs explaining. */
export async function deleteExpiredSignInCodes(db: Database, now = new Date()): Promise<number> {
  const removed = await db
    .delete(signInCodes)
    .where(lt(signInCodes.expiresAt, new Date(now.getTime() - 24 * 3_600_000)))
    .returning({ id: signInCodes.id });
  return removed.length;
}
