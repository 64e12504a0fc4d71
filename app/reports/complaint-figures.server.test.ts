import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaintParties, complaints, compliments, representations } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { changeCase, openCase } from "~/cases/case-service.server";
import { addOmbudsmanEnquiry, classifyComplaint, decideOmbudsmanEnquiry } from "~/staff/case-records.server";
import { addStaffMember } from "~/staff/staff-accounts.server";
import type { StaffSignedIn } from "~/staff/staff-sessions.server";
import { complaintReport, type ReportTable } from "./complaint-figures.server";

describe.each(DATABASE_KINDS)("the complaints report's figures on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let staff: StaffSignedIn;
  let counter = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "reports.officer@coventry.gov.uk", role: "complaints_officer", name: "Reports Officer" });
    staff = { staffId: member.id, email: member.email, name: member.name, role: "complaints_officer", sessionId: crypto.randomUUID() };
  });
  afterAll(async () => {
    await database?.close();
  });

  async function complaint(receivedOn: string, pathway: "corporate" | "childrens" | "adults", serviceAreaSlug: string, channel: "online" | "phone" = "online") {
    counter += 1;
    const reference = `CCC-REPT-${String(counter).padStart(4, "0")}`;
    const { id } = await db.transaction((tx) =>
      openCase(tx, { values: { reference, serviceAreaSlug, pathway, language: "en", receivedOn, whatWentWrong: "x" }, complainant: { name: "A", email: `a${counter}@example.com` }, actor: channel === "online" ? "resident" : "staff", channel }),
    );
    const record = (event: Record<string, unknown>) => changeCase(db, { complaintId: id, event: event as never, actor: "staff" });
    return { id, record };
  }

  const row = (tables: ReportTable[], id: string, key: string) => tables.find((table) => table.id === id)!.rows.find((candidate) => candidate.key === key);

  it("counts each table for the period and the period before, from the events and records", async () => {
    // This year (2025/26): two corporate (one by phone), one children's; last year: one corporate.
    const a = await complaint("2025-05-01", "corporate", "housing");
    await a.record({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-05-02" });
    await a.record({ type: "acknowledged", stage: 1, date: "2025-05-02" });
    await a.record({ type: "responded", stage: 1, outcome: "upheld", date: "2025-05-10" });
    await a.record({ type: "escalation_requested", stage: 2, date: "2025-05-20", grounds: ["dissatisfied_with_outcome"], unresolved: "x", outcomeWanted: "y" });
    const b = await complaint("2025-06-01", "corporate", "housing", "phone");
    await b.record({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2025-06-02" });
    await b.record({ type: "withdrawn", date: "2025-06-03" });
    await complaint("2025-07-01", "childrens", "childrens-social-care");
    const c = await complaint("2024-07-01", "corporate", "parking");
    await c.record({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2024-07-02" });
    await c.record({ type: "acknowledged", stage: 1, date: "2024-07-02" });
    await c.record({ type: "responded", stage: 1, outcome: "not_upheld", date: "2024-07-09" });
    await classifyComplaint(db, staff, a.id, { team: "Repairs", categories: ["communication", "delay"] });
    await classifyComplaint(db, staff, b.id, { team: "Repairs", categories: ["communication"] });
    await db.insert(compliments).values([
      { kind: "compliment", serviceAreaSlug: "housing", message: "Thanks", createdAt: new Date("2025-09-01T12:00:00Z") },
      // 22:30 on 31 March in UTC is 23:30 in London: still the year's last day. 23:30 UTC on 31 March 2025 is
      // 00:30 on 1 April in London: this year's, not last year's.
      { kind: "comment", serviceAreaSlug: "libraries", message: "Idea", createdAt: new Date("2026-03-31T22:30:00Z") },
      { kind: "comment", serviceAreaSlug: "libraries", message: "Early", createdAt: new Date("2025-03-31T23:30:00Z") },
      { kind: "compliment", serviceAreaSlug: "housing", message: "Old", createdAt: new Date("2024-09-01T12:00:00Z") },
    ]);
    // Made for others: a child by an advocate and an adult by a relative this year; a child by a parent last year.
    const actFor = async (complaintId: string, relationship: string, personUnder18: boolean) => {
      const [party] = await db.insert(complaintParties).values({ complaintId, role: "representative", name: "Rep" }).returning({ id: complaintParties.id });
      await db.insert(representations).values({ complaintId, partyId: party!.id, relationship, consentRoute: "online", state: "active", personUnder18 });
    };
    await actFor(a.id, "advocate", true);
    await actFor(b.id, "family_friend_carer", false);
    await actFor(c.id, "family_friend_carer", true);
    const enquiry = await addOmbudsmanEnquiry(db, staff, a.id, { ombudsmanReference: "25 000 001", receivedOn: "2025-08-01" });
    await decideOmbudsmanEnquiry(db, staff, a.id, enquiry, { decision: "upheld_with_injustice", decidedOn: "2025-10-01", remedy: "Pay", remedyPence: 10_000 });

    const tables = await complaintReport(db, { from: "2025-04-01", to: "2026-03-31" }, { from: "2024-04-01", to: "2025-03-31" });
    expect(tables.map((table) => table.id)).toEqual(["received", "outcomes", "timeliness", "averageDays", "channels", "serviceAreas", "teams", "categories", "representatives", "youngPeople", "compliments", "ombudsman"]);
    expect(row(tables, "received", "corporate-1")).toEqual({ key: "corporate-1", now: 2, before: 1 });
    expect(row(tables, "received", "corporate-2")).toEqual({ key: "corporate-2", now: 1, before: 0 });
    expect(row(tables, "received", "childrens-1")).toEqual({ key: "childrens-1", now: 1, before: 0 });
    expect(row(tables, "received", "adults-1")).toEqual({ key: "adults-1", now: 0, before: 0 });
    expect(row(tables, "outcomes", "upheld")).toMatchObject({ now: 1, before: 0 });
    expect(row(tables, "outcomes", "not_upheld")).toMatchObject({ now: 0, before: 1 });
    expect(row(tables, "outcomes", "withdrawn")).toMatchObject({ now: 1 });
    // Still open today: the first (at Stage 2) and the children's.
    expect(row(tables, "outcomes", "open")).toMatchObject({ now: 2, before: 1 });
    // Responded within 10 working days of the acknowledgement; 5 working days after 1 May 2025 (5 May was a bank
    // holiday, the 10th a Saturday), and last year 6 after 1 July 2024.
    expect(row(tables, "timeliness", "corporate-1:within")).toEqual({ key: "corporate-1:within", now: 1, before: 1 });
    expect(row(tables, "timeliness", "corporate-1:over")).toEqual({ key: "corporate-1:over", now: 0, before: 0 });
    expect(row(tables, "averageDays", "corporate-1")).toEqual({ key: "corporate-1", now: 5, before: 6 });
    expect(row(tables, "channels", "online")).toMatchObject({ now: 2, before: 1 });
    expect(row(tables, "channels", "phone")).toMatchObject({ now: 1, before: 0 });
    expect(row(tables, "serviceAreas", "housing")).toMatchObject({ now: 2, before: 0 });
    expect(row(tables, "serviceAreas", "parking")).toMatchObject({ now: 0, before: 1 });
    expect(row(tables, "teams", "Repairs")).toMatchObject({ now: 2 });
    expect(row(tables, "categories", "communication")).toMatchObject({ now: 2 });
    expect(row(tables, "categories", "delay")).toMatchObject({ now: 1 });
    expect(row(tables, "representatives", "advocate")).toEqual({ key: "advocate", now: 1, before: 0 });
    expect(row(tables, "representatives", "family_friend_carer")).toEqual({ key: "family_friend_carer", now: 1, before: 1 });
    expect(row(tables, "youngPeople", "under18")).toEqual({ key: "under18", now: 1, before: 1 });
    expect(row(tables, "youngPeople", "under18_advocate")).toEqual({ key: "under18_advocate", now: 1, before: 0 });
    expect(row(tables, "compliments", "compliment:housing")).toMatchObject({ now: 1, before: 1 });
    expect(row(tables, "compliments", "comment:libraries")).toMatchObject({ now: 2, before: 0 });
    expect(row(tables, "ombudsman", "received")).toMatchObject({ now: 1, before: 0 });
    expect(row(tables, "ombudsman", "decision:upheld_with_injustice")).toMatchObject({ now: 1 });
    expect(row(tables, "ombudsman", "payments")).toMatchObject({ now: 1 });
    expect((await db.select().from(complaints).where(eq(complaints.id, c.id)))[0]!.closedOn).toBeNull();
  });

  it("counts a response given after its date as over the timescale", async () => {
    const late = await complaint("2023-05-01", "corporate", "housing");
    await late.record({ type: "triaged", outcome: "accepted", pathway: "corporate", date: "2023-05-02" });
    await late.record({ type: "acknowledged", stage: 1, date: "2023-05-02" });
    await late.record({ type: "responded", stage: 1, outcome: "not_upheld", date: "2023-06-30" });
    const tables = await complaintReport(db, { from: "2023-04-01", to: "2024-03-31" }, { from: "2022-04-01", to: "2023-03-31" });
    expect(row(tables, "timeliness", "corporate-1:over")).toMatchObject({ now: 1 });
    expect(row(tables, "timeliness", "corporate-1:within")).toMatchObject({ now: 0 });
  });
});
