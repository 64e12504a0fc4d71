// The queue's query (issue 11, item 2): the open complaints a member of staff may see, the soonest due first,
// 50 to a page, with their urgency (queue.ts).
import { and, asc, count, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { councilRulesConfig } from "~/cases/council-calendar.server";
import { caseAssignments, complaintEvents, complaintParties, complaints, representations, serviceAreaNames, staffMembers } from "../../db/schema";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { calendarFor } from "~/rules/working-days";
import { NO_FILTERS, OPEN_STATUSES, QUEUE_PATHWAYS, type QueueFilters, urgencyOf } from "./queue";
import { ASSIGNABLE_ROLES, complaintReach, type StaffRole } from "./staff-roles";

export const QUEUE_PAGE_SIZE = 50;
/** LIKE's own characters in a search are matched as themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export type QueueRow = {
  reference: string;
  service: string;
  pathway: string;
  stage: number;
  status: string;
  nextDueOn: IsoDate | null;
  urgency: ReturnType<typeof urgencyOf>;
};

/**
 * A page of the queue for this member of staff. Complaints officers and managers see every open complaint; an
 * investigating officer or independent investigator those assigned or appointed to them; an equality analyst none.
 */
export async function queuePage(db: Database, staff: { role: StaffRole; staffId: string }, page: number, today: IsoDate, filters: QueueFilters = NO_FILTERS): Promise<{ rows: QueueRow[]; total: number }> {
  const reach = complaintReach(staff.role);
  if (reach === "none") return { rows: [], total: 0 };
  const assignedTo = (staffId: string) => exists(db.select({ one: sql`1` }).from(caseAssignments).where(and(eq(caseAssignments.complaintId, complaints.id), eq(caseAssignments.staffId, staffId))));
  const search = filters.search ? `%${literal(filters.search)}%` : null;
  const open = and(
    // Investigating officers and panel members see only the complaints assigned or appointed to them.
    reach === "all" ? undefined : assignedTo(staff.staffId),
    filters.officer ? assignedTo(filters.officer) : undefined,
    inArray(complaints.status, filters.status ? [filters.status] : [...OPEN_STATUSES]),
    filters.pathway ? eq(complaints.pathway, filters.pathway as (typeof QUEUE_PATHWAYS)[number]) : undefined,
    filters.stage ? eq(complaints.stage, Number(filters.stage)) : undefined,
    filters.service ? eq(complaints.serviceAreaSlug, filters.service) : undefined,
    filters.awaiting === "representation"
      ? exists(db.select({ one: sql`1` }).from(representations).where(and(eq(representations.complaintId, complaints.id), eq(representations.state, "awaiting_decision"))))
      : undefined,
    // §14.4: a late request waits while the complaint stays responded at Stage 1 (accepting it starts Stage 2;
    // refusing it closes the complaint).
    filters.awaiting === "late_request"
      ? and(
          eq(complaints.status, "responded"),
          eq(complaints.stage, 1),
          exists(db.select({ one: sql`1` }).from(complaintEvents).where(and(eq(complaintEvents.complaintId, complaints.id), eq(complaintEvents.type, "late_escalation_requested")))),
        )
      : undefined,
    search
      ? or(
          ilike(complaints.reference, search),
          exists(db.select({ one: sql`1` }).from(complaintParties).where(and(eq(complaintParties.complaintId, complaints.id), eq(complaintParties.role, "complainant"), ilike(complaintParties.name, search)))),
        )
      : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        reference: complaints.reference,
        serviceAreaSlug: complaints.serviceAreaSlug,
        pathway: complaints.pathway,
        stage: complaints.stage,
        status: complaints.status,
        nextDueOn: complaints.nextDueOn,
      })
      .from(complaints)
      .where(open)
      .orderBy(sql`${complaints.nextDueOn} asc nulls last`, asc(complaints.receivedOn), asc(complaints.reference))
      .limit(QUEUE_PAGE_SIZE)
      .offset((page - 1) * QUEUE_PAGE_SIZE),
    db.select({ total: count() }).from(complaints).where(open),
  ]);
  const names = await serviceAreaNamesIn(db, "en", rows.map((row) => row.serviceAreaSlug));
  const calendar = calendarFor(await councilRulesConfig(db));
  return {
    total: counted?.total ?? 0,
    rows: rows.map((row) => {
      const nextDueOn = (row.nextDueOn as IsoDate | null) ?? null;
      return {
        reference: row.reference,
        service: names.get(row.serviceAreaSlug) ?? row.serviceAreaSlug,
        pathway: row.pathway,
        stage: row.stage,
        status: row.status,
        nextDueOn,
        urgency: urgencyOf(nextDueOn, today, calendar),
      };
    }),
  };
}

/** The service areas to narrow the queue by, by their English names. */
export async function queueServiceAreas(db: Database): Promise<Array<{ slug: string; name: string }>> {
  const rows = await db.select({ slug: serviceAreaNames.serviceAreaSlug, name: serviceAreaNames.name }).from(serviceAreaNames).where(eq(serviceAreaNames.locale, "en"));
  return rows.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Who complaints can be assigned or appointed to: active investigating officers and independent investigators. */
export async function assignableStaff(db: Database): Promise<Array<{ id: string; name: string; email: string; role: StaffRole }>> {
  const rows = await db
    .select({ id: staffMembers.id, name: staffMembers.name, email: staffMembers.email, role: staffMembers.role })
    .from(staffMembers)
    .where(and(eq(staffMembers.active, true), inArray(staffMembers.role, [...ASSIGNABLE_ROLES])));
  return rows.map((row) => ({ ...row, role: row.role as StaffRole })).sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email, "en-GB"));
}
