// The equality monitoring report (issue 12, item 2; RULES §6): how many of those who answered the optional equality
// questions gave each answer, by process and by service area, beside Coventry's population shares. Pure: it takes
// the counts the database gives (never a row) and decides what may be published.
//
// Only fixed periods — financial years and their quarters, once ended — so that no two reports differ by a few
// days and reveal the people between them. A year and its quarters are suppressed together (the year's figures are
// the sum of the quarters'), and every figure under 5 is hidden, with enough others that none can be worked out
// (./suppression.ts).
import { EQUALITY_OPTIONS, PREFER_NOT_TO_SAY } from "~/equality/equality-questions";
import { addCalendarDays, type IsoDate } from "~/rules/calendar-dates";
import { PATHWAYS, type Pathway } from "~/rules/timescales";
import { type Axis, type Grid, suppressedGrids } from "./suppression";

/** What the report breaks down by: the Equality Act characteristics the issue names, in the order reported. */
export const EQUALITY_CHARACTERISTICS = ["ageBand", "sex", "ethnicGroup", "disability", "religion", "sexualOrientation"] as const;
export type Characteristic = (typeof EQUALITY_CHARACTERISTICS)[number];

/** A characteristic's rows: its answers (the ONS 2021 categories for ethnicity, its five groups), then "prefer not to say". */
export function categoriesOf(characteristic: Characteristic): readonly string[] {
  return [...EQUALITY_OPTIONS[characteristic], PREFER_NOT_TO_SAY];
}

/** One count the database gives: how many answered `question` with `answer`, by process, service and month. */
export interface EqualityCount {
  readonly pathway: Pathway;
  readonly serviceArea: string;
  /** YYYY-MM: the month the complaint came. */
  readonly month: string;
  readonly question: string;
  readonly answer: string;
  readonly responses: number;
}

export type Quarter = 1 | 2 | 3 | 4;

/** A fixed period: a financial year (1 April to 31 March; `year` is the April's), or one of its quarters. */
export interface EqualityPeriod {
  readonly id: string;
  readonly year: number;
  readonly quarter: Quarter | null;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const pad = (month: number) => String(month).padStart(2, "0");

/** The months of a financial year's quarter (or the whole year), as YYYY-MM. */
export function monthsOf(year: number, quarter: Quarter | null): string[] {
  const first = quarter === null ? 0 : (quarter - 1) * 3;
  const count = quarter === null ? 12 : 3;
  return Array.from({ length: count }, (_, offset) => {
    const fromApril = first + offset;
    return fromApril < 9 ? `${year}-${pad(4 + fromApril)}` : `${year + 1}-${pad(fromApril - 8)}`;
  });
}

export function equalityPeriod(year: number, quarter: Quarter | null): EqualityPeriod {
  const months = monthsOf(year, quarter);
  const last = months[months.length - 1]!;
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  const to = addCalendarDays(lastMonth === 12 ? `${lastYear + 1}-01-01` : `${lastYear}-${pad(lastMonth + 1)}-01`, -1);
  return { id: quarter === null ? String(year) : `${year}-q${quarter}`, year, quarter, from: `${months[0]}-01`, to };
}

/** How many financial years back the report offers. */
export const EQUALITY_YEARS_OFFERED = 3;

/** The periods that have ended by `today`, newest first: each year, then its quarters. */
export function equalityPeriods(today: IsoDate): EqualityPeriod[] {
  const thisYear = Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 1 : 0);
  const periods: EqualityPeriod[] = [];
  for (let year = thisYear; year > thisYear - EQUALITY_YEARS_OFFERED; year--) {
    for (const quarter of [null, 4, 3, 2, 1] as const) {
      const period = equalityPeriod(year, quarter);
      if (period.to < today) periods.push(period);
    }
  }
  return periods;
}

/** The period asked for by its id, if it is one on offer; with none asked, the newest. */
export function readEqualityPeriod(asked: string | null, today: IsoDate): EqualityPeriod | null {
  const offered = equalityPeriods(today);
  if (asked === null || asked === "") return offered[0] ?? null;
  return offered.find((period) => period.id === asked) ?? null;
}

