// RULES §1: bank holidays in England and Wales, including substitute days and one-off holidays.
// Committed list for 2020–2030 (gov.uk/bank-holidays for the published years, the standard rules after).
import {
  civilDateOf,
  dayNumberOf,
  fromDayNumber,
  isoOfCivil,
  toDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
} from "./calendar-dates";

export type BankHolidayName =
  | "new_years_day"
  | "good_friday"
  | "easter_monday"
  | "early_may"
  | "early_may_ve_day"
  | "spring"
  | "platinum_jubilee"
  | "summer"
  | "state_funeral_queen_elizabeth"
  | "coronation_king_charles"
  | "christmas_day"
  | "boxing_day";

export interface BankHoliday {
  date: IsoDate;
  /** Translation key suffix: `bankHoliday.<name>` in locales/<lng>/rules.json. */
  name: BankHolidayName;
  /** The holiday fell on a weekend and this weekday replaces it. */
  substitute?: true;
  /** A one-off holiday, or a regular one moved for a one-off reason. */
  oneOff?: true;
}

export const FIRST_LISTED_YEAR = 2020;
export const LAST_LISTED_YEAR = 2030;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  // 2020: early May moved from Monday 4 to Friday 8 May for the 75th anniversary of VE Day.
  { date: "2020-01-01", name: "new_years_day" },
  { date: "2020-04-10", name: "good_friday" },
  { date: "2020-04-13", name: "easter_monday" },
  { date: "2020-05-08", name: "early_may_ve_day", oneOff: true },
  { date: "2020-05-25", name: "spring" },
  { date: "2020-08-31", name: "summer" },
  { date: "2020-12-25", name: "christmas_day" },
  { date: "2020-12-28", name: "boxing_day", substitute: true },
  // 2021
  { date: "2021-01-01", name: "new_years_day" },
  { date: "2021-04-02", name: "good_friday" },
  { date: "2021-04-05", name: "easter_monday" },
  { date: "2021-05-03", name: "early_may" },
  { date: "2021-05-31", name: "spring" },
  { date: "2021-08-30", name: "summer" },
  { date: "2021-12-27", name: "christmas_day", substitute: true },
  { date: "2021-12-28", name: "boxing_day", substitute: true },
  // 2022: spring moved to Thursday 2 June and Friday 3 June added for the Platinum Jubilee;
  // Monday 19 September added for the State Funeral of Queen Elizabeth II.
  { date: "2022-01-03", name: "new_years_day", substitute: true },
  { date: "2022-04-15", name: "good_friday" },
  { date: "2022-04-18", name: "easter_monday" },
  { date: "2022-05-02", name: "early_may" },
  { date: "2022-06-02", name: "spring", oneOff: true },
  { date: "2022-06-03", name: "platinum_jubilee", oneOff: true },
  { date: "2022-08-29", name: "summer" },
  { date: "2022-09-19", name: "state_funeral_queen_elizabeth", oneOff: true },
  { date: "2022-12-26", name: "boxing_day" },
  { date: "2022-12-27", name: "christmas_day", substitute: true },
  // 2023: Monday 8 May added for the Coronation of King Charles III.
  { date: "2023-01-02", name: "new_years_day", substitute: true },
  { date: "2023-04-07", name: "good_friday" },
  { date: "2023-04-10", name: "easter_monday" },
  { date: "2023-05-01", name: "early_may" },
  { date: "2023-05-08", name: "coronation_king_charles", oneOff: true },
  { date: "2023-05-29", name: "spring" },
  { date: "2023-08-28", name: "summer" },
  { date: "2023-12-25", name: "christmas_day" },
  { date: "2023-12-26", name: "boxing_day" },
  // 2024
  { date: "2024-01-01", name: "new_years_day" },
  { date: "2024-03-29", name: "good_friday" },
  { date: "2024-04-01", name: "easter_monday" },
  { date: "2024-05-06", name: "early_may" },
  { date: "2024-05-27", name: "spring" },
  { date: "2024-08-26", name: "summer" },
  { date: "2024-12-25", name: "christmas_day" },
  { date: "2024-12-26", name: "boxing_day" },
  // 2025
  { date: "2025-01-01", name: "new_years_day" },
  { date: "2025-04-18", name: "good_friday" },
  { date: "2025-04-21", name: "easter_monday" },
  { date: "2025-05-05", name: "early_may" },
  { date: "2025-05-26", name: "spring" },
  { date: "2025-08-25", name: "summer" },
  { date: "2025-12-25", name: "christmas_day" },
  { date: "2025-12-26", name: "boxing_day" },
  // 2026
  { date: "2026-01-01", name: "new_years_day" },
  { date: "2026-04-03", name: "good_friday" },
  { date: "2026-04-06", name: "easter_monday" },
  { date: "2026-05-04", name: "early_may" },
  { date: "2026-05-25", name: "spring" },
  { date: "2026-08-31", name: "summer" },
  { date: "2026-12-25", name: "christmas_day" },
  { date: "2026-12-28", name: "boxing_day", substitute: true },
  // 2027
  { date: "2027-01-01", name: "new_years_day" },
  { date: "2027-03-26", name: "good_friday" },
  { date: "2027-03-29", name: "easter_monday" },
  { date: "2027-05-03", name: "early_may" },
  { date: "2027-05-31", name: "spring" },
  { date: "2027-08-30", name: "summer" },
  { date: "2027-12-27", name: "christmas_day", substitute: true },
  { date: "2027-12-28", name: "boxing_day", substitute: true },
  // 2028
  { date: "2028-01-03", name: "new_years_day", substitute: true },
  { date: "2028-04-14", name: "good_friday" },
  { date: "2028-04-17", name: "easter_monday" },
  { date: "2028-05-01", name: "early_may" },
  { date: "2028-05-29", name: "spring" },
  { date: "2028-08-28", name: "summer" },
  { date: "2028-12-25", name: "christmas_day" },
  { date: "2028-12-26", name: "boxing_day" },
  // 2029
  { date: "2029-01-01", name: "new_years_day" },
  { date: "2029-03-30", name: "good_friday" },
  { date: "2029-04-02", name: "easter_monday" },
  { date: "2029-05-07", name: "early_may" },
  { date: "2029-05-28", name: "spring" },
  { date: "2029-08-27", name: "summer" },
  { date: "2029-12-25", name: "christmas_day" },
  { date: "2029-12-26", name: "boxing_day" },
  // 2030
  { date: "2030-01-01", name: "new_years_day" },
  { date: "2030-04-19", name: "good_friday" },
  { date: "2030-04-22", name: "easter_monday" },
  { date: "2030-05-06", name: "early_may" },
  { date: "2030-05-27", name: "spring" },
  { date: "2030-08-26", name: "summer" },
  { date: "2030-12-25", name: "christmas_day" },
  { date: "2030-12-26", name: "boxing_day" },
];

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOfCivil(year, month, day);
}

