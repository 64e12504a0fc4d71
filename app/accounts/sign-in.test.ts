import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { accounts, complaintParties, complaints, outbox, serviceAreas, signInCodes } from "../../db/schema";
import type { OutgoingEmail, OutgoingText } from "~/mail/transport.server";
import { deliverDueEmails } from "~/mail/worker.server";
import { sendSignInCode } from "./sign-in-flow.server";
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

describe.each(DATABASE_KINDS)("sign-in codes by text message on %s", (kind) => {
  let database: OpenDatabase;
  const NOTIFY = { NOTIFY_API_KEY: `portal_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0`, NOTIFY_SMS_TEMPLATE_ID: "0d5c7a7e-6f2b-4c49-9f0e-6b1d7e0c2a11" };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    await db.insert(serviceAreas).values({ slug: "waste", pathway: "corporate" }).onConflictDoNothing();
    // Two complaints from one address: the newer gave a landline, the older a mobile.
    for (const [reference, phone, createdAt] of [["CCC-TEXT-0001", "07700 900123", "2026-10-01T10:00:00Z"], ["CCC-TEXT-0002", "024 7683 3333", "2026-11-01T10:00:00Z"]] as const) {
      const [complaint] = await db.insert(complaints).values({ reference, serviceAreaSlug: "waste", pathway: "corporate", receivedOn: "2026-10-01", whatWentWrong: "x" }).returning({ id: complaints.id });
      await db.insert(complaintParties).values({ complaintId: complaint!.id, role: "complainant", email: "Texted@Example.com", phone, createdAt: new Date(createdAt) });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("texts the code, in the page's language, to the mobile number a complaint gave, as well as emailing it", async () => {
    const db = database.db;
    await sendSignInCode(db, { email: "texted@example.com", locale: "pl", returnTo: "/complaints", showCode: false }, NOTIFY);
    const emails: OutgoingEmail[] = [];
    const texts: OutgoingText[] = [];
    const counts = await deliverDueEmails(db, { send: async (email) => void emails.push(email) }, { text: { send: async (text) => void texts.push(text) } });
    expect(counts.sent).toBe(2);
    expect(emails.map((email) => email.to)).toEqual(["texted@example.com"]);
    const code = /\b(\d{6})\b/.exec(emails[0]!.subject)?.[1];
    expect(texts).toEqual([{ to: "+447700900123", text: expect.stringContaining(code!) }]);
    expect(texts[0]!.text).toContain("kod logowania"); // in Polish, the language the page was in
  });

  it("sends no text when Notify is not set up for texts, or the address gave no mobile number", async () => {
    const db = database.db;
    await db.delete(outbox);
    await sendSignInCode(db, { email: "texted@example.com", locale: "en", returnTo: "/complaints", showCode: false }, {});
    await sendSignInCode(db, { email: "nobody@example.com", locale: "en", returnTo: "/complaints", showCode: false }, NOTIFY);
    const rows = await db.select({ channel: outbox.channel, recipient: outbox.recipient }).from(outbox);
    expect(rows).toEqual([
      { channel: "email", recipient: "texted@example.com" },
      { channel: "email", recipient: "nobody@example.com" },
    ]);
    // Queued texts wait while only email can be sent.
    await sendSignInCode(db, { email: "texted@example.com", locale: "en", returnTo: "/complaints", showCode: false }, NOTIFY);
    const sent: OutgoingEmail[] = [];
    await deliverDueEmails(db, { send: async (email) => void sent.push(email) });
    expect(sent).toHaveLength(3);
    expect((await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.channel, "text")))).toEqual([{ status: "pending" }]);
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

  it("answers once per request who is signed in, and not after signing out on that request", async () => {
    const request = withCookie((await signIn(database.db, "memo@example.com")).setCookie);
    const first = signedInAccount(database.db, request);
    expect(signedInAccount(database.db, request)).toBe(first);
    expect((await first)?.email).toBe("memo@example.com");
    await signOut(database.db, request, false);
    expect(await signedInAccount(database.db, request)).toBeNull();
  });
});
