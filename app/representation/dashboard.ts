// The representative's dashboard (issue 10, item 5): the complaints they act on, counted per state of permission,
// filtered to one state, sorted as asked and shown 50 to a page. Pure, so a list of hundreds is shaped the same way
// in tests. The names are sorted here rather than in the database, so they follow the reader's language.
import { pageAsked } from "~/components/pagination";
import { languageFor, type LanguageCode } from "~/i18n/languages";
import type { IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import type { RepresentationState } from "./representation-rules";

export const ACTED_ON_SORTS = ["due", "received", "person"] as const;
/** How many complaints a page of the dashboard lists: enough for most people at once, few enough to load fast. */
export const DASHBOARD_PAGE_SIZE = 50;

export type ActedOnSort = (typeof ACTED_ON_SORTS)[number];
const FILTERS = [
  "all",
  "awaiting_consent",
  "awaiting_decision",
  "active",
] as const;

type Row = {
  reference: string;
  person: string;
  stage: number;
  receivedOn: string;
  nextDueOn: string | null;
  consent: string;
};

export type ActedOnView = ReturnType<typeof actedOnView>;

export function actedOnView(
  rows: readonly Row[],
  asked: { state: string | null; sort: string | null; page: string | null },
  locale: LanguageCode
) {
  const state = FILTERS.find((filter) => filter === asked.state) ?? "all";
  const sort = ACTED_ON_SORTS.find((option) => option === asked.sort) ?? "due";
  const counts = FILTERS.map((filter) => ({
    state: filter,
    count:
      filter === "all"
        ? rows.length
        : rows.filter((row) => row.consent === filter).length,
  }));
  const collator = new Intl.Collator(languageFor(locale).tag);
  const order: Record<ActedOnSort, (a: Row, b: Row) => number> = {
    // The next date the council must act by first; those with none (closed, or waiting on the person) last.
    due: (a, b) =>
      (a.nextDueOn ?? "9999").localeCompare(b.nextDueOn ?? "9999") ||
      b.receivedOn.localeCompare(a.receivedOn),
    received: (a, b) =>
      b.receivedOn.localeCompare(a.receivedOn) ||
      a.reference.localeCompare(b.reference),
    person: (a, b) =>
      collator.compare(a.person, b.person) ||
      a.reference.localeCompare(b.reference),
  };
  const tag = languageFor(locale).tag;
  const chosen = rows
    .filter((row) => state === "all" || row.consent === state)
    .sort(order[sort]);
  const pageCount = Math.max(1, Math.ceil(chosen.length / DASHBOARD_PAGE_SIZE));
  const page = pageAsked(asked.page, pageCount);
  const first = (page - 1) * DASHBOARD_PAGE_SIZE;
  const shown = chosen.slice(first, first + DASHBOARD_PAGE_SIZE);
  const numbers = new Intl.NumberFormat(tag);
  return {
    state,
    sort,
    counts,
    page,
    pageCount,
    // "Showing 51 to 100 of 200", in the reader's digits.
    range: shown.length > 0 ? { from: numbers.format(first + 1), to: numbers.format(first + shown.length), total: numbers.format(chosen.length) } : null,
    rows: shown.map((row) => ({
      reference: row.reference,
      person: row.person,
      stage: row.stage,
      nextDueOn: row.nextDueOn
        ? formatIsoDate(row.nextDueOn as IsoDate, tag)
        : null,
      consent: row.consent as RepresentationState,
    })),
  };
}
