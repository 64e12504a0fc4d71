import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaintEvents, complaints, outbox, staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { CaseChangeError, changeCase, openCase } from "~/cases/case-service.server";
import { acceptComplaint, acknowledgeComplaint, complaintsJoinedTo, joinComplaint, decideLateRequest, endAtTriage, extendResponse, pendingLateRequest, recordPanel, respondToComplaint } from "./casework.server";
import { addStaffMember } from "./staff-accounts.server";
import { logOfflineComplaint } from "./offline-complaint.server";
import { acknowledgementKey } from "~/models/complaints.server";
import { NO_FILTERS } from "./queue";
import { queuePage } from "./queue.server";
import type { StaffSignedIn } from "./staff-sessions.server";

describe.each(DATABASE_KINDS)("staff casework on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  let counter = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "case.officer@coventry.gov.uk", role: "complaints_officer", name: "Case Officer" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "complaints_officer", sessionId: crypto.randomUUID() };
  });
  afterAll(async () => {
    await database?.close();
  });

  async function complaint(pathway: "corporate" | "childrens" = "corporate", receivedOn = "2026-11-30") {
    counter += 1;
    const reference = `CCC-WORK-${String(counter).padStart(4, "0")}`;
    await db.transaction((tx) =>
      openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway, language: "pl", receivedOn, whatWentWrong: "Damp" },
        complainant: { name: "Ola", email: `ola${counter}@example.com` },
        actor: "resident",
      }),
    );
    const row = async () => (await db.select().from(complaints).where(eq(complaints.reference, reference)))[0]!;
    return { reference, row, email: `ola${counter}@example.com` };
  }
  const form = (version: number, formId = crypto.randomUUID()) => ({ formId, version, today: "2026-12-02" as const });

  it("accepts, acknowledges and responds, each audited and told to the complainant in their language", async () => {
    const made = await complaint();
    expect(await acceptComplaint(db, staff, await made.row(), form((await made.row()).version))).not.toBeInstanceOf(CaseChangeError);
    expect((await made.row()).status).toBe("awaiting_acknowledgement");

    const acknowledged = await acknowledgeComplaint(db, staff, await made.row(), form((await made.row()).version), { understanding: "Damp since March; you want it fixed.", officer: "Robin" });
    expect(acknowledged).not.toBeInstanceOf(CaseChangeError);
    expect((await made.row()).status).toBe("investigating");
    const [letter] = await db.select().from(outbox).where(and(eq(outbox.recipient, made.email), eq(outbox.template, "caseUpdate")));
    expect(letter?.locale).toBe("pl");
    // §13.8–13.9: the response date is worked out, not typed: 10 working days from the acknowledgement (corporate Stage 1).
    expect(letter?.payload).toMatchObject({ kind: "acknowledged", officer: "Robin", understanding: "Damp since March; you want it fixed.", responseBy: "2026-12-16" });

    const remedy = { apology: "We are sorry.", remedies: ["apology", "payment"] as const, paymentPence: 15000, actions: [{ what: "Treat the damp", by: "2027-01-15" as const }] };
    await respondToComplaint(db, staff, await made.row(), form((await made.row()).version), { outcome: "upheld", reasons: "We found the damp.", ...remedy });
    const letters = await db.select().from(outbox).where(and(eq(outbox.recipient, made.email), eq(outbox.template, "caseUpdate")));
    expect(letters.map((row) => (row.payload as { kind: string }).kind).sort()).toEqual(["acknowledged", "responded"]);
    expect(letters.find((row) => (row.payload as { kind: string }).kind === "responded")?.payload).toMatchObject({ outcome: "upheld", nextStage: 2, apology: "We are sorry.", remedies: ["apology", "payment"], paymentPence: 15000, actions: [{ what: "Treat the damp", by: "2027-01-15" }] });

    const events = await db.select({ type: complaintEvents.type, actor: complaintEvents.actor }).from(complaintEvents).innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId)).where(eq(complaints.reference, made.reference));
    expect(events.map((event) => [event.type, event.actor])).toEqual([["received", "resident"], ["triaged", "staff"], ["acknowledged", "staff"], ["responded", "staff"]]);
    const audited = await db.select().from(staffAudit).where(and(eq(staffAudit.staffId, staff.staffId), eq(staffAudit.complaintId, (await made.row()).id)));
    expect(audited.map((row) => (row.detail as { event: string }).event)).toEqual(["triaged", "acknowledged", "responded"]);
  });

  it("§13.10: joins a further related complaint to the same person's complaint at Stage 1, telling them when both will be answered", async () => {
    const open = async (reference: string, email: string) => {
      await db.transaction((tx) =>
        openCase(tx, {
          values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "pl", receivedOn: "2026-11-30", whatWentWrong: "Damp" },
          complainant: { name: "Ola", email },
          actor: "resident",
        }),
      );
      return async () => (await db.select().from(complaints).where(eq(complaints.reference, reference)))[0]!;
    };
    const first = await open("CCC-JOIN-0001", "Ola.Join@example.com");
    const further = await open("CCC-JOIN-0002", "ola.join@example.com");
    const stranger = await open("CCC-JOIN-0003", "someone.else@example.com");
    const join = async (joinedTo: string) => joinComplaint(db, staff, await further(), form((await further()).version), { joinedTo, reason: "Both are about the same damp wall." });

    // Not while the first is still at triage, nor itself, nor one that does not exist, nor another person's.
    expect(await join("CCC-JOIN-0001")).toBe("not_stage_one");
    expect(await join("CCC-JOIN-0002")).toBe("same_complaint");
    expect(await join("CCC-NONE-0000")).toBe("not_found");
    await acceptComplaint(db, staff, await stranger(), form((await stranger()).version));
    expect(await join("CCC-JOIN-0003")).toBe("other_person");

    await acceptComplaint(db, staff, await first(), form((await first()).version));
    await acknowledgeComplaint(db, staff, await first(), form((await first()).version), { understanding: "Damp.", officer: "Robin" });
    expect(await join("CCC-JOIN-0001")).not.toBeInstanceOf(CaseChangeError);
    expect((await further()).status).toBe("joined");
    expect((await further()).closedOn).toBe("2026-12-02");
    const [letter] = await db.select().from(outbox).where(and(eq(outbox.recipient, "ola.join@example.com"), eq(outbox.template, "caseUpdate")));
    // The first complaint's response is due 10 working days from its acknowledgement on 2 December.
    expect(letter).toMatchObject({ locale: "pl", payload: { kind: "joined", joinedTo: "CCC-JOIN-0001", reasons: "Both are about the same damp wall.", responseBy: "2026-12-16" } });
    expect(await complaintsJoinedTo(db, "CCC-JOIN-0001")).toEqual([{ reference: "CCC-JOIN-0002", on: "2026-12-02" }]);
  });

  it("refuses what the stage machine forbids, and a stale form, with nothing written; a form posted twice records once", async () => {
    const made = await complaint();
    const refused = await respondToComplaint(db, staff, await made.row(), form((await made.row()).version), { outcome: "upheld", reasons: "Too soon.", remedies: [], actions: [] });
    expect(refused).toBeInstanceOf(CaseChangeError);
    expect((refused as CaseChangeError).status).toBe(409);
    const stale = await acceptComplaint(db, staff, await made.row(), form((await made.row()).version - 1));
    expect((stale as CaseChangeError).code).toBe("stale");
    const once = form((await made.row()).version);
    await acceptComplaint(db, staff, await made.row(), once);
    await acceptComplaint(db, staff, await made.row(), once);
    const events = await db.select({ type: complaintEvents.type }).from(complaintEvents).innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId)).where(eq(complaints.reference, made.reference));
    expect(events.map((event) => event.type)).toEqual(["received", "triaged"]);
  });

  it("extends within the policy's limit with the new date computed and the Ombudsman line, and refuses beyond it (RULES §3)", async () => {
    const made = await complaint();
    await acceptComplaint(db, staff, await made.row(), form((await made.row()).version));
    await acknowledgeComplaint(db, staff, await made.row(), form((await made.row()).version), { understanding: "Damp.", officer: "Robin" });
    const extended = await extendResponse(db, staff, await made.row(), form((await made.row()).version), { days: 6, reason: "We are waiting for a surveyor." });
    expect(extended).not.toBeInstanceOf(CaseChangeError);
    const [letter] = await db.select().from(outbox).where(and(eq(outbox.recipient, made.email), eq(outbox.template, "caseUpdate"), eq(outbox.dedupeKey, `case:${(extended as { eventId: number }).eventId}`)));
    // 10 working days from the acknowledgement on 2 December is 16 December; 6 more is 24 December.
    expect(letter?.payload).toMatchObject({ kind: "extended", reasons: "We are waiting for a surveyor.", responseBy: "2026-12-24", ombudsman: "extension" });
    // §13.11: at most 10 working days in all at corporate Stage 1: 6 + 5 is refused and nothing is written.
    const refused = await extendResponse(db, staff, await made.row(), form((await made.row()).version), { days: 5, reason: "More." });
    expect((refused as CaseChangeError).status).toBe(409);
    expect((refused as CaseChangeError).ruleCode).toBe("extension_refused");
    expect(await extendResponse(db, staff, await made.row(), form((await made.row()).version), { days: 4, reason: "Last of it." })).not.toBeInstanceOf(CaseChangeError);
    const types = await db.select({ type: complaintEvents.type }).from(complaintEvents).innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId)).where(eq(complaints.reference, made.reference));
    expect(types.map((event) => event.type)).toEqual(["received", "triaged", "acknowledged", "extended", "extended"]);
  });

  it("walks a children's complaint to the review panel: held, reported, then the council's response (Appendix A §22)", async () => {
    const made = await complaint("childrens");
    const step = async (run: (version: number) => Promise<unknown>) => {
      const result = await run((await made.row()).version);
      expect(result).not.toBeInstanceOf(CaseChangeError);
    };
    const complaintId = (await made.row()).id;
    const ask = (stage: 2 | 3) => (version: number) =>
      changeCase(db, { complaintId, event: { type: "escalation_requested", stage, date: "2026-12-02", grounds: ["information_not_considered"], unresolved: "Still wrong", outcomeWanted: "Fix it" }, actor: "resident", expectedVersion: version, dedupeKey: `ask:${made.reference}:${stage}`, today: "2026-12-02" });
    await step(async (version) => acceptComplaint(db, staff, await made.row(), form(version)));
    await step(async (version) => acknowledgeComplaint(db, staff, await made.row(), form(version), { understanding: "Contact.", officer: "Robin" }));
    await step(async (version) => respondToComplaint(db, staff, await made.row(), form(version), { outcome: "not_upheld", reasons: "No.", remedies: [], actions: [] }));
    await step(ask(2));
    await step(async (version) => acknowledgeComplaint(db, staff, await made.row(), form(version), { understanding: "Contact.", officer: "Investigator" }));
    await step(async (version) => respondToComplaint(db, staff, await made.row(), form(version), { outcome: "not_upheld", reasons: "No.", remedies: [], actions: [] }));
    await step(ask(3));
    await step(async (version) => acknowledgeComplaint(db, staff, await made.row(), form(version), { understanding: "Panel.", officer: "Chair" }));
    // The council cannot respond at Stage 3 before the panel has reported.
    const early = await respondToComplaint(db, staff, await made.row(), form((await made.row()).version), { outcome: "upheld", reasons: "Early.", apology: "Sorry.", remedies: ["apology"], actions: [] });
    expect((early as CaseChangeError).status).toBe(409);
    await step(async (version) => recordPanel(db, staff, await made.row(), form(version), "panel_held"));
    expect((await made.row()).status).toBe("panel_held");
    await step(async (version) => recordPanel(db, staff, await made.row(), form(version), "panel_reported"));
    await step(async (version) => respondToComplaint(db, staff, await made.row(), form(version), { outcome: "partially_upheld", reasons: "In part.", apology: "Sorry.", remedies: ["apology"], actions: [] }));
    expect((await made.row()).status).toBe("responded");
    const letters = await db.select().from(outbox).where(and(eq(outbox.recipient, made.email), eq(outbox.template, "caseUpdate")));
    const last = letters.find((row) => (row.payload as { kind: string; stage: number }).kind === "responded" && (row.payload as { stage: number }).stage === 3);
    // After the final stage there is no next stage to offer: the letter points to the Ombudsman.
    expect(last?.payload).toMatchObject({ outcome: "partially_upheld", apology: "Sorry." });
    expect((last?.payload as { nextStage?: number }).nextStage).toBeUndefined();
  });

  it("ends a complaint at triage as the officer decides, each with its letter: not accepted names the exclusion and the Ombudsman route", async () => {
    const lettersOf = async (email: string) => (await db.select().from(outbox).where(and(eq(outbox.recipient, email), eq(outbox.template, "caseUpdate")))).map((row) => row.payload);
    const refused = await complaint();
    expect(await endAtTriage(db, staff, await refused.row(), form((await refused.row()).version), { outcome: "not_accepted", exclusion: "planning_decision", reason: "Appeal to the Planning Inspectorate." })).not.toBeInstanceOf(CaseChangeError);
    expect((await refused.row()).status).toBe("not_accepted");
    expect(await lettersOf(refused.email)).toEqual([expect.objectContaining({ kind: "not_accepted", exclusion: "planning_decision", reasons: "Appeal to the Planning Inspectorate.", ombudsman: "not_accepted" })]);
    // Decided once: a second triage decision is refused.
    const again = await endAtTriage(db, staff, await refused.row(), form((await refused.row()).version), { outcome: "service_request", reason: "x" });
    expect((again as CaseChangeError).status).toBe(409);

    const late = await complaint();
    await endAtTriage(db, staff, await late.row(), form((await late.row()).version), { outcome: "not_accepted", exclusion: "out_of_time", reason: "It happened in 2024." });
    expect(await lettersOf(late.email)).toEqual([expect.objectContaining({ kind: "not_accepted", ombudsman: "out_of_time" })]);

    const passed = await complaint();
    await endAtTriage(db, staff, await passed.row(), form((await passed.row()).version), { outcome: "service_request", reason: "Sent to the repairs team." });
    expect((await passed.row()).status).toBe("service_request");

    // Accepted on another process: the person is told which and why; on the suggested one, the acknowledgement tells them.
    const moved = await complaint();
    await acceptComplaint(db, staff, await moved.row(), form((await moved.row()).version), { pathway: "adults", reason: "It is about your care package." });
    expect((await moved.row()).pathway).toBe("adults");
    expect(await lettersOf(moved.email)).toEqual([expect.objectContaining({ kind: "accepted_other_pathway", pathway: "adults", reasons: "It is about your care package." })]);
  });

  it("decides a late request for Stage 2: accepted it starts Stage 2 from the decision; refused the complaint closes (§14.3–14.4)", async () => {
    const at = (today: string) => (version: number) => ({ formId: crypto.randomUUID(), version, today: today as "2026-12-02" });
    const walk = async () => {
      const made = await complaint("corporate", "2026-05-01");
      await acceptComplaint(db, staff, await made.row(), at("2026-05-01")((await made.row()).version));
      await acknowledgeComplaint(db, staff, await made.row(), at("2026-05-05")((await made.row()).version), { understanding: "U", officer: "O" });
      await respondToComplaint(db, staff, await made.row(), at("2026-05-15")((await made.row()).version), { outcome: "upheld", reasons: "R", apology: "Sorry", remedies: ["apology"], actions: [] });
      const row = await made.row();
      const asked = await changeCase(db, {
        complaintId: row.id, actor: "resident", expectedVersion: row.version, dedupeKey: `late:${made.reference}`, today: "2026-09-01",
        event: { type: "late_escalation_requested", stage: 2, date: "2026-09-01", lateReason: "same_issues_recurred", lateExplanation: "The damp came back.", grounds: ["information_not_considered"], unresolved: "Damp", outcomeWanted: "Fix it" },
      });
      expect(asked).toBeTruthy();
      return made;
    };
    const accepted = await walk();
    // Only the council accepts a late request: the resident cannot record it as accepted.
    const row = await accepted.row();
    const forged = changeCase(db, {
      complaintId: row.id, actor: "resident", expectedVersion: row.version, dedupeKey: `forged:${accepted.reference}`, today: "2026-09-02",
      event: { type: "escalation_requested", stage: 2, date: "2026-09-02", lateAccepted: true, lateReason: "same_issues_recurred", grounds: ["information_not_considered"], unresolved: "x", outcomeWanted: "y" },
    });
    await expect(forged).rejects.toMatchObject({ code: "already_awaiting_decision" });
    const request = await pendingLateRequest(db, (await accepted.row()).id, "2026-09-02");
    expect(request?.lateExplanation).toBe("The damp came back.");
    // The queue finds it among the decisions waiting, until it is decided.
    const waiting = async () => (await queuePage(db, { role: "complaints_officer", staffId: staff.staffId }, 1, "2026-09-02", { ...NO_FILTERS, awaiting: "late_request", search: accepted.reference })).rows.map((row) => row.reference);
    expect(await waiting()).toEqual([accepted.reference]);
    expect(await decideLateRequest(db, staff, await accepted.row(), at("2026-09-02")((await accepted.row()).version), request!, { accept: true, reason: "The same damp returned." })).not.toBeInstanceOf(CaseChangeError);
    expect([(await accepted.row()).status, (await accepted.row()).stage]).toEqual(["awaiting_acknowledgement", 2]);
    expect(await pendingLateRequest(db, (await accepted.row()).id, "2026-09-02")).toBeNull();
    expect(await waiting()).toEqual([]);

    const refused = await walk();
    const refusedRequest = await pendingLateRequest(db, (await refused.row()).id, "2026-09-02");
    await decideLateRequest(db, staff, await refused.row(), at("2026-09-02")((await refused.row()).version), refusedRequest!, { accept: false, reason: "This is a new matter." });
    expect((await refused.row()).status).toBe("closed");
    const letters = await db.select().from(outbox).where(and(eq(outbox.recipient, refused.email), eq(outbox.template, "caseUpdate")));
    expect(letters.map((row) => row.payload)).toContainEqual(expect.objectContaining({ kind: "late_refused", reasons: "This is a new matter.", nextStage: 2, ombudsman: "late_escalation_refused" }));
  });

  it("logs a complaint received by letter: its dates count from the day it came, a repeated form makes one, and only an email address gets an email", async () => {
    const formId = crypto.randomUUID();
    const input = { channel: "letter", receivedOn: "2026-11-25", serviceArea: "housing", language: "ro", name: "Ion Popescu", email: "", phone: "", address: "2 Low Street", whatWentWrong: "Mould.", howAffected: "", outcomeWanted: "" } as const;
    const first = await logOfflineComplaint(db, staff, formId, input);
    const again = await logOfflineComplaint(db, staff, formId, input);
    expect(again).toEqual({ reference: first.reference, created: false });
    const [row] = await db.select().from(complaints).where(eq(complaints.reference, first.reference));
    expect([row?.receivedOn, row?.status, row?.pathway, row?.language]).toEqual(["2026-11-25", "triage", "corporate", "ro"]);
    // Corporate: acknowledged within 5 working days of the day it reached us.
    expect(row?.nextDueOn).toBe("2026-12-02");
    const [received] = await db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, row!.id), eq(complaintEvents.type, "received")));
    expect([received?.actor, (received?.details as { channel: string }).channel]).toEqual(["staff", "letter"]);
    expect(await db.select().from(outbox).where(eq(outbox.dedupeKey, acknowledgementKey(first.reference)))).toHaveLength(0);
    const audited = await db.select().from(staffAudit).where(and(eq(staffAudit.action, "logged_offline"), eq(staffAudit.complaintId, row!.id)));
    expect(audited).toHaveLength(1);

    const emailed = await logOfflineComplaint(db, staff, crypto.randomUUID(), { ...input, channel: "email", email: "ion@example.com" });
    const [ack] = await db.select().from(outbox).where(and(eq(outbox.recipient, "ion@example.com"), eq(outbox.template, "acknowledgement")));
    expect(ack?.locale).toBe("ro");
    expect(ack?.payload).toMatchObject({ reference: emailed.reference, receivedOn: "2026-11-25", acknowledgeBy: "2026-12-02" });
  });
});
