// Issue 10: a complaint sent for someone else — the person as complainant (reaching no account), the representative
// as a party with their account, the consent email to the person in the language chosen for them, the
// acknowledgement to the representative, and what the reports need recorded.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { accounts, complaintParties, complaints, electedMembers, outbox, representations, representativeProfiles } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { createDraft, newDraftToken, saveDraftAnswers } from "~/journey/drafts.server";
import { acknowledgementMail } from "./complaint-mail.server";
import { submitComplaint } from "./complaints.server";

const FOR_SOMEONE: ComplaintAnswers = {
  serviceArea: "waste-recycling", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01", proceedings: "no",
  complainingFor: "someone_else", relationship: "advocate", advocateOrganisation: "Tile Hill Advice", councillorWard: "",
  representativeName: "Morgan", representativePhone: "07700 900982", personName: "Nadia", personEmail: "nadia@example.com", personPhone: "",
  personAddress: "", personLanguage: "ur", personUnder18: "yes", personCanConsent: "yes", consentRoute: "online",
  whatWentWrong: "Missed bin", howAffected: "Rubbish", outcomeWanted: "Collect it", referenceNumbers: "", filesReviewed: "yes",
  // Left over from answering as themselves first: not used for someone else.
  giveDetails: "yes", name: "Morgan", email: "morgan@advice.example",
  supportNeeds: "", interpreter: "no", interpreterLanguage: "",
};

describe.each(DATABASE_KINDS)("sending a complaint for someone else on %s", (kind) => {
  let database: OpenDatabase;
  let accountId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    const [account] = await database.db.insert(accounts).values({ email: "morgan@advice.example" }).returning({ id: accounts.id });
    accountId = account!.id;
    await database.db.insert(electedMembers).values({ email: "cllr.someone@coventry.gov.uk", kind: "councillor", name: "Cllr Someone" });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function send(answers: ComplaintAnswers, representative = { accountId, email: "morgan@advice.example" }) {
    const { draft } = await createDraft(database.db);
    await saveDraftAnswers(database.db, draft, answers);
    return submitComplaint(database.db, {
      draftId: draft.id,
      answers,
      newTokenHash: newDraftToken().tokenHash,
      serviceAreaPathway: "corporate",
      language: "en",
      receivedOn: "2026-11-23",
      representative,
      enqueueMail: (tx, complaint) =>
        acknowledgementMail(tx, { ...complaint, answers, locale: "en", serviceAreaName: "Waste", representativeEmail: representative.email }),
    });
  }

  it("records the person as complainant and the advocate as their representative, asking the person's permission", async () => {
    const sent = await send(FOR_SOMEONE);
    const parties = await database.db.select().from(complaintParties).where(eq(complaintParties.complaintId, sent.id)).orderBy(complaintParties.role);
    expect(parties.map((party) => [party.role, party.name, party.email, party.accountId])).toEqual([
      ["complainant", "Nadia", "nadia@example.com", null],
      ["representative", "Morgan", "morgan@advice.example", accountId],
    ]);
    const [representation] = await database.db.select().from(representations).where(eq(representations.complaintId, sent.id));
    expect(representation).toMatchObject({ relationship: "advocate", relationshipDetail: "Tile Hill Advice", consentRoute: "online", state: "awaiting_consent", personUnder18: true });
    const mail = await database.db.select().from(outbox);
    expect(mail.find((row) => row.template === "acknowledgement")).toMatchObject({ recipient: "morgan@advice.example" });
    expect(mail.find((row) => row.template === "representation")).toMatchObject({ recipient: "nadia@example.com", locale: "ur" });
    const [complaint] = await database.db.select().from(complaints).where(eq(complaints.id, sent.id));
    expect(complaint?.anonymous).toBe(false);
    // The advocate's details are kept for their next complaint.
    expect((await database.db.select().from(representativeProfiles).where(eq(representativeProfiles.accountId, accountId)))[0]).toMatchObject({ name: "Morgan", phone: "07700 900982", relationship: "advocate" });
  });

  it("waits for the council's decision for a child who cannot consent, with what was said about their views", async () => {
    const sent = await send({ ...FOR_SOMEONE, personCanConsent: "no", cannotConsentReason: "child", childAgrees: "knows_not_agree", childViews: "He wants a new social worker.", consentRoute: undefined });
    const [representation] = await database.db.select().from(representations).where(eq(representations.complaintId, sent.id));
    expect(representation).toMatchObject({ consentRoute: "cannot_consent", state: "awaiting_decision", cannotConsent: { reason: "child", childAgrees: "knows_not_agree", childViews: "He wants a new social worker." } });
  });

  it("lets a verified councillor act on request, and sends an unverified one through consent", async () => {
    const [councillor] = await database.db.insert(accounts).values({ email: "cllr.someone@coventry.gov.uk" }).returning({ id: accounts.id });
    const asCouncillor = { ...FOR_SOMEONE, relationship: "councillor" as const, councillorWard: "Foleshill" };
    const verified = await send(asCouncillor, { accountId: councillor!.id, email: "cllr.someone@coventry.gov.uk" });
    expect((await database.db.select().from(representations).where(eq(representations.complaintId, verified.id)))[0]).toMatchObject({ consentRoute: "elected_member", state: "active", relationshipDetail: "Foleshill" });
    const unverified = await send(asCouncillor);
    expect((await database.db.select().from(representations).where(eq(representations.complaintId, unverified.id)))[0]).toMatchObject({ consentRoute: "online", state: "awaiting_consent" });
  });

  it("is refused without the representative's account", async () => {
    await expect(send(FOR_SOMEONE, null as unknown as { accountId: string; email: string })).rejects.toThrow(/representative's account/);
  });
});
