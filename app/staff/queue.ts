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

export const QUEUE_STAGES = ["1", "2", "3"] as const;
/**
 * Decisions waiting for the council: a representation (a signed form to check, or a person who cannot consent,
 * issue 10) or a late request for Stage 2 (§14.4).
 */
export const AWAITING = ["representation", "late_request"] as const;

/**
 * What the queue is narrowed to: a reference or the complainant's name, a process, a stage, a service area, the
 * officer assigned, a status, a decision waiting. Empty means all.
 */
export type QueueFilters = { search: string; pathway: string; stage: string; service: string; officer: string; status: string; awaiting: string };

export const NO_FILTERS: QueueFilters = { search: "", pathway: "", stage: "", service: "", officer: "", status: "", awaiting: "" };

/**
 * The filters from the page's address, anything unknown dropped (a service area must be one of `services`, an
 * officer one of `officers`, by id).
 */
export function queueFiltersFrom(query: URLSearchParams, services: readonly string[] = [], officers: readonly string[] = []): QueueFilters {
  const known = (name: string, values: readonly string[]) => {
    const value = query.get(name) ?? "";
    return values.includes(value) ? value : "";
  };
  return {
    search: (query.get("q") ?? "").trim().slice(0, 100),
    pathway: known("pathway", QUEUE_PATHWAYS),
    stage: known("stage", QUEUE_STAGES),
    service: known("service", services),
    officer: known("officer", officers),
    status: known("status", OPEN_STATUSES),
    awaiting: known("awaiting", AWAITING),
  };
}

/** The address of a page of the queue with these filters: only those set, so paging keeps them. */
export function queueQuery(filters: QueueFilters, page: number): string {
  const { search, ...rest } = filters;
  const set = Object.entries({ q: search, ...rest }).filter(([, value]) => value !== "");
  return new URLSearchParams([...set, ["page", String(page)]]).toString();
}
