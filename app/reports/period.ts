// The period a report covers (issue 12, item 1): any range of dates, by default the last complete financial year
// (1 April to 31 March, as the council's annual reports run), compared with the same length of time just before.
// Pure: the page and the server share it.
import { addCalendarDays, addCalendarMonths, calendarDaysBetween, isIsoDate, type IsoDate } from "~/rules/calendar-dates";
import { dateParts, isoDateFromParts } from "~/staff/response-form";

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The longest range a report takes: longer ones are slow to read and rarely mean what was wanted. */
export const MAX_PERIOD_YEARS = 5;

/** The last financial year that has ended by `today`: 1 April to 31 March. */
export function lastFinancialYear(today: IsoDate): Period {
  const year = Number(today.slice(0, 4));
  const endYear = today >= `${year}-04-01` ? year : year - 1;
  return { from: `${endYear - 1}-04-01` as IsoDate, to: `${endYear}-03-31` as IsoDate };
}

/** The period before: the year before for a whole year (or any range of whole years), otherwise the same number of days. */
export function previousPeriod(period: Period): Period {
  const days = calendarDaysBetween(period.from, period.to) + 1;
  const years = [1, 2, 3, 4, 5].find((count) => addCalendarDays(addCalendarMonths(period.from, 12 * count), -1) === period.to);
  if (years) return { from: addCalendarMonths(period.from, -12 * years), to: addCalendarDays(period.from, -1) };
  return { from: addCalendarDays(period.from, -days), to: addCalendarDays(period.from, -1) };
}

type Check = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * The period asked for in the address (`from` and `to` as GOV.UK date boxes, or ISO dates), or the last financial
 * year when none was. Backwards, or longer than 5 years: the form's error.
 */
export function readPeriod(query: URLSearchParams, today: IsoDate): Check {
  const asked = ["from-day", "from-month", "from-year", "to-day", "to-month", "to-year", "from", "to"].some((name) => (query.get(name) ?? "") !== "");
  if (!asked) return { ok: true, period: lastFinancialYear(today) };
  const dateOf = (name: "from" | "to") => {
    const iso = query.get(name) ?? "";
    if (isIsoDate(iso)) return iso;
    const parts = dateParts(query, name);
    return isoDateFromParts(parts.day, parts.month, parts.year);
  };
  const from = dateOf("from");
  const to = dateOf("to");
  const errors: Record<string, string> = {};
  if (!from) errors.from = "staff:reports.error.from";
  if (!to) errors.to = "staff:reports.error.to";
  if (from && to && to < from) errors.to = "staff:reports.error.backwards";
  else if (from && to && to > addCalendarDays(addCalendarMonths(from, 12 * MAX_PERIOD_YEARS), -1)) errors.to = "staff:reports.error.tooLong";
  return from && to && Object.keys(errors).length === 0 ? { ok: true, period: { from, to } } : { ok: false, errors };
}

/** The financial year starting 1 April `year` (to 31 March the year after). */
export function financialYear(year: number): Period {
  return { from: `${year}-04-01` as IsoDate, to: `${year + 1}-03-31` as IsoDate };
}

/** The five financial years that have ended by `today`, newest first, by the year of their April. */
export function endedFinancialYears(today: IsoDate): number[] {
  const lastEnded = Number(today.slice(0, 4)) - (today.slice(5) >= "04-01" ? 1 : 2);
  return [0, 1, 2, 3, 4].map((back) => lastEnded - back);
}

/** "2025/26". */
export const financialYearName = (year: number): string => `${year}/${String(year + 1).slice(2)}`;

/** The year asked for (`?year=`), the newest ended one when none is; undefined for any other. */
export function financialYearAsked(asked: string | null | undefined, today: IsoDate): number | undefined {
  const years = endedFinancialYears(today);
  return asked === null || asked === undefined || asked === "" ? years[0] : years.find((year) => String(year) === asked);
}
