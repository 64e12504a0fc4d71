import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, rowsOf } from "../../db/client";
import { complaints, drafts, outbox } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { createDraft, draftSetCookie, findDraft, newDraftToken, saveDraftAnswers } from "~/journey/drafts.server";
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
  complainingFor: "myself",
  giveDetails: "yes",
  name: "Ada",
  email: "ada@example.com",
  phone: "",
  address: "",
  preferredContact: "email",
  supportNeeds: "",
  interpreter: "no",
  interpreterLanguage: "",
};

describe.each(DATABASE_KINDS)("sending a complaint on %s", (kind) => {
  let database: OpenDatabase;
  let draftId: string;
  let firstToken: string;

  async function send() {
    return submitComplaint(database.db, {
      draftId,
      answers: ANSWERS,
      newTokenHash: newDraftToken().tokenHash,
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
    firstToken = draft.token;
    await saveDraftAnswers(database.db, draft, ANSWERS);
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

  it("keeps only the link to the complaint in the draft, under a new token", async () => {
    const [draft] = await database.db.select().from(drafts).where(eq(drafts.id, draftId));
    expect(draft!.answers).toEqual({});
    expect(draft!.submittedComplaintId).not.toBeNull();
    const withOldCookie = new Request("http://portal.example/", { headers: { Cookie: (await draftSetCookie(firstToken)).split(";")[0]! } });
    expect(await findDraft(database.db, withOldCookie)).toBeNull();
  });

  it("stores nothing about equality with the complaint", async () => {
    const columns = await database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'complaints'`,
    );
    const names = rowsOf<{ column_name: string }>(columns).map((row) => row.column_name);
    expect(names.some((name) => /equality|ethnic|religion|disab|sexual|age_band/.test(name))).toBe(false);
  });
});
