import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { complaints, drafts, equalityResponses, outbox } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { createDraft, saveDraftAnswers } from "~/journey/drafts.server";
import { acknowledgementMail } from "./complaint-mail.server";
import { firstDueDates, submitComplaint } from "./complaints.server";

const ANSWERS: ComplaintAnswers = {
  serviceArea: "waste-recycling",
  reportedBefore: "yes",
  subject: "none_of_these",
  happenedOn: "2026-10-01",
  proceedings: "no",
  whatWentWrong: "Missed bin",
  howAffected: "Rubbish",
  outcomeWanted: "Collect it",
  referenceNumbers: "",
  filesReviewed: "yes",
  giveDetails: "yes",
  name: "Ada",
  email: "ada@example.com",
  phone: "",
  address: "",
  preferredContact: "email",
  supportNeeds: "",
  interpreter: "no",
  interpreterLanguage: "",
  equalityOptIn: "yes",
  equality: { ageBand: "35_49", ethnicGroup: "white", ethnicBackground: "roma", sex: "prefer_not_to_say" },
};

describe.each(DATABASE_KINDS)("sending a complaint on %s", (kind) => {
  let database: OpenDatabase;
  let draftId: string;

  async function send() {
    return submitComplaint(database.db, {
      draftId,
      answers: ANSWERS,
      serviceAreaPathway: "corporate",
      language: "pl",
      receivedOn: "2026-11-23",
      enqueueMail: (tx, complaint) =>
        acknowledgementMail(tx, { ...complaint, answers: ANSWERS, locale: "pl", serviceAreaName: "Odpady" }),
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    const { draft } = await createDraft(database.db);
    draftId = draft.id;
    await saveDraftAnswers(database.db, draftId, ANSWERS);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates one complaint however many times the same answers are sent, even at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => send()));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const again = await send();
    expect(again.created).toBe(false);
    expect(again.reference).toBe(results[0]!.reference);
    expect(await database.db.select().from(complaints).where(eq(complaints.draftId, draftId))).toHaveLength(1);
  });

  it("queues exactly one acknowledgement, in the resident's language, with the rules' dates", async () => {
    const queued = await database.db.select().from(outbox);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ template: "acknowledgement", locale: "pl", recipient: "ada@example.com" });
    const due = firstDueDates("corporate", "2026-11-23");
    expect(queued[0]!.payload).toMatchObject({ acknowledgeBy: due.acknowledgeBy, respondBy: due.responseBy });
    expect(due).toMatchObject({ acknowledgeBy: "2026-11-30", responseBy: "2026-12-14" });
  });

  it("stores the equality answers apart, with no way back to the complaint", async () => {
    const responses = await database.db.select().from(equalityResponses);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ pathway: "corporate", serviceAreaSlug: "waste-recycling", receivedMonth: "2026-11" });
    expect(responses[0]!.answers).toEqual(ANSWERS.equality);
    expect(Object.keys(responses[0]!)).not.toContain("complaintId");
  });

  it("keeps equality answers out of everything a caseworker reads: the complaint and the draft", async () => {
    const [complaint] = await database.db.select().from(complaints).where(eq(complaints.draftId, draftId));
    const [draft] = await database.db.select().from(drafts).where(eq(drafts.id, draftId));
    for (const row of [complaint, draft]) {
      const text = JSON.stringify(row);
      expect(text).not.toContain("roma");
      expect(text).not.toContain("35_49");
      expect(text).not.toContain("ethnic");
    }
    const columns = await database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'complaints'`,
    );
    const names = (Array.isArray(columns) ? columns : (columns as unknown as { rows: { column_name: string }[] }).rows).map(
      (row) => (row as { column_name: string }).column_name,
    );
    expect(names.some((name) => /equality|ethnic|religion|disab|sexual|age_band/.test(name))).toBe(false);
  });
});
