import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaintEvents, complaints, outbox, staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { CaseChangeError, openCase } from "~/cases/case-service.server";
import { acceptComplaint, acknowledgeComplaint, respondToComplaint } from "./casework.server";
import { addStaffMember } from "./staff-accounts.server";
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

  async function complaint() {
    counter += 1;
    const reference = `CCC-WORK-${String(counter).padStart(4, "0")}`;
    await db.transaction((tx) =>
      openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "pl", receivedOn: "2026-11-30", whatWentWrong: "Damp" },
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

    await respondToComplaint(db, staff, await made.row(), form((await made.row()).version), { outcome: "upheld", reasons: "We found the damp." });
    const letters = await db.select().from(outbox).where(and(eq(outbox.recipient, made.email), eq(outbox.template, "caseUpdate")));
    expect(letters.map((row) => (row.payload as { kind: string }).kind).sort()).toEqual(["acknowledged", "responded"]);
    expect(letters.find((row) => (row.payload as { kind: string }).kind === "responded")?.payload).toMatchObject({ outcome: "upheld", nextStage: 2 });

    const events = await db.select({ type: complaintEvents.type, actor: complaintEvents.actor }).from(complaintEvents).innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId)).where(eq(complaints.reference, made.reference));
    expect(events.map((event) => [event.type, event.actor])).toEqual([["received", "resident"], ["triaged", "staff"], ["acknowledged", "staff"], ["responded", "staff"]]);
    const audited = await db.select().from(staffAudit).where(and(eq(staffAudit.staffId, staff.staffId), eq(staffAudit.complaintId, (await made.row()).id)));
    expect(audited.map((row) => (row.detail as { event: string }).event)).toEqual(["triaged", "acknowledged", "responded"]);
  });

  it("refuses what the stage machine forbids, and a stale form, with nothing written; a form posted twice records once", async () => {
    const made = await complaint();
    const refused = await respondToComplaint(db, staff, await made.row(), form((await made.row()).version), { outcome: "upheld", reasons: "Too soon." });
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
});