const ALL = "all";
const TOTAL = "total";

/** A column for one service area within its process. */
export const serviceColumn = (pathway: Pathway, serviceArea: string) => `${pathway}/${serviceArea}`;

export interface CharacteristicTable {
  readonly characteristic: Characteristic;
  /** Every answer, then the total of those who answered. */
  readonly rows: readonly string[];
  /** The service areas with answers in the year, within their process. */
  readonly services: readonly { readonly pathway: Pathway; readonly serviceArea: string; readonly column: string }[];
  /** A figure: a row by "all", a process, or a service column; null where it is suppressed. */
  readonly cell: (row: string, column: string) => number | null;
  /** A row's share of all who answered, in whole per cent, when both figures are shown. */
  readonly share: (row: string) => number | null;
}

/**
 * The report for one fixed period: a table for each characteristic, suppressed together with the other periods of
 * the same financial year that have ended (`counts` covers that year), so figures seen on different pages cannot be
 * set against each other.
 */
export function equalityTables(counts: readonly EqualityCount[], period: EqualityPeriod, today: IsoDate): CharacteristicTable[] {
  const yearEnded = equalityPeriod(period.year, null).to < today;
  const periods = [
    ...(yearEnded ? [equalityPeriod(period.year, null)] : []),
    ...([1, 2, 3, 4] as const).map((quarter) => equalityPeriod(period.year, quarter)).filter((quarter) => quarter.to < today),
  ];
  const shown = periods.findIndex((candidate) => candidate.id === period.id);
  if (shown === -1) throw new Error(`${period.id} has not ended`);

  return EQUALITY_CHARACTERISTICS.map((characteristic) => {
    const categories = categoriesOf(characteristic);
    const asked = counts.filter((count) => count.question === characteristic && categories.includes(count.answer));
    const services = [...new Map(asked.map((count) => [serviceColumn(count.pathway, count.serviceArea), { pathway: count.pathway, serviceArea: count.serviceArea, column: serviceColumn(count.pathway, count.serviceArea) }])).values()].sort(
      (a, b) => PATHWAYS.indexOf(a.pathway) - PATHWAYS.indexOf(b.pathway) || a.serviceArea.localeCompare(b.serviceArea),
    );
    const rows: Axis = { keys: [...categories, TOTAL], parts: new Map([[TOTAL, categories]]) };
    const columnParts = new Map<string, readonly string[]>([[ALL, PATHWAYS]]);
    for (const pathway of PATHWAYS) {
      const within = services.filter((service) => service.pathway === pathway).map((service) => service.column);
      if (within.length > 0) columnParts.set(pathway, within);
    }
    const columns: Axis = { keys: [ALL, ...PATHWAYS, ...services.map((service) => service.column)], parts: columnParts };
    const grids = suppressedGrids(
      periods.map((each) => {
        const months = new Set(monthsOf(each.year, each.quarter));
        const leaves = new Map<string, number>();
        for (const count of asked) {
          if (!months.has(count.month)) continue;
          const key = `${count.answer}\u0000${serviceColumn(count.pathway, count.serviceArea)}`;
          leaves.set(key, (leaves.get(key) ?? 0) + count.responses);
        }
        return { rows, columns, leaf: (row: string, column: string) => leaves.get(`${row}\u0000${column}`) ?? 0 };
      }),
      yearEnded && periods.length === 5 ? [{ total: 0, parts: [1, 2, 3, 4] }] : [],
    );
    const grid: Grid = grids[shown]!;
    return {
      characteristic,
      rows: rows.keys,
      services,
      cell: grid.cell,
      share: (row) => {
        const part = grid.cell(row, ALL);
        const whole = grid.cell(TOTAL, ALL);
        return part === null || whole === null || whole === 0 ? null : Math.round((100 * part) / whole);
      },
    };
  });
}
