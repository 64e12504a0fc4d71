// The complaints team's queue (issue 11, item 2): how urgent each open complaint is. Pure, for tests without a
// database; the query is in queue.server.ts.
import type { IsoDate } from "~/rules/calendar-dates";
import type { WorkingCalendar } from "~/rules/working-days";

export const URGENCIES = ["overdue", "due_soon", "on_track", "none"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Working days ahead within which a due date counts as "due soon" (the 2 working days). */
export const DUE_SOON_WORKING_DAYS = 2;

/** Overdue (the date has passed), due within 2 working days (today included), on track, or nothing due. */
export function urgencyOf(nextDueOn: IsoDate | null, today: IsoDate, calendar: WorkingCalendar): Urgency {
  if (!nextDueOn) return "none";
  if (nextDueOn < today) return "overdue";
  return nextDueOn <= calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS) ? "due_soon" : "on_track";
}

export const OPEN_STATUSES = ["triage", "awaiting_acknowledgement", "investigating", "panel_held", "panel_reported", "responded"] as const;
export const QUEUE_PATHWAYS = ["corporate", "childrens", "adults"] as const;

/** What the queue is narrowed to: a reference or the complainant's name, a process, a status. Empty means all. */
export type QueueFilters = { search: string; pathway: string; status: string };

/** The filters from the page's address, anything unknown dropped. */
export function queueFiltersFrom(query: URLSearchParams): QueueFilters {
  const pathway = query.get("pathway") ?? "";
  const status = query.get("status") ?? "";
  return {
    search: (query.get("q") ?? "").trim().slice(0, 100),
    pathway: (QUEUE_PATHWAYS as readonly string[]).includes(pathway) ? pathway : "",
    status: (OPEN_STATUSES as readonly string[]).includes(status) ? status : "",
  };
}
