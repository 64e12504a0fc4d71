// The children's annual report from the case records (issue 12; source 002): hand-counted complaints through the
// case service, on both databases, and the report laid out in source 002's order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaintParties, compliments, representations } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { changeCase, openCase } from "~/cases/case-service.server";
import { addOmbudsmanEnquiry, classifyComplaint, decideOmbudsmanEnquiry } from "~/staff/case-records.server";
import { addStaffMember } from "~/staff/staff-accounts.server";
import type { StaffSignedIn } from "~/staff/staff-sessions.server";
import { childrensFigures, childrensReport, childrensReportRows } from "./childrens-figures.server";
import { endedFinancialYears } from "./period";

const YEAR = { from: "2025-04-01", to: "2026-03-31" };

describe.each(DATABASE_KINDS)("the children's annual report's figures on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  let counter = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "childrens.officer@coventry.gov.uk", role: "manager", name: "Children's Officer" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "manager", sessionId: crypto.randomUUID() };

    const complaint = async (receivedOn: string, pathway: "corporate" | "childrens", serviceAreaSlug: string, channel: "online" | "email" = "online") => {
      counter += 1;
      const reference = `CCC-KIDS-${String(counter).padStart(4, "0")}`;
      const { id } = await db.transaction((tx) =>
        openCase(tx, { values: { reference, serviceAreaSlug, pathway, language: "en", receivedOn, whatWentWrong: "x" }, complainant: { name: "A", email: `k${counter}@example.com` }, actor: channel === "online" ? "resident" : "staff", channel }),
      );
      const record = (event: Record<string, unknown>) => changeCase(db, { complaintId: id, event: event as never, actor: "staff" });
      return { id, record };
    };
    // 2025/26. A: statutory, by email, upheld at Stage 1 on time (Thu 1 May + 13 working days = Tue 20 May).
    const a = await complaint("2025-05-01", "childrens", "childrens-social-care", "email");
    await a.record({ type: "triaged", outcome: "accepted", pathway: "childrens", date: "2025-05-02" });
    await a.record({ type: "acknowledged", stage: 1, date: "2025-05-02" });
    await a.record({ type: "responded", stage: 1, outcome: "upheld", date: "2025-05-15" });
    await classifyComplaint(db, staff, a.id, { team: "Team West", categories: ["communication", "staff_conduct"] });
    // B: statutory, online, partly upheld at Stage 1 late, then at Stage 2 not upheld: counted once, at Stage 2.
    const b = await complaint("2025-06-02", "childrens", "childrens-social-care");
    await b.record({ type: "triaged", outcome: "accepted", pathway: "childrens", date: "2025-06-02" });
    await b.record({ type: "acknowledged", stage: 1, date: "2025-06-03" });
    await b.record({ type: "responded", stage: 1, outcome: "partially_upheld", date: "2025-07-15" });
    await b.record({ type: "escalation_requested", stage: 2, date: "2025-07-20", grounds: ["dissatisfied_with_outcome"], unresolved: "x", outcomeWanted: "y" });
    await b.record({ type: "acknowledged", stage: 2, date: "2025-07-21" });
    await b.record({ type: "responded", stage: 2, outcome: "not_upheld", date: "2025-08-11" });
    await classifyComplaint(db, staff, b.id, { team: "Team West", categories: ["communication"] });
    // C: statutory, withdrawn at Stage 1. D: statutory, still in triage (open).
    const c = await complaint("2025-09-01", "childrens", "childrens-social-care");
    await c.record({ type: "triaged", outcome: "accepted", pathway: "childrens", date: "2025-09-01" });
    await c.record({ type: "withdrawn", date: "2025-09-03" });
    await complaint("2026-03-30", "childrens", "childrens-social-care");
    // E: resolved informally (informal). F: a corporate complaint about children's social care that reached Stage 2.
    const e = await complaint("2025-10-01", "childrens", "childrens-social-care");
    await e.record({ type: "triaged", outcome: "resolved_informally", date: "2025-10-01" });
    const f = await complaint("2025-11-03", "corporate", "childrens-social-care");
    await f.record({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-11-03" });
    await f.record({ type: "acknowledged", stage: 1, date: "2025-11-03" });
    await f.record({ type: "responded", stage: 1, outcome: "not_upheld", date: "2025-11-10" });
    await f.record({ type: "escalation_requested", stage: 2, date: "2025-11-12", grounds: ["dissatisfied_with_outcome"], unresolved: "x", outcomeWanted: "y" });
    // Not children's services: a corporate complaint about housing.
    await complaint("2025-05-01", "corporate", "housing");
    // Last year (2024/25): one statutory complaint.
    await complaint("2024-05-01", "childrens", "childrens-social-care");
    // A child's advocate made B; a parent made C for their child.
    const actFor = async (complaintId: string, relationship: string) => {
      const [party] = await db.insert(complaintParties).values({ complaintId, role: "representative", name: "Rep" }).returning({ id: complaintParties.id });
      await db.insert(representations).values({ complaintId, partyId: party!.id, relationship, consentRoute: "online", state: "active", personUnder18: true });
    };
    await actFor(b.id, "advocate");
    await actFor(c.id, "family_friend_carer");
    await db.insert(compliments).values([
      { kind: "compliment", serviceAreaSlug: "childrens-social-care", team: "Through Care", message: "Thank you", createdAt: new Date("2025-08-01T12:00:00Z") },
      { kind: "compliment", serviceAreaSlug: "childrens-social-care", team: "Through Care", message: "Thank you", createdAt: new Date("2025-09-01T12:00:00Z") },
      { kind: "compliment", serviceAreaSlug: "childrens-social-care", message: "Thanks", createdAt: new Date("2024-09-01T12:00:00Z") },
      { kind: "comment", serviceAreaSlug: "childrens-social-care", message: "An idea", createdAt: new Date("2025-10-01T12:00:00Z") },
      { kind: "compliment", serviceAreaSlug: "housing", team: "Repairs", message: "Not children's", createdAt: new Date("2025-08-01T12:00:00Z") },
    ]);
    const enquiry = await addOmbudsmanEnquiry(db, staff, b.id, { ombudsmanReference: "25 001 002", receivedOn: "2025-12-01" });
    await decideOmbudsmanEnquiry(db, staff, b.id, enquiry, { decision: "upheld_with_injustice", decidedOn: "2026-02-02", remedy: "Apology and payment", remedyPence: 25000 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts statutory, corporate and informal complaints, each statutory one once at the furthest stage it reached", async () => {
    const figures = await childrensFigures(db, YEAR);
    expect(figures.kinds).toEqual({ statutory: 4, corporate: 1, informal: 1 });
    expect([...figures.channels].sort()).toEqual([["email", 1], ["online", 3]]);
    expect(Object.fromEntries(figures.outcomes)).toEqual({ upheld: 1, not_upheld: 1, withdrawn: 1, open: 1 });
    expect(Object.fromEntries(figures.teams)).toEqual({ "Team West": 2, "": 2 });
    expect(Object.fromEntries(figures.stages)).toEqual({ "1:within": 1, "2:within": 1, "1:withdrawn": 1, "1:open": 1 });
    expect(figures.corporateStageTwo).toBe(1);
    expect(Object.fromEntries(figures.categories)).toEqual({ communication: 2, staff_conduct: 1 });
    expect({ youngPeople: figures.youngPeople, advocate: figures.advocate }).toEqual({ youngPeople: 2, advocate: 1 });
    expect({ compliments: figures.compliments, comments: figures.comments, teams: Object.fromEntries(figures.complimentTeams) }).toEqual({ compliments: 2, comments: 1, teams: { "Through Care": 2 } });
    expect(figures.ombudsman).toEqual({ received: 1, investigated: 1, upheld: 1, payments: 1, paymentPence: 25000 });
    // Working days, by hand: A, received Thursday 1 May, answered 15 May, skipping the bank holiday on 5 May: 9.
    // B's Stage 2, asked for on Sunday 20 July (day zero the next working day, Monday 21 July), answered Monday
    // 11 August: 15.
    expect(Object.fromEntries(figures.averageDays)).toEqual({ "1": 9, "2": 15 });
    expect((await childrensFigures(db, { from: "2024-04-01", to: "2025-03-31" })).kinds).toEqual({ statutory: 1, corporate: 0, informal: 0 });
  });

  it("lays the year out as source 002 does, each table adding up, and writes every table to CSV in that order", async () => {
    const sections = await childrensReport(db, 2025);
    expect(sections.map((section) => section.id)).toEqual(["keyFacts", "summary", "advocacy", "complaints", "statutory", "resolution", "timescales", "equality", "ombudsman", "comments", "compliments", "improvements", "remedy"]);
    const table = (id: string) => sections.flatMap((section) => section.tables).find((each) => each.id === id)!;
    const totalOf = (id: string) => table(id).rows.find((row) => row.total)!.cells;
    expect(totalOf("howReceived")).toEqual([4]);
    expect(totalOf("byStatus")).toEqual([4, "100%"]);
    expect(table("byStatus").rows.map((row) => row.cells)).toEqual([[1, "25%"], [0, "0%"], [1, "25%"], [1, "25%"], [1, "25%"], [4, "100%"]]);
    expect(totalOf("byTeam")).toEqual([4]);
    expect(totalOf("byStageAndTimescale")).toEqual(["", 4]);
    expect(table("overTime").rows.map((row) => row.cells[0])).toEqual([0, 1, 4]);
    expect(table("averageByStage").rows.map((row) => row.cells[0])).toEqual([3, 1, 0]);
    const rows = childrensReportRows(sections);
    expect(rows[0]).toEqual(["Section", "Table", "Row", "Figures"]);
    const captions = [...new Set(rows.slice(1).map((row) => row[1]))];
    expect(captions).toEqual([
      "Average time taken by stage", "How complaints were received", "Statutory complaints over time", "Statutory complaints by upheld status", "Statutory complaints by team",
      "Statutory complaints by stage and timescales", "Average timescales by stage in working days", "Compliments recorded by year", "Compliments by team", "Complaint issue or category",
    ]);
    expect(rows).toContainEqual(["Statutory complaints", "Statutory complaints by upheld status", "Upheld", "1", "25%"]);
  });
});

describe("the financial years a yearly report offers", () => {
  it("offers the five financial years that have ended, newest first", () => {
    expect(endedFinancialYears("2026-12-02")).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(endedFinancialYears("2026-03-31")).toEqual([2024, 2023, 2022, 2021, 2020]);
    expect(endedFinancialYears("2026-04-01")[0]).toBe(2025);
  });
});
