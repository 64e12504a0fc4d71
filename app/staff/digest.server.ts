// The staff's morning digest (issue 11, item 6): at 9:00 London time on working days, each member of staff who
// handles complaints is emailed the open complaints overdue or due within 2 working days — complaints officers
// and managers the team's, investigating officers and panel members those assigned to them. It runs from the job
// queue (app/jobs), so once a day however many servers there are; each email's key names the person and the day,
// so a retry sends nothing twice.
import { and, asc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { councilRulesConfig } from "~/cases/council-calendar.server";
import { caseAssignments, complaints, staffMembers } from "../../db/schema";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { publicUrl } from "~/http/public-url.server";
import { enqueueEmail } from "~/mail/outbox.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { calendarFor, type WorkingCalendar } from "~/rules/working-days";
import { DUE_SOON_WORKING_DAYS, OPEN_STATUSES } from "./queue";
import { complaintReach, type StaffRole } from "./staff-roles";

/** The most complaints one digest lists; the rest are counted, and the queue has them all. */
export const DIGEST_LIMIT = 50;

export async function sendStaffDigests(db: Database, today: IsoDate, given?: WorkingCalendar): Promise<number> {
  const calendar = given ?? calendarFor(await councilRulesConfig(db));
  // RULES §1: nothing is sent at weekends, on bank holidays or closure days.
  if (!calendar.isWorkingDay(today)) return 0;
  const dueBy = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const due = await db
    .select({ id: complaints.id, reference: complaints.reference, serviceAreaSlug: complaints.serviceAreaSlug, nextDueOn: complaints.nextDueOn })
    .from(complaints)
    .where(and(inArray(complaints.status, [...OPEN_STATUSES]), isNotNull(complaints.nextDueOn), lte(complaints.nextDueOn, dueBy)))
    .orderBy(asc(complaints.nextDueOn), asc(complaints.reference));
  if (due.length === 0) return 0;
  const [assignments, members, names] = await Promise.all([
    db.select({ complaintId: caseAssignments.complaintId, staffId: caseAssignments.staffId }).from(caseAssignments).where(inArray(caseAssignments.complaintId, due.map((row) => row.id))),
    db.select({ id: staffMembers.id, email: staffMembers.email, role: staffMembers.role }).from(staffMembers).where(eq(staffMembers.active, true)),
    serviceAreaNamesIn(db, "en", [...new Set(due.map((row) => row.serviceAreaSlug))]),
  ]);
  let sent = 0;
  for (const member of members) {
    const reach = complaintReach(member.role as StaffRole);
    if (reach === "none") continue;
    const theirs = reach === "all" ? due : due.filter((row) => assignments.some((assignment) => assignment.complaintId === row.id && assignment.staffId === member.id));
    if (theirs.length === 0) continue;
    const queued = await enqueueEmail(db, {
      dedupeKey: `staff-digest:${member.id}:${today}`,
      template: "staffDigest",
      locale: "en",
      recipient: member.email,
      payload: {
        date: today,
        total: theirs.length,
        overdue: theirs.filter((row) => row.nextDueOn! < today).length,
        items: theirs.slice(0, DIGEST_LIMIT).map((row) => ({ reference: row.reference, service: names.get(row.serviceAreaSlug) ?? row.serviceAreaSlug, dueOn: row.nextDueOn!, overdue: row.nextDueOn! < today })),
        link: `${publicUrl()}/staff`,
      },
    });
    if (queued.queued) sent++;
  }
  return sent;
}
