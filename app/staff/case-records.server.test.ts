import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { caseClassifications, complaints, outbox, staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { openCase } from "~/cases/case-service.server";
import { complaintPage } from "~/cases/complaint-page.server";
import { addOmbudsmanEnquiry, classificationOf, classifyComplaint, conductOutcomesOf, decideOmbudsmanEnquiry, ombudsmanEnquiriesOf, recordConductOutcome, teamsInUse } from "./case-records.server";
import { addStaffMember } from "./staff-accounts.server";
import { responseDraftFor, saveResponseDraft } from "./response-drafts.server";
import { auditTrailOf } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

describe.each(DATABASE_KINDS)("what staff record beside the stages, on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  let counter = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "records.officer@coventry.gov.uk", role: "complaints_officer", name: "Records Officer" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "complaints_officer", sessionId: crypto.randomUUID() };
  });
  afterAll(async () => {
    await database?.close();
  });

  async function complaint() {
    counter += 1;
    const reference = `CCC-RECS-${String(counter).padStart(4, "0")}`;
    await db.transaction((tx) =>
      openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-30", whatWentWrong: "The officer was rude" },
        complainant: { name: "Sam", email: `sam${counter}@example.com` },
        actor: "resident",
      }),
    );
    return (await db.select().from(complaints).where(eq(complaints.reference, reference)))[0]!;
  }

  it("records the team and categories, replaces them when changed, audits each change and offers the teams most used", async () => {
    const first = await complaint();
    const second = await complaint();
    await classifyComplaint(db, staff, first.id, { team: "Team West", categories: ["communication"] });
    await classifyComplaint(db, staff, first.id, { team: "Team East", categories: ["communication", "staff_conduct"] });
    await classifyComplaint(db, staff, second.id, { team: "Team East", categories: ["delay"] });
    expect(await classificationOf(db, first.id)).toEqual({ team: "Team East", categories: ["communication", "staff_conduct"] });
    expect((await teamsInUse(db))[0]).toBe("Team East");
    const audited = await db.select().from(staffAudit).where(eq(staffAudit.complaintId, first.id));
    expect(audited.filter((entry) => entry.action === "classified")).toHaveLength(2);
  });

  it("the database refuses a category not on the list, and an empty list", async () => {
    const made = await complaint();
    await expect(db.insert(caseClassifications).values({ complaintId: made.id, team: "T", categories: ["gossip"], classifiedBy: staff.staffId })).rejects.toThrow();
    await expect(db.insert(caseClassifications).values({ complaintId: made.id, team: "T", categories: [], classifiedBy: staff.staffId })).rejects.toThrow();
  });

  it("§15.4: a staff-conduct outcome is kept for staff, never on the complainant's page or in their mail", async () => {
    const made = await complaint();
    const notes = `Finding-${crypto.randomUUID()}: the officer was spoken to.`;
    await recordConductOutcome(db, staff, made, { outcome: "upheld", notes });
    expect((await conductOutcomesOf(db, made.id)).map((item) => [item.outcome, item.notes, item.stage])).toEqual([["upheld", notes, 1]]);
    const residentPage = await complaintPage(db, made, "en", "2026-12-02");
    expect(JSON.stringify(residentPage)).not.toContain("Finding-");
    const mail = await db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}::text like ${"%Finding-%"}`);
    expect(mail).toEqual([]);
    // The audit trail says an outcome was recorded, not what it was.
    const [audit] = await db.select().from(staffAudit).where(eq(staffAudit.action, "conduct_outcome"));
    expect(JSON.stringify(audit?.detail)).not.toContain("Finding-");
  });

  it("records an Ombudsman enquiry and its decision once; a second decision, or one through another complaint, is refused", async () => {
    const made = await complaint();
    const other = await complaint();
    const id = await addOmbudsmanEnquiry(db, staff, made.id, { ombudsmanReference: "24 001 234", receivedOn: "2026-11-02" });
    const decision = { decision: "upheld_with_injustice" as const, decidedOn: "2026-12-01" as const, remedy: "Apologise and pay £250", remedyPence: 25000 };
    expect(await decideOmbudsmanEnquiry(db, staff, other.id, id, decision)).toBe(false);
    expect(await decideOmbudsmanEnquiry(db, staff, made.id, id, decision)).toBe(true);
    expect(await decideOmbudsmanEnquiry(db, staff, made.id, id, { ...decision, decision: "not_upheld" })).toBe(false);
    expect(await ombudsmanEnquiriesOf(db, made.id)).toMatchObject([{ ombudsmanReference: "24 001 234", receivedOn: "2026-11-02", decision: "upheld_with_injustice", decidedOn: "2026-12-01", remedyPence: 25000 }]);
    const actions = (await db.select().from(staffAudit).where(eq(staffAudit.complaintId, made.id))).map((entry) => entry.action);
    expect(actions).toEqual(["ombudsman_enquiry", "ombudsman_decision"]);
  });

  it("keeps one draft response per stage, replaced when redrafted, with who wrote it, and audits each", async () => {
    const made = await complaint();
    expect(await responseDraftFor(db, made.id, 1)).toBeNull();
    await saveResponseDraft(db, staff, made, { values: { outcome: "not_upheld", reasons: "First go." }, remedies: [] });
    await saveResponseDraft(db, staff, made, { values: { outcome: "upheld", reasons: "Second go." }, remedies: ["apology"] });
    expect(await responseDraftFor(db, made.id, 1)).toMatchObject({ fields: { values: { outcome: "upheld", reasons: "Second go." }, remedies: ["apology"] }, by: "Records Officer" });
    expect(await responseDraftFor(db, made.id, 2)).toBeNull();
    const drafted = (await db.select().from(staffAudit).where(eq(staffAudit.complaintId, made.id))).filter((entry) => entry.action === "response_drafted");
    expect(drafted).toHaveLength(2);
  });

  it("gives a complaint's audit trail newest first, with who, and how many entries in all", async () => {
    const made = await complaint();
    await classifyComplaint(db, staff, made.id, { team: "Team West", categories: ["delay"] });
    await addOmbudsmanEnquiry(db, staff, made.id, { ombudsmanReference: "26 000 001", receivedOn: "2026-11-02" });
    const trail = await auditTrailOf(db, made.id, 1);
    expect(trail.total).toBe(2);
    expect(trail.rows).toHaveLength(1);
    expect(trail.rows[0]).toMatchObject({ action: "ombudsman_enquiry", name: "Records Officer" });
  });
});
