import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { createDraft, newDraftToken } from "~/journey/drafts.server";
import { submitComplaint } from "~/models/complaints.server";
import { logServerError, redactError } from "./error-log.server";

const SECRET = "Flat 3, 12 Secret Street, my neighbour Ms Example";

describe.each(DATABASE_KINDS)("logging a failed send on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps the resident's answers out of the log, and keeps what finds the fault", async () => {
    const { draft } = await createDraft(database.db);
    // A service area the council does not have: the insert fails on its foreign key, with every answer a parameter.
    const answers: ComplaintAnswers = {
      serviceArea: "no-such-service", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01",
      proceedings: "no", whatWentWrong: SECRET, howAffected: SECRET, outcomeWanted: SECRET, giveDetails: "yes",
      name: "Ada Secretname", email: "ada.secret@example.com", address: SECRET, interpreter: "no",
    };
    const failure = await submitComplaint(database.db, {
      draftId: draft.id, answers, newTokenHash: newDraftToken().tokenHash, serviceAreaPathway: "corporate", language: "en", receivedOn: "2026-11-23",
    }).then(() => null, (error: unknown) => error);
    expect(failure).not.toBeNull();
    // The error itself carries the answers: this is what the log must not show.
    expect(JSON.stringify(String(failure)) + String((failure as Error).message)).toContain("Secret");

    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    try {
      logServerError("POST /complaint/check-answers failed", failure);
    } finally {
      spy.mockRestore();
    }
    const line = logged.join("\n");
    expect(line).not.toMatch(/Secret|secret|Ada/);
    expect(line).toContain("POST /complaint/check-answers failed");
    expect(line).toContain("code 23503"); // foreign_key_violation
    expect(line).toMatch(/insert into "complaints"/);
    expect(line).toMatch(/\n\s+at /);
  });
});

describe("redacting an error", () => {
  it("keeps the class and the causes' codes, never a message", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "my secret"'), { code: "22P02" });
    const error = new Error("Failed query: select 1\nparams: my secret", { cause });
    const redacted = redactError(error);
    expect(redacted).not.toContain("secret");
    expect(redacted).toMatch(/^Error/);
    expect(redacted).toContain("caused by: Error, code 22P02");
  });

  it("says what was thrown when it is not an error", () => {
    expect(redactError("my secret")).toBe("Non-error thrown (string)");
  });
});
