import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { complaintEvents, complaints, outbox } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { enqueueEmail } from "~/mail/outbox.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { CaseChangeError, changeCase, loadCase, openCase } from "./case-service.server";

const ESCALATION = {
  grounds: ["dissatisfied_with_outcome" as const],
  unresolved: "The wall is still damp.",
  outcomeWanted: "A proper repair.",
};

describe.each(DATABASE_KINDS)("the case service on %s", (kind) => {
  let database: OpenDatabase;
  let counter = 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A corporate complaint received on 2 November 2026, acknowledged and responded to on the given date. */
  async function respondedComplaint(respondedOn: IsoDate, pathway: "corporate" | "adults" = "corporate") {
    counter += 1;
    const opened = await database.db.transaction((tx) =>
      openCase(tx, {
        values: {
          reference: `CCC-TEST-${String(counter).padStart(4, "0")}`,
          serviceAreaSlug: pathway === "adults" ? "adult-social-care" : "housing",
          pathway,
          language: "en",
          receivedOn: "2026-11-02",
          whatWentWrong: "Damp",
        },
        complainant: { name: "Ada", email: `ada${counter}@example.com` },
        actor: "resident",
      }),
    );
    await changeCase(database.db, { complaintId: opened.id, event: { type: "acknowledged", stage: 1, date: "2026-11-03" }, actor: "staff" });
    await changeCase(database.db, { complaintId: opened.id, event: { type: "responded", stage: 1, date: respondedOn, outcome: "not_upheld" }, actor: "staff" });
    return opened.id;
  }

  async function eventTypes(complaintId: string) {
    const rows = await database.db.select({ type: complaintEvents.type }).from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(complaintEvents.id);
    return rows.map((row) => row.type);
  }

  it("opens a complaint awaiting triage with its first due date stored for the queue", async () => {
    const id = await respondedComplaint("2026-11-20");
    const loaded = await loadCase(database.db, id, "2026-11-20");
    expect(loaded?.events.map((recorded) => [recorded.event.type, recorded.actor])).toEqual([
      ["received", "resident"],
      ["acknowledged", "staff"],
      ["responded", "staff"],
    ]);
    const [row] = await database.db.select().from(complaints).where(eq(complaints.id, id));
    expect([row?.status, row?.stage, row?.version]).toEqual(["responded", 1, 3]);
  });

  it("moves an in-time request for Stage 2 to awaiting acknowledgement, with new due dates and an email, at once", async () => {
    const id = await respondedComplaint("2026-11-20");
    const changed = await changeCase(database.db, {
      complaintId: id,
      event: { type: "escalation_requested", stage: 2, date: "2026-12-01", ...ESCALATION },
      actor: "resident",
      expectedVersion: 3,
      notify: async (tx, result) => {
        await enqueueEmail(tx, {
          dedupeKey: `test-escalated:${result.complaint.reference}`,
          template: "acknowledgement",
          locale: "en",
          recipient: "ada@example.com",
          payload: { reference: result.complaint.reference, serviceAreaName: "Housing", pathway: "corporate", receivedOn: "2026-11-02", acknowledgeBy: "2026-11-09", respondBy: "2026-12-01" },
        });
      },
    });
    expect(changed.progress.state.status).toBe("awaiting_acknowledgement");
    expect(changed.progress.state.stage).toBe(2);
    // §14.6: Stage 2 is acknowledged within 5 working days of the request received on 1 December.
    expect(changed.progress.nextCouncilDue?.id).toBe("stage2AcknowledgeBy");
    expect(changed.progress.nextCouncilDue?.date).toBe("2026-12-08");
    const [row] = await database.db.select().from(complaints).where(eq(complaints.id, id));
    expect([row?.status, row?.stage, row?.nextDueOn, row?.version]).toEqual(["awaiting_acknowledgement", 2, "2026-12-08", 4]);
    const mail = await database.db.select().from(outbox).where(eq(outbox.dedupeKey, `test-escalated:${changed.complaint.reference}`));
    expect(mail).toHaveLength(1);
  });

  it("refuses a form from before the complaint changed (stale) and records nothing", async () => {
    const id = await respondedComplaint("2026-11-20");
    const attempt = changeCase(database.db, { complaintId: id, event: { type: "withdrawn", date: "2026-12-01" }, actor: "resident", expectedVersion: 2 });
    await expect(attempt).rejects.toMatchObject({ code: "stale", status: 409 });
    expect(await eventTypes(id)).toEqual(["received", "acknowledged", "responded"]);
  });

  it("records a late corporate request as awaiting the council's decision (§14.4), and refuses it as a direct request", async () => {
    const id = await respondedComplaint("2026-11-03");
    // 20 working days after 3 November is 1 December; 10 December is late but within six months.
    const direct = changeCase(database.db, { complaintId: id, event: { type: "escalation_requested", stage: 2, date: "2026-12-10", ...ESCALATION }, actor: "resident" });
    await expect(direct).rejects.toMatchObject({ code: "late_escalation_needs_staff_decision", status: 409 });
    const late = await changeCase(database.db, {
      complaintId: id,
      event: { type: "late_escalation_requested", stage: 2, date: "2026-12-10", lateReason: "same_issues_recurred", lateExplanation: "It came back.", ...ESCALATION },
      actor: "resident",
    });
    expect(late.progress.state.status).toBe("responded");
    expect(late.progress.nextStage).toEqual({ kind: "awaiting_decision", requestedOn: "2026-12-10" });
    const again = changeCase(database.db, {
      complaintId: id,
      event: { type: "late_escalation_requested", stage: 2, date: "2026-12-10", lateReason: "same_issues_recurred", lateExplanation: "Again.", ...ESCALATION },
      actor: "resident",
    });
    await expect(again).rejects.toMatchObject({ code: "already_awaiting_decision" });
  });

  it("refuses a late request in time, after six months, and any request after the adults' only stage", async () => {
    const inTime = await respondedComplaint("2026-11-20");
    const notLate = changeCase(database.db, {
      complaintId: inTime,
      event: { type: "late_escalation_requested", stage: 2, date: "2026-11-23", lateReason: "same_issues_recurred", lateExplanation: "x", ...ESCALATION },
      actor: "resident",
    });
    await expect(notLate).rejects.toMatchObject({ code: "not_late" });
    const old = await respondedComplaint("2026-11-03");
    const tooLate = changeCase(database.db, { complaintId: old, event: { type: "escalation_requested", stage: 2, date: "2027-06-01", ...ESCALATION }, actor: "resident" });
    await expect(tooLate).rejects.toMatchObject({ code: "escalation_out_of_time" });
    const adults = await respondedComplaint("2026-11-20", "adults");
    const loaded = await loadCase(database.db, adults, "2026-11-23");
    expect(loaded?.progress.nextStage).toMatchObject({ kind: "ombudsman", reason: "final_stage" });
    const noStage = changeCase(database.db, { complaintId: adults, event: { type: "escalation_requested", stage: 2, date: "2026-11-23", ...ESCALATION }, actor: "resident" });
    await expect(noStage).rejects.toMatchObject({ code: "no_further_stage" });
  });

  it("turns 20 concurrent identical requests for Stage 2 into one event", async () => {
    const id = await respondedComplaint("2026-11-20");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        changeCase(database.db, {
          complaintId: id,
          event: { type: "escalation_requested", stage: 2, date: "2026-12-01", ...ESCALATION },
          actor: "resident",
          expectedVersion: 3,
          dedupeKey: `escalate:${id}:form-1`,
        }),
      ),
    );
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    const created = results.filter((result) => result.status === "fulfilled" && result.value.created);
    expect(created).toHaveLength(1);
    expect(await eventTypes(id)).toEqual(["received", "acknowledged", "responded", "escalation_requested"]);
    // Without the form's key, the same 20 are one event and 19 refusals, never two Stage 2s.
    const other = await respondedComplaint("2026-11-20");
    const racing = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        changeCase(database.db, { complaintId: other, event: { type: "escalation_requested", stage: 2, date: "2026-12-01", ...ESCALATION }, actor: "resident" }),
      ),
    );
    expect(racing.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(racing.filter((result) => result.status === "rejected" && result.reason instanceof CaseChangeError)).toHaveLength(19);
  });

  it("withdraws an open complaint, records when it closed, and takes nothing more after", async () => {
    const id = await respondedComplaint("2026-11-20");
    await changeCase(database.db, { complaintId: id, event: { type: "information_added", date: "2026-11-24", message: "A photo of the wall.", files: [] }, actor: "resident" });
    const withdrawn = await changeCase(database.db, { complaintId: id, event: { type: "withdrawn", date: "2026-11-25", reason: "Fixed." }, actor: "resident" });
    expect(withdrawn.progress.open).toBe(false);
    const [row] = await database.db.select().from(complaints).where(eq(complaints.id, id));
    expect([row?.status, row?.closedOn, row?.nextDueOn]).toEqual(["withdrawn", "2026-11-25", null]);
    const more = changeCase(database.db, { complaintId: id, event: { type: "information_added", date: "2026-11-26", message: "More.", files: [] }, actor: "resident" });
    await expect(more).rejects.toMatchObject({ code: "complaint_not_open", status: 409 });
  });

  it("refuses a malformed event (422) and an unknown complaint (404)", async () => {
    const id = await respondedComplaint("2026-11-20");
    const malformed = changeCase(database.db, { complaintId: id, event: { type: "escalation_requested", stage: 2, date: "2026-13-01" } as never, actor: "resident" });
    await expect(malformed).rejects.toMatchObject({ code: "invalid_event", status: 422 });
    const missing = changeCase(database.db, { complaintId: "00000000-0000-4000-8000-000000000000", event: { type: "withdrawn", date: "2026-12-01" }, actor: "resident" });
    await expect(missing).rejects.toMatchObject({ code: "not_found", status: 404 });
  });
});
