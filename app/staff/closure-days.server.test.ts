import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { complaints, staffAudit } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { loadCase, openCase } from "~/cases/case-service.server";
import { councilRulesConfig } from "~/cases/council-calendar.server";
import { addClosureDay, closureDaysFrom, removeClosureDay } from "./closure-days.server";
import { addStaffMember } from "./staff-accounts.server";
import type { StaffSignedIn } from "./staff-sessions.server";

describe.each(DATABASE_KINDS)("closure days added by a manager, on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let manager: StaffSignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
    const member = await addStaffMember(db, { email: "closures.manager@coventry.gov.uk", role: "manager", name: "Closures Manager" });
    manager = { staffId: member.id, email: member.email, name: member.name, role: "manager", sessionId: crypto.randomUUID() };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("moves the dates of a complaint already open, on its page and in the queue's stored date, and back when removed", async () => {
    const today = "2026-12-02" as const;
    const { id } = await db.transaction((tx) =>
      openCase(tx, {
        values: { reference: "CCC-SHUT-0001", serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: today, whatWentWrong: "Damp" },
        complainant: { name: "Sam", email: "sam.closure@example.com" },
        actor: "resident",
      }),
    );
    const due = async () => (await loadCase(db, id, today))!.progress.nextCouncilDue!.date;
    const stored = async () => (await db.select({ nextDueOn: complaints.nextDueOn }).from(complaints).where(eq(complaints.id, id)))[0]!.nextDueOn;
    const before = await due();
    expect(await stored()).toBe(before);

    // The due day itself becomes a closure day: the deadline moves to the next working day.
    expect(await addClosureDay(db, manager, { day: before, name: "Council closure" }, today)).toBe(true);
    expect(await addClosureDay(db, manager, { day: before, name: "Again" }, today)).toBe(false);
    expect((await councilRulesConfig(db)).closureDates).toEqual([before]);
    const after = await due();
    expect(after > before).toBe(true);
    expect(await stored()).toBe(after);
    expect(await closureDaysFrom(db, today)).toMatchObject([{ day: before, name: "Council closure", by: "Closures Manager" }]);

    // A day already passed is not removed; one to come is, and the dates move back.
    expect(await removeClosureDay(db, manager, before, "2099-01-01")).toBe(false);
    expect(await removeClosureDay(db, manager, before, today)).toBe(true);
    expect(await due()).toBe(before);
    expect(await stored()).toBe(before);
    const audited = (await db.select().from(staffAudit).where(eq(staffAudit.staffId, manager.staffId))).map((entry) => entry.action);
    expect(audited).toEqual(["closure_day_added", "closure_day_removed"]);
  });
});
