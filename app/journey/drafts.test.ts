import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { attachments, drafts } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { createDraft, draftCookie, findDraft, purgeExpiredDrafts, saveDraftAnswers } from "./drafts.server";

const DAY = 24 * 60 * 60 * 1000;

describe.each(DATABASE_KINDS)("saved answers on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function requestWith(setCookie: string) {
    const token = await draftCookie.parse(setCookie);
    return new Request("http://portal.example/", { headers: { Cookie: await draftCookie.serialize(token) } });
  }

  it("are found again with the cookie for 7 days after the last answer, and not after", async () => {
    const start = new Date("2026-11-01T10:00:00Z");
    const { draft, setCookie } = await createDraft(database.db, start);
    await saveDraftAnswers(database.db, draft.id, { whatWentWrong: "kept" }, new Date(start.getTime() + 3 * DAY));
    const request = await requestWith(setCookie);
    expect((await findDraft(database.db, request, new Date(start.getTime() + 9 * DAY)))?.answers).toEqual({ whatWentWrong: "kept" });
    expect(await findDraft(database.db, request, new Date(start.getTime() + 11 * DAY))).toBeNull();
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
      draftId: old.draft.id, filename: "a.png", contentType: "image/png", size: 1, sha256: "x", data: Buffer.from([1]),
    });
    expect(await purgeExpiredDrafts(database.db, now)).toBeGreaterThanOrEqual(1);
    expect(await database.db.select().from(drafts).where(eq(drafts.id, old.draft.id))).toHaveLength(0);
    expect(await database.db.select().from(drafts).where(eq(drafts.id, fresh.draft.id))).toHaveLength(1);
    expect(await database.db.select().from(attachments).where(eq(attachments.filename, "a.png"))).toHaveLength(0);
  });
});
