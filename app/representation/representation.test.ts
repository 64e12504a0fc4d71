import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { accounts, complaintEvents, consentRequests, electedMembers, outbox, representations } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { CaseChangeError, openCase } from "~/cases/case-service.server";
import { renderEmail, renderTextMessage } from "~/mail/templates.server";
import type { ConsentRoute } from "./representation-rules";
import {
  answerConsent,
  decideRepresentation,
  isVerifiedElectedMember,
  readConsentLink,
  representativesOf,
  revokeRepresentation,
  sendConsentReminders,
  startRepresentation,
} from "./representation.server";

const DAY = 86_400_000;

describe.each(DATABASE_KINDS)("complaining for someone else on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let counter = 0;
  let advocateId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const [advocate] = await db.insert(accounts).values({ email: "advocate@advice.example" }).returning({ id: accounts.id });
    advocateId = advocate!.id;
    await db.insert(electedMembers).values({ email: "cllr.khan@coventry.gov.uk", kind: "councillor", name: "Cllr Khan", area: "Foleshill" });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A complaint made by the advocate for Mrs Begum, with the given consent route. */
  async function represented(route: ConsentRoute, now = new Date("2026-12-01T10:00:00Z"), reach: { email?: string; phone?: string; env?: Record<string, string> } = {}) {
    counter += 1;
    const reference = `CCC-REPR-${String(counter).padStart(4, "0")}`;
    const personEmail = reach.email ?? `begum${counter}@example.com`;
    return db.transaction(async (tx) => {
      const opened = await openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-12-01", whatWentWrong: "The flat has been damp since March." },
        complainant: { name: "Mrs Begum", email: personEmail, phone: reach.phone ?? "" },
        actor: "representative",
        accountId: advocateId,
      });
      const started = await startRepresentation(
        tx,
        {
          complaintId: opened.id,
          reference,
          today: "2026-12-01",
          representative: { accountId: advocateId, email: "advocate@advice.example", name: "Sam Advocate", phone: "" },
          relationship: "advocate",
          relationshipDetail: "Foleshill Advice Centre",
          route,
          personUnder18: false,
          person: { name: "Mrs Begum", email: personEmail, phone: reach.phone ?? "", language: "pl" },
          summary: "The flat has been damp since March.",
        },
        now,
        reach.env ?? {},
      );
      return { complaintId: opened.id, reference, ...started, personEmail };
    });
  }

  const mailTo = (recipient: string) => db.select().from(outbox).where(eq(outbox.recipient, recipient));
  const historyOf = async (complaintId: string) =>
    (await db.select({ type: complaintEvents.type, details: complaintEvents.details, actor: complaintEvents.actor }).from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(complaintEvents.id)).map(
      (row) => [row.type, row.actor],
    );

  it("asks the person's permission by email, in their language, with a link that works once", async () => {
    const made = await represented("online");
    const [request] = await mailTo(made.personEmail);
    expect(request?.template).toBe("representation");
    expect(request?.locale).toBe("pl");
    const rendered = renderEmail(request!.template, request!.locale, request!.payload);
    expect(rendered.text).toContain(`/consent/${made.consentToken}`);
    expect(rendered.text).toContain("Sam Advocate (Foleshill Advice Centre)");

    const link = await readConsentLink(db, made.consentToken!, new Date("2026-12-02T10:00:00Z"));
    expect(link).toMatchObject({ status: "usable", reference: made.reference, representative: "Sam Advocate", person: "Mrs Begum", relationship: "advocate" });

    const answered = await answerConsent(db, made.consentToken!, { agree: true, lettersTo: "both" }, "2026-12-02", new Date("2026-12-02T10:00:00Z"));
    expect(answered).toEqual({ ok: true, state: "active" });
    const [row] = await db.select().from(representations).where(eq(representations.id, made.id));
    expect(row).toMatchObject({ state: "active", lettersTo: "both" });
    expect(await historyOf(made.complaintId)).toEqual([
      ["received", "representative"],
      ["representative_added", "representative"],
      ["representation_changed", "resident"],
    ]);
    expect((await mailTo("advocate@advice.example")).map((mail) => (mail.payload as { kind: string }).kind)).toContain("consent_given");

    // Used: a second answer changes nothing and says so.
    expect(await answerConsent(db, made.consentToken!, { agree: false }, "2026-12-02")).toEqual({ ok: false, status: "used" });
    expect(await readConsentLink(db, made.consentToken!)).toEqual({ status: "used" });
    expect((await db.select().from(representations).where(eq(representations.id, made.id)))[0]?.state).toBe("active");
  });

  it("refuses a forged link, an expired one, and records a decline without deleting the complaint", async () => {
    expect(await readConsentLink(db, "not-a-token")).toEqual({ status: "unknown" });
    expect(await readConsentLink(db, "A".repeat(43))).toEqual({ status: "unknown" });
    const expired = await represented("online");
    expect(await answerConsent(db, expired.consentToken!, { agree: true, lettersTo: "person" }, "2026-12-29", new Date(Date.parse("2026-12-01T10:00:00Z") + 28 * DAY))).toEqual({ ok: false, status: "expired" });

    const declined = await represented("online");
    expect(await answerConsent(db, declined.consentToken!, { agree: false }, "2026-12-03", new Date("2026-12-03T10:00:00Z"))).toEqual({ ok: true, state: "declined" });
    expect((await mailTo("advocate@advice.example")).some((mail) => (mail.payload as { kind: string; reference: string }).kind === "consent_declined" && (mail.payload as { reference: string }).reference === declined.reference)).toBe(true);
    expect(await historyOf(declined.complaintId)).toHaveLength(3);
  });

  it("lets the person revoke once: both are told, and a second revocation is refused with nothing changed", async () => {
    const made = await represented("online");
    await answerConsent(db, made.consentToken!, { agree: true, lettersTo: "representative" }, "2026-12-02", new Date("2026-12-02T10:00:00Z"));
    const formId = crypto.randomUUID();
    expect(await revokeRepresentation(db, { representationId: made.id, complaintId: made.complaintId, accountId: advocateId, today: "2026-12-04", formId })).toBe("revoked");
    // The same form posted again: the one event, no error.
    expect(await revokeRepresentation(db, { representationId: made.id, complaintId: made.complaintId, accountId: advocateId, today: "2026-12-04", formId })).toBe("revoked");
    await expect(revokeRepresentation(db, { representationId: made.id, complaintId: made.complaintId, accountId: advocateId, today: "2026-12-04", formId: crypto.randomUUID() })).rejects.toMatchObject({ code: "representation_unchanged", status: 409 });
    // Another complaint's representation cannot be revoked through this one.
    const other = await represented("signed_form");
    await expect(revokeRepresentation(db, { representationId: other.id, complaintId: made.complaintId, accountId: advocateId, today: "2026-12-04", formId: crypto.randomUUID() })).rejects.toBeInstanceOf(CaseChangeError);
    const kinds = (await db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.template, "representation"))).map((row) => row.payload as { kind: string; reference: string }).filter((payload) => payload.reference === made.reference).map((payload) => payload.kind);
    expect(kinds.filter((kind) => kind.startsWith("revoked")).sort()).toEqual(["revoked_person", "revoked_representative"]);
    expect((await representativesOf(db, made.complaintId)).map((row) => [row.name, row.state])).toEqual([["Sam Advocate", "revoked"]]);
  });

  it("waits for the council when a signed form is sent or the person cannot consent; an elected member acts at once and the person is told", async () => {
    const signed = await represented("signed_form");
    expect(signed.consentToken).toBeNull();
    expect((await db.select().from(representations).where(eq(representations.id, signed.id)))[0]?.state).toBe("awaiting_decision");
    const elected = await represented("elected_member");
    expect((await db.select().from(representations).where(eq(representations.id, elected.id)))[0]?.state).toBe("active");
    expect((await mailTo(elected.personEmail)).map((mail) => (mail.payload as { kind: string }).kind)).toEqual(["elected_notice"]);
  });

  it("reminds once after 7 days with a second link; whichever is used first answers", async () => {
    const sentAt = new Date("2026-12-01T10:00:00Z");
    const made = await represented("online", sentAt);
    await db.update(consentRequests).set({ createdAt: sentAt }).where(eq(consentRequests.representationId, made.id));
    expect(await sendConsentReminders(db, new Date(sentAt.getTime() + 6 * DAY))).toBe(0);
    expect(await sendConsentReminders(db, new Date(sentAt.getTime() + 7 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await sendConsentReminders(db, new Date(sentAt.getTime() + 8 * DAY))).toBe(0);
    const reminder = (await mailTo(made.personEmail)).find((mail) => (mail.payload as { kind: string }).kind === "consent_reminder");
    const secondToken = /\/consent\/([A-Za-z0-9_-]{43})/.exec((reminder!.payload as { link: string }).link)?.[1];
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(made.consentToken);
    expect(await answerConsent(db, secondToken!, { agree: true, lettersTo: "person" }, "2026-12-09", new Date(sentAt.getTime() + 8 * DAY))).toEqual({ ok: true, state: "active" });
    expect(await readConsentLink(db, made.consentToken!, new Date(sentAt.getTime() + 8 * DAY))).toEqual({ status: "used" });
  });

  it("texts the link, and its reminder, to a person with only a mobile number when the council sends texts", async () => {
    const texts = { NOTIFY_API_KEY: "key", NOTIFY_SMS_TEMPLATE_ID: "sms" };
    const sentAt = new Date("2026-12-01T10:00:00Z");
    const made = await represented("online", sentAt, { email: "", phone: "07700 900123", env: texts });
    expect(made.consentToken).not.toBeNull();
    const [text] = await mailTo("+447700900123");
    expect(text).toMatchObject({ channel: "text", template: "representation", locale: "pl" });
    const message = renderTextMessage(text!.template, text!.locale, text!.payload);
    expect(message).toContain(`/consent/${made.consentToken}?lng=pl`);
    expect(message).toContain("Sam Advocate (Foleshill Advice Centre)");
    expect(message).toContain(made.reference);
    // The person reads Polish: the date as Polish writes it.
    expect(message).toContain("29 grudnia 2026");
    expect(await readConsentLink(db, made.consentToken!, sentAt)).toMatchObject({ status: "usable", reference: made.reference });

    await db.update(consentRequests).set({ createdAt: sentAt }).where(eq(consentRequests.representationId, made.id));
    expect(await sendConsentReminders(db, new Date(sentAt.getTime() + 7 * DAY), texts)).toBeGreaterThanOrEqual(1);
    const reminder = (await mailTo("+447700900123")).find((row) => (row.payload as { kind: string }).kind === "consent_reminder");
    expect(reminder?.channel).toBe("text");
    expect(renderTextMessage(reminder!.template, reminder!.locale, reminder!.payload)).toMatch(/\/consent\/[A-Za-z0-9_-]{43}\?lng=pl/);
  });

  it("sends no text without Notify set up for texts, or to a number that is not a UK mobile", async () => {
    const unconfigured = await represented("online", undefined, { email: "", phone: "07700 900124" });
    expect(unconfigured.consentToken).toBeNull();
    expect(await mailTo("+447700900124")).toEqual([]);
    const landline = await represented("online", undefined, { email: "", phone: "024 7683 3333", env: { NOTIFY_API_KEY: "key", NOTIFY_SMS_TEMPLATE_ID: "sms" } });
    expect(landline.consentToken).toBeNull();
    expect((await db.select().from(outbox).where(eq(outbox.channel, "text"))).filter((row) => (row.payload as { reference: string }).reference === landline.reference)).toEqual([]);
  });

  it("records the council's decision on a signed form or a person who cannot consent, once, and tells the representative", async () => {
    const accepted = await represented("signed_form");
    expect(await decideRepresentation(db, { representationId: accepted.id, complaintId: accepted.complaintId, accept: true, reasons: "The form is in order.", today: "2026-12-03", formId: crypto.randomUUID() })).toBe("active");
    const told = (await mailTo("advocate@advice.example")).find((mail) => (mail.payload as { reference: string }).reference === accepted.reference);
    expect(told?.payload).toMatchObject({ kind: "council_accepted", reasons: "The form is in order." });
    expect(renderEmail(told!.template, told!.locale, told!.payload).text).toContain("The form is in order.");
    // Decided already: a second decision is refused and changes nothing.
    await expect(decideRepresentation(db, { representationId: accepted.id, complaintId: accepted.complaintId, accept: false, reasons: "No.", today: "2026-12-03", formId: crypto.randomUUID() })).rejects.toMatchObject({ status: 409 });
    expect((await db.select().from(representations).where(eq(representations.id, accepted.id)))[0]?.state).toBe("active");

    const refused = await represented("cannot_consent");
    expect(await decideRepresentation(db, { representationId: refused.id, complaintId: refused.complaintId, accept: false, reasons: "Not in the person's interests.", today: "2026-12-03", formId: crypto.randomUUID() })).toBe("not_accepted");
    expect(await historyOf(refused.complaintId)).toContainEqual(["representation_changed", "staff"]);
    // Through another complaint: not found.
    await expect(decideRepresentation(db, { representationId: refused.id, complaintId: accepted.complaintId, accept: true, reasons: "x", today: "2026-12-03", formId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("recognises elected members by the council's list, and MPs by a configured domain", async () => {
    expect(await isVerifiedElectedMember(db, "Cllr.Khan@coventry.gov.uk", "councillor", {})).toBe(true);
    expect(await isVerifiedElectedMember(db, "cllr.khan@coventry.gov.uk", "mp", {})).toBe(false);
    expect(await isVerifiedElectedMember(db, "someone@coventry.gov.uk", "councillor", {})).toBe(false);
    expect(await isVerifiedElectedMember(db, "jane.smith.mp@parliament.uk", "mp", { MP_EMAIL_DOMAINS: "parliament.uk" })).toBe(true);
    expect(await isVerifiedElectedMember(db, "jane.smith.mp@parliament.uk", "mp", {})).toBe(false);
    expect(await isVerifiedElectedMember(db, "jane@notparliament.uk", "mp", { MP_EMAIL_DOMAINS: "parliament.uk" })).toBe(false);
    expect(await isVerifiedElectedMember(db, "cllr.khan@coventry.gov.uk", "advocate", {})).toBe(false);
  });
});
