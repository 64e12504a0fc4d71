import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { openTestDatabase } from "../../db/test-support/databases";
import { issueEqualityToken, readEqualityToken, saveEqualityToken } from "./equality-token.server";

/** The request a browser makes after receiving this Set-Cookie header. */
const withCookie = (setCookie: string) => new Request("http://portal.example/complaint/equality/questions", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("the equality questions' token", () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("holds only the pathway, service area, month, the answers so far and a nonce", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const setCookie = await issueEqualityToken(database.db, { pathway: "childrens", serviceArea: "childrens-social-care", receivedOn: "2026-11-23" }, now);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Max-Age=7200/);
    const token = await readEqualityToken(database.db, withCookie(setCookie), now);
    expect(token).toEqual({
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      pathway: "childrens",
      serviceArea: "childrens-social-care",
      month: "2026-11",
      expiresAt: now.getTime() + 2 * 60 * 60 * 1000,
      answers: {},
    });
    const answered = await saveEqualityToken(database.db, { ...token!, optIn: "yes", answers: { ageBand: "16_24" } });
    expect(await readEqualityToken(database.db, withCookie(answered), now)).toMatchObject({ optIn: "yes", answers: { ageBand: "16_24" } });
  });

  it("is refused when tampered with or run out", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const setCookie = await issueEqualityToken(database.db, { pathway: "corporate", serviceArea: "parking", receivedOn: "2026-11-23" }, now);
    const [name, value] = setCookie.split(";")[0]!.split("=");
    const tampered = new Request("http://portal.example/", { headers: { Cookie: `${name}=${value!.replace(/^./, (c) => (c === "e" ? "f" : "e"))}` } });
    expect(await readEqualityToken(database.db, tampered, now)).toBeNull();
    expect(await readEqualityToken(database.db, withCookie(setCookie), new Date(now.getTime() + 2 * 60 * 60 * 1000 + 1))).toBeNull();
  });
});
