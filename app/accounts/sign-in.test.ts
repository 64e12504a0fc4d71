import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { accounts, signInCodes } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { deleteOldSessions, sessionIdleHours, signedInAccount, signIn, signOut } from "./sessions.server";
import { checkSignInCode, deleteExpiredSignInCodes, issueSignInCode } from "./sign-in-codes.server";
import { signInCodeSchema } from "./sign-in-forms";

const MINUTE = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function withCookie(setCookie: string): Request {
  return new Request("http://localhost/complaints", { headers: { Cookie: setCookie.split(";")[0]! } });
}

describe.each(DATABASE_KINDS)("sign-in codes on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores only a hash of a six-digit code, and signs in once with it", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { id, code } = await issueSignInCode(database.db, " Ada@Example.com ", now);
    expect(code).toMatch(/^[0-9]{6}$/);
    const [row] = await database.db.select().from(signInCodes).where(eq(signInCodes.id, id));
    expect(row?.email).toBe("ada@example.com");
    expect(row?.codeHash).not.toContain(code);
    expect(await checkSignInCode(database.db, id, code, at(now, MINUTE))).toEqual({ ok: true, email: "ada@example.com" });
    // Replayed: the code is spent.
    expect(await checkSignInCode(database.db, id, code, at(now, 2 * MINUTE))).toEqual({ ok: false, reason: "expired" });
  });

  it("expires after 15 minutes", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { id, code } = await issueSignInCode(database.db, "late@example.com", now);
    expect(await checkSignInCode(database.db, id, code, at(now, 15 * MINUTE + 1))).toEqual({ ok: false, reason: "expired" });
  });

  it("allows five tries: the right code after five wrong ones no longer works", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { id, code } = await issueSignInCode(database.db, "tries@example.com", now);
    const wrong = code === "000000" ? "111111" : "000000";
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await checkSignInCode(database.db, id, wrong, at(now, MINUTE)));
    expect(results.map((result) => (result.ok ? "ok" : result.reason === "wrong" ? result.triesLeft : "expired"))).toEqual([4, 3, 2, 1, "expired"]);
    expect(await checkSignInCode(database.db, id, code, at(now, MINUTE))).toEqual({ ok: false, reason: "expired" });
  });

  it("keeps each code to its own sign-in: a second code does not open the first's", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const first = await issueSignInCode(database.db, "twice@example.com", now);
    const second = await issueSignInCode(database.db, "twice@example.com", at(now, MINUTE));
    if (first.code !== second.code) {
      expect(await checkSignInCode(database.db, first.id, second.code, at(now, 2 * MINUTE))).toMatchObject({ ok: false, reason: "wrong" });
    }
    expect((await checkSignInCode(database.db, first.id, first.code, at(now, 2 * MINUTE))).ok).toBe(true);
    expect((await checkSignInCode(database.db, second.id, second.code, at(now, 2 * MINUTE))).ok).toBe(true);
  });

  it("lets only one of two racing posts of the right code through", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { id, code } = await issueSignInCode(database.db, "race@example.com", now);
    const results = await Promise.all([checkSignInCode(database.db, id, code, at(now, MINUTE)), checkSignInCode(database.db, id, code, at(now, MINUTE))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("deletes codes a day after they expired, not before", async () => {
    const now = new Date("2026-12-05T10:00:00Z");
    const { id } = await issueSignInCode(database.db, "old@example.com", now);
    const stored = () => database.db.select().from(signInCodes).where(eq(signInCodes.id, id));
    await deleteExpiredSignInCodes(database.db, at(now, 15 * MINUTE + 23 * 60 * MINUTE));
    expect(await stored()).toHaveLength(1);
    expect(await deleteExpiredSignInCodes(database.db, at(now, 15 * MINUTE + 25 * 60 * MINUTE))).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual([]);
  });

  it("reads pasted codes with spaces, dashes or other scripts' digits as the six digits", () => {
    expect(signInCodeSchema.parse({ code: " 123 456 " }).code).toBe("123456");
    expect(signInCodeSchema.parse({ code: "١٢٣-٤٥٦" }).code).toBe("123456");
    expect(signInCodeSchema.safeParse({ code: "12345" }).success).toBe(false);
  });
});

describe.each(DATABASE_KINDS)("sessions on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("makes one account per verified address and finds the session from its cookie", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const first = await signIn(database.db, "Sam@Example.com", now);
    const second = await signIn(database.db, "sam@example.com", now);
    expect(second.accountId).toBe(first.accountId);
    expect(await database.db.select().from(accounts).where(eq(accounts.email, "sam@example.com"))).toHaveLength(1);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    const account = await signedInAccount(database.db, withCookie(first.setCookie), at(now, MINUTE));
    expect(account?.email).toBe("sam@example.com");
  });

  it("ends after a day unused, not after 20 hours (WCAG 2.2.1), and each use moves it on", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const { setCookie } = await signIn(database.db, "idle@example.com", now);
    const request = withCookie(setCookie);
    expect(sessionIdleHours({})).toBe(24);
    expect(() => sessionIdleHours({ SESSION_IDLE_HOURS: "2" })).toThrow(/20/);
    expect(await signedInAccount(database.db, request, at(now, 20 * 60 * MINUTE))).not.toBeNull();
    // Used at 20 hours, so it lasts until 44 hours.
    expect(await signedInAccount(database.db, request, at(now, 43 * 60 * MINUTE))).not.toBeNull();
    expect(await signedInAccount(database.db, request, at(now, 68 * 60 * MINUTE))).toBeNull();
  });

  it("signs out this browser, or every browser, and a signed-out cookie no longer works", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const laptop = withCookie((await signIn(database.db, "out@example.com", now)).setCookie);
    const phone = withCookie((await signIn(database.db, "out@example.com", now)).setCookie);
    const tablet = withCookie((await signIn(database.db, "out@example.com", now)).setCookie);
    expect(await signOut(database.db, laptop, false, now)).toMatch(/Max-Age=0/i);
    expect(await signedInAccount(database.db, laptop, now)).toBeNull();
    expect(await signedInAccount(database.db, phone, now)).not.toBeNull();
    await signOut(database.db, phone, true, now);
    expect(await signedInAccount(database.db, phone, now)).toBeNull();
    expect(await signedInAccount(database.db, tablet, now)).toBeNull();
    // A day later the ended sessions are deleted.
    expect(await deleteOldSessions(database.db, at(now, 23 * 60 * MINUTE))).toBe(0);
    expect(await deleteOldSessions(database.db, at(now, 25 * 60 * MINUTE))).toBeGreaterThanOrEqual(3);
  });
});
