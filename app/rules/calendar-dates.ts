// Calendar dates as ISO 'YYYY-MM-DD' strings. Arithmetic is done on UTC day numbers (days since
// 1970-01-01), so the host's time zone never changes a result.

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (H. Hinnant's days_from_civil), 1970-01-01 = 0. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function civilDateOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * Day number of an ISO date, or NaN when the text is not a real calendar date written YYYY-MM-DD
 * (so 2026-02-30 and 2026-2-3 are rejected).
 */
export function tryDayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = digit(iso, 0), y1 = digit(iso, 1), y2 = digit(iso, 2), y3 = digit(iso, 3);
  const m0 = digit(iso, 5), m1 = digit(iso, 6), d0 = digit(iso, 8), d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayNumberOf(year, month, day);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && !Number.isNaN(tryDayNumber(value));
}

/** Day number of an ISO date; throws a RangeError for text that is not a real date. */
export function toDayNumber(iso: IsoDate): number {
  const n = tryDayNumber(iso);
  if (Number.isNaN(n)) throw new RangeError(`"${iso}" is not a calendar date written YYYY-MM-DD`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoOfCivil(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilDateOf(dayNumber);
  return isoOfCivil(year, month, day);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(iso: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(iso));
}

export function isWeekend(iso: IsoDate): boolean {
  const weekday = weekdayOf(iso);
  return weekday === 0 || weekday === 6;
}

export function addCalendarDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * RULES §1 [interpretation]: "N months" is calendar months — the same day of the month N months later,
 * or that month's last day if it is shorter (31 August + 6 months = 28/29 February).
 */
export function addCalendarMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = civilDateOf(toDayNumber(iso));
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return isoOfCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function yearOf(iso: IsoDate): number {
  return civilDateOf(toDayNumber(iso)).year;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * RULES §1 [interpretation]: dates are calendar dates in Europe/London. The calendar date of an instant in
 * that zone, whatever the server's own time zone (a submission at 23:30 London time on a Monday is
 * received that Monday).
 */
export function calendarDateIn(instant: Date, timeZone = "Europe/London"): IsoDate {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, formatter);
  }
  let year = 0, month = 0, day = 0;
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return isoOfCivil(year, month, day);
}

/** Shorthand for {@link calendarDateIn} with Europe/London. */
export function londonDateOf(instant: Date): IsoDate {
  return calendarDateIn(instant, "Europe/London");
}

/** Midnight UTC of an ISO date, for formatting it with Intl in the UTC zone. */
export function utcInstantOf(iso: IsoDate): Date {
  return new Date(toDayNumber(iso) * MS_PER_DAY);
}
