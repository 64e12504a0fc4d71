import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { complimentSchema } from "./compliment-form";
import { complimentByReference, countCompliments, saveCompliment } from "./compliments.server";

describe("the compliment form's schema", () => {
  it("needs a kind and a message, and nothing else", () => {
    const parsed = complimentSchema.safeParse({ kind: "compliment", team: "", message: " Thank you ", name: "", email: "" });
    expect(parsed.success && parsed.data.message).toBe("Thank you");
    const empty = complimentSchema.safeParse({ kind: "", team: "", message: "", name: "", email: "" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.message).sort()).toEqual(["compliment.kind.error", "compliment.message.error"]);
  });

  it("refuses a bad email address, control characters and over-long text with translation keys", () => {
    const bad = complimentSchema.safeParse({ kind: "comment", team: "x".repeat(201), message: "a\u0000b", name: "", email: "not-an-email" });
    expect(bad.error?.issues.map((issue) => issue.message).sort()).toEqual([
      "compliment.email.error",
      "compliment.team.tooLong",
      "errors.form.controlCharacters",
    ]);
  });

  it("keeps a name and team to one line", () => {
    const bad = complimentSchema.safeParse({ kind: "comment", team: "Parks\nteam", message: "Thanks", name: "Ada\r\nClick here", email: "" });
    expect(bad.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["team", "errors.form.oneLine"],
      ["name", "errors.form.oneLine"],
    ]);
  });
});

describe.each(DATABASE_KINDS)("compliments on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("are stored and counted by kind", async () => {
    const base = { serviceArea: "libraries", team: "Central Library", name: "", email: "" };
    await saveCompliment(database.db, { ...base, kind: "compliment", message: "Great help" }, "en");
    await saveCompliment(database.db, { ...base, kind: "compliment", message: "Lovely staff" }, "pl");
    await saveCompliment(database.db, { ...base, kind: "comment", serviceArea: "", message: "Open later" }, "ar");
    expect(await countCompliments(database.db)).toEqual({ compliment: 2, comment: 1 });
  });

  it("each get a reference that finds them again, and nothing else does", async () => {
    const reference = await saveCompliment(database.db, { serviceArea: "libraries", team: "", name: "", email: "", kind: "compliment", message: "Thanks" }, "en");
    expect(reference).toMatch(/^CMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await complimentByReference(database.db, reference)).toEqual({ reference, serviceAreaSlug: "libraries" });
    expect(await complimentByReference(database.db, "CMT-0000-0000")).toBeNull();
    expect(await complimentByReference(database.db, "' OR 1=1 --")).toBeNull();
  });
});
