import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { attachments, drafts } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { cookieName } from "~/http/cookies.server";
import { createDraft, draftCookie, draftSetCookie, findDraft, purgeExpiredDrafts, saveDraftAnswers } from "./drafts.server";

const DAY = 24 * 60 * 60 * 1000;

describe.each(DATABASE_KINDS)("saved answers on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A request carrying the cookie a browser would have kept from this Set-Cookie header. */
  async function requestWith(setCookie: string) {
    const token = await draftCookie.parse(setCookie);
    return new Request("http://portal.example/", { headers: { Cookie: await draftCookie.serialize(token) } });
  }

  it("are found again with the cookie for 7 days after the last answer, and not after", async () => {
    const start = new Date("2026-11-01T10:00:00Z");
    const { draft, setCookie } = await createDraft(database.db, start);
    await saveDraftAnswers(database.db, draft, { whatWentWrong: "kept" }, { now: new Date(start.getTime() + 3 * DAY) });
    const request = await requestWith(setCookie);
    expect((await findDraft(database.db, request, new Date(start.getTime() + 9 * DAY)))?.answers).toEqual({ whatWentWrong: "kept" });
    expect(await findDraft(database.db, request, new Date(start.getTime() + 11 * DAY))).toBeNull();
  });

  it("come back with the token that found them, so each save can send the cookie again for 7 more days", async () => {
    const { draft, setCookie } = await createDraft(database.db);
    const found = await findDraft(database.db, await requestWith(setCookie));
    expect(found?.token).toBe(draft.token);
    const again = await draftSetCookie(found!.token);
    expect(again).toMatch(/Max-Age=604800/);
    expect(await draftCookie.parse(again)).toBe(draft.token);
  });

  it("refuse a save based on an older version, and give back what is saved now", async () => {
    const { draft } = await createDraft(database.db);
    const first = await saveDraftAnswers(database.db, draft, { name: "From the first tab" }, { basedOn: 0 });
    expect(first).toEqual({ saved: true, version: 1 });
    // A second tab, still showing version 0, tries to save over it.
    const second = await saveDraftAnswers(database.db, draft, { name: "From the second tab" }, { basedOn: 0 });
    expect(second.saved).toBe(false);
    expect(second.saved === false && second.current).toMatchObject({ version: 1, answers: { name: "From the first tab" } });
    const [row] = await database.db.select().from(drafts).where(eq(drafts.id, draft.id));
    expect(row!.answers).toEqual({ name: "From the first tab" });
  });

  it("are not found with a forged or malformed cookie", async () => {
    const forged = new Request("http://portal.example/", { headers: { Cookie: await draftCookie.serialize("A".repeat(43)) } });
    expect(await findDraft(database.db, forged)).toBeNull();
    const malformed = new Request("http://portal.example/", { headers: { Cookie: "complaint=%%%" } });
    expect(await findDraft(database.db, malformed)).toBeNull();
  });

  it("are deleted once expired, with any files left behind by them", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const old = await createDraft(database.db, new Date(now.getTime() - 8 * DAY));
    const fresh = await createDraft(database.db, new Date(now.getTime() - 1 * DAY));
    await database.db.insert(attachments).values({
      draftId: old.draft.id, filename: "a.png", contentType: "image/png", size: 1, sha256: "x", kept: true,
    });
    expect(await purgeExpiredDrafts(database.db, now)).toBeGreaterThanOrEqual(1);
    expect(await database.db.select().from(drafts).where(eq(drafts.id, old.draft.id))).toHaveLength(0);
    expect(await database.db.select().from(drafts).where(eq(drafts.id, fresh.draft.id))).toHaveLength(1);
    expect(await database.db.select().from(attachments).where(eq(attachments.filename, "a.png"))).toHaveLength(0);
  });
});

describe("the portal's cookie names", () => {
  it("carry the __Host- prefix whenever cookies are Secure, and not on plain HTTP", () => {
    expect(cookieName("complaint", { NODE_ENV: "production" })).toBe("__Host-complaint");
    expect(cookieName("complaint", { NODE_ENV: "production", COOKIE_SECURE: "false" })).toBe("complaint");
    expect(cookieName("complaint", { NODE_ENV: "test" })).toBe("complaint");
  });
});
