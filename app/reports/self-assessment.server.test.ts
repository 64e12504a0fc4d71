// The self-assessment's own evidence (issue 12, item 3): acknowledgements against the date each was due by, as the
// case service writes it, and extensions with their reasons; and the council's commentary, written and cleared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { and, eq } from "drizzle-orm";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { changeCase, openCase } from "~/cases/case-service.server";
import { addStaffMember } from "~/staff/staff-accounts.server";
import type { StaffSignedIn } from "~/staff/staff-sessions.server";
import { commentaryFor, saveCommentary, selfAssessmentEvidence } from "./self-assessment.server";

describe.each(DATABASE_KINDS)("the self-assessment on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  let counter = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "assessing.manager@coventry.gov.uk", role: "manager", name: "Assessing Manager" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "manager", sessionId: crypto.randomUUID() };
    const complaint = async (receivedOn: string) => {
      counter += 1;
      const { id } = await db.transaction((tx) =>
        openCase(tx, { values: { reference: `CCC-SELF-${String(counter).padStart(4, "0")}`, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn, whatWentWrong: "x" }, complainant: { name: "A", email: `s${counter}@example.com` }, actor: "resident" }),
      );
      return (event: Record<string, unknown>) => changeCase(db, { complaintId: id, event: event as never, actor: "staff" });
    };
    // Corporate Stage 1 is acknowledged within 5 working days (§13.6). Received Monday 2 June 2025: due Monday 9 June.
    const onTime = await complaint("2025-06-02");
    await onTime({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-06-02" });
    await onTime({ type: "acknowledged", stage: 1, date: "2025-06-09" });
    await onTime({ type: "extended", stage: 1, days: 5, reason: "Waiting for the contractor's report.", date: "2025-06-12" });
    const late = await complaint("2025-06-02");
    await late({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-06-02" });
    await late({ type: "acknowledged", stage: 1, date: "2025-06-10" });
    await late({ type: "extended", stage: 1, days: 5, reason: "Waiting for the contractor's report.", date: "2025-06-13" });
    const other = await complaint("2025-07-01");
    await other({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-07-01" });
    await other({ type: "acknowledged", stage: 1, date: "2025-07-02" });
    await other({ type: "extended", stage: 1, days: 3, reason: "The officer is away.", date: "2025-07-08" });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts acknowledgements on time and late, and extensions with their commonest reasons", async () => {
    const evidence = await selfAssessmentEvidence(db, 2025);
    const acknowledged = evidence.get("acknowledgements")![0]!.rows;
    expect(acknowledged.find((row) => row.key === "corporate-1:within")).toMatchObject({ now: 2, before: 0, label: "Most council services: Stage 1: acknowledged by its date" });
    expect(acknowledged.find((row) => row.key === "corporate-1:over")).toMatchObject({ now: 1, before: 0 });
    const [extensions, reasons] = evidence.get("extensions")!;
    expect(extensions!.rows.find((row) => row.key === "corporate-1")).toMatchObject({ now: 3, before: 0 });
    expect(reasons!.rows.map((row) => [row.label, row.now])).toEqual([["Waiting for the contractor's report.", 2], ["The officer is away.", 1]]);
    // The complaints report's own tables stand as evidence too.
    expect(evidence.get("responses")!.map((table) => table.id)).toEqual(["timeliness", "averageDays"]);
    expect(evidence.get("escalations")![0]!.rows.find((row) => row.key === "corporate-1")).toMatchObject({ now: 3 });
    // The year before has none of these.
    const earlier = await selfAssessmentEvidence(db, 2024);
    expect(earlier.get("acknowledgements")![0]!.rows.every((row) => row.now === 0)).toBe(true);
  });

  it("keeps the council's commentary for a year and section, changed or cleared, in the audit trail", async () => {
    await saveCommentary(db, staff, 2025, "5", "We acknowledge within five working days.");
    await saveCommentary(db, staff, 2025, "5", "We acknowledged most complaints on time.");
    await saveCommentary(db, staff, 2025, "6", "Extensions were explained.");
    expect([...(await commentaryFor(db, 2025))].map(([section, written]) => [section, written.commentary, written.by])).toEqual([
      ["5", "We acknowledged most complaints on time.", "Assessing Manager"],
      ["6", "Extensions were explained.", "Assessing Manager"],
    ]);
    expect((await commentaryFor(db, 2024)).size).toBe(0);
    await saveCommentary(db, staff, 2025, "6", "");
    expect([...(await commentaryFor(db, 2025)).keys()]).toEqual(["5"]);
    await expect(saveCommentary(db, staff, 2025, "99", "No such section")).rejects.toThrow();
    const trail = await db.select().from(staffAudit).where(and(eq(staffAudit.staffId, staff.staffId), eq(staffAudit.action, "self_assessment_commentary")));
    expect(trail.map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([{ year: 2025, section: "6", cleared: true }, { year: 2025, section: "5", cleared: false }]),
    );
    expect(trail).toHaveLength(4);
  });
});