function firstMonday(year: number, month: number): number {
  const first = dayNumberOf(year, month, 1);
  return first + ((8 - weekdayOfDayNumber(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const nextMonthFirst = month === 12 ? dayNumberOf(year + 1, 1, 1) : dayNumberOf(year, month + 1, 1);
  const last = nextMonthFirst - 1;
  return last - ((weekdayOfDayNumber(last) + 6) % 7);
}

/**
 * The regular England and Wales bank holidays of a year by the standing rules (Banking and Financial
 * Dealings Act 1971 and royal proclamations): weekend New Year's, Christmas and Boxing Days move to the
 * next free weekday. Used only for years outside the committed list; it cannot know future one-offs.
 */
export function standardBankHolidays(year: number): BankHoliday[] {
  const holidays: BankHoliday[] = [];
  const newYear = dayNumberOf(year, 1, 1);
  const newYearWeekday = weekdayOfDayNumber(newYear);
  if (newYearWeekday === 6) holidays.push({ date: fromDayNumber(newYear + 2), name: "new_years_day", substitute: true });
  else if (newYearWeekday === 0) holidays.push({ date: fromDayNumber(newYear + 1), name: "new_years_day", substitute: true });
  else holidays.push({ date: fromDayNumber(newYear), name: "new_years_day" });

  const easter = toDayNumber(easterSunday(year));
  holidays.push({ date: fromDayNumber(easter - 2), name: "good_friday" });
  holidays.push({ date: fromDayNumber(easter + 1), name: "easter_monday" });
  holidays.push({ date: fromDayNumber(firstMonday(year, 5)), name: "early_may" });
  holidays.push({ date: fromDayNumber(lastMonday(year, 5)), name: "spring" });
  holidays.push({ date: fromDayNumber(lastMonday(year, 8)), name: "summer" });

  const christmas = dayNumberOf(year, 12, 25);
  switch (weekdayOfDayNumber(christmas)) {
    case 5: // Friday: Boxing Day (Saturday) moves to Monday 28th
      holidays.push({ date: fromDayNumber(christmas), name: "christmas_day" });
      holidays.push({ date: fromDayNumber(christmas + 3), name: "boxing_day", substitute: true });
      break;
    case 6: // Saturday: Monday 27th and Tuesday 28th
      holidays.push({ date: fromDayNumber(christmas + 2), name: "christmas_day", substitute: true });
      holidays.push({ date: fromDayNumber(christmas + 3), name: "boxing_day", substitute: true });
      break;
    case 0: // Sunday: Boxing Day is Monday 26th, Christmas moves to Tuesday 27th
      holidays.push({ date: fromDayNumber(christmas + 1), name: "boxing_day" });
      holidays.push({ date: fromDayNumber(christmas + 2), name: "christmas_day", substitute: true });
      break;
    default:
      holidays.push({ date: fromDayNumber(christmas), name: "christmas_day" });
      holidays.push({ date: fromDayNumber(christmas + 1), name: "boxing_day" });
  }
  return holidays;
}

const listedByYear = new Map<number, BankHoliday[]>();
for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
  const year = civilDateOf(toDayNumber(holiday.date)).year;
  const list = listedByYear.get(year) ?? [];
  list.push(holiday);
  listedByYear.set(year, list);
}

/** The bank holidays of a year: the committed list for 2020–2030, the standing rules otherwise. */
export function bankHolidaysInYear(year: number): readonly BankHoliday[] {
  return listedByYear.get(year) ?? standardBankHolidays(year);
}

const byDate = new Map<IsoDate, BankHoliday>(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => [h.date, h]));

/** The bank holiday on a date, if any. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const year = civilDateOf(toDayNumber(date)).year;
  if (listedByYear.has(year)) return byDate.get(date);
  return standardBankHolidays(year).find((h) => h.date === date);
}
