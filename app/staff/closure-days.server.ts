// The council's closure days in the database (issue 11, item 3; RULES §1): added and removed by a manager, each
// change audited. Every page reads them through councilRulesConfig (app/cases/council-calendar.server.ts), so the
// dates residents and staff see move at once; the stored next-due dates that order the queue are worked out
// again by the due-dates-refresh job (or here, where no job queue runs).
import { and, asc, eq, gte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { closureDays, staffMembers } from "../../db/schema";
import { refreshDueDatesIfCalendarChanged } from "~/cases/due-dates-refresh.server";
import { requestDueDatesRefresh } from "~/jobs/jobs.server";
import type { IsoDate } from "~/rules/calendar-dates";
import type { NewClosureDay } from "./closure-days";
import { recordStaffAudit } from "./staff-audit.server";
import type { StaffSignedIn } from "./staff-sessions.server";

/** The closure days from a date on, soonest first, with who added each. */
export async function closureDaysFrom(db: Database, from: IsoDate) {
  const rows = await db
    .select({ day: closureDays.day, name: closureDays.name, by: staffMembers.name, byEmail: staffMembers.email })
    .from(closureDays)
    .innerJoin(staffMembers, eq(staffMembers.id, closureDays.addedBy))
    .where(gte(closureDays.day, from))
    .orderBy(asc(closureDays.day));
  return rows.map((row) => ({ ...row, day: row.day as IsoDate }));
}

async function calendarChanged(db: Database, today: IsoDate) {
  if (!(await requestDueDatesRefresh())) await refreshDueDatesIfCalendarChanged(db, today);
}

/** Adds a closure day: false when it is one already. */
export async function addClosureDay(db: Database, staff: StaffSignedIn, input: NewClosureDay, today: IsoDate): Promise<boolean> {
  const added = await db.transaction(async (tx) => {
    const inserted = await tx.insert(closureDays).values({ day: input.day, name: input.name, addedBy: staff.staffId }).onConflictDoNothing().returning({ day: closureDays.day });
    if (inserted.length === 0) return false;
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "closure_day_added", detail: { day: input.day, name: input.name } });
    return true;
  });
  if (added) await calendarChanged(db, today);
  return added;
}

/** Removes a closure day from today on (one in the past stays: deadlines were met or missed by it). */
export async function removeClosureDay(db: Database, staff: StaffSignedIn, day: IsoDate, today: IsoDate): Promise<boolean> {
  if (day < today) return false;
  const removed = await db.transaction(async (tx) => {
    const deleted = await tx.delete(closureDays).where(and(eq(closureDays.day, day), gte(closureDays.day, today))).returning({ day: closureDays.day });
    if (deleted.length === 0) return false;
    await recordStaffAudit(tx as unknown as Database, { staffId: staff.staffId, action: "closure_day_removed", detail: { day } });
    return true;
  });
  if (removed) await calendarChanged(db, today);
  return removed;
}
