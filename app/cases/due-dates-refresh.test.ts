import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { complaints } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { rulesConfig } from "~/rules/rules-config";
import { changeCase, openCase } from "./case-service.server";
import { calendarFingerprint, refreshDueDatesIfCalendarChanged } from "./due-dates-refresh.server";

describe.each(DATABASE_KINDS)("next due dates when the calendar changes, on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("are worked out again, once, when a closure day is added", async () => {
    const opened = await database.db.transaction((tx) =>
      openCase(tx, {
        values: { reference: "CCC-CLOS-0001", serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-12-01", whatWentWrong: "x" },
        actor: "resident",
      }),
    );
    await changeCase(database.db, { complaintId: opened.id, event: { type: "acknowledged", stage: 1, date: "2026-12-02" }, actor: "staff" });
    const before = await database.db.select({ next: complaints.nextDueOn }).from(complaints).where(eq(complaints.id, opened.id));
    // 10 working days after Wednesday 2 December 2026 is Wednesday 16 December.
    expect(before[0]?.next).toBe("2026-12-16");
    await refreshDueDatesIfCalendarChanged(database.db, "2026-12-03");
    const closure = rulesConfig({ closureDates: ["2026-12-10"] });
    expect(calendarFingerprint(closure)).not.toBe(calendarFingerprint());
    expect(await refreshDueDatesIfCalendarChanged(database.db, "2026-12-03", closure)).toBe(1);
    const after = await database.db.select({ next: complaints.nextDueOn }).from(complaints).where(eq(complaints.id, opened.id));
    expect(after[0]?.next).toBe("2026-12-17");
    expect(await refreshDueDatesIfCalendarChanged(database.db, "2026-12-03", closure)).toBe(0);
  });
});
