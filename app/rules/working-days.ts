// RULES §1: council working days — Monday to Friday, not a bank holiday in England and Wales and not one of
// the council's configured closure days. Counting is O(1) over a precomputed index of 2000–2060, with a
// day-by-day fallback outside it.
import { bankHolidaysInYear } from "./bank-holidays";
import {
  calendarDateIn,
  fromDayNumber,
  isoOfCivil,
  civilDateOf,
  toDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
} from "./calendar-dates";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "./rules-config";

const INDEX_FIRST_YEAR = 2000;
const INDEX_LAST_YEAR = 2060;
const INDEX_START = toDayNumber(isoOfCivil(INDEX_FIRST_YEAR, 1, 1));
const INDEX_END = toDayNumber(isoOfCivil(INDEX_LAST_YEAR, 12, 31));
const INDEX_LENGTH = INDEX_END - INDEX_START + 1;

let isoByOffset: string[] | undefined;
const NONE: readonly IsoDate[] = Object.freeze([]);

/** ISO text of a day number, from a shared table inside the indexed range. */
export function isoOfDayNumber(dayNumber: number): IsoDate {
  const offset = dayNumber - INDEX_START;
  if (offset >= 0 && offset < INDEX_LENGTH) {
    if (!isoByOffset) {
      isoByOffset = new Array<string>(INDEX_LENGTH);
      for (let i = 0; i < INDEX_LENGTH; i++) isoByOffset[i] = fromDayNumber(INDEX_START + i);
    }
    return isoByOffset[offset] as string;
  }
  return fromDayNumber(dayNumber);
}

const bankHolidayDayNumbers = new Map<number, ReadonlySet<number>>();

function bankHolidaysOfYear(year: number): ReadonlySet<number> {
  let set = bankHolidayDayNumbers.get(year);
  if (!set) {
    set = new Set(bankHolidaysInYear(year).map((h) => toDayNumber(h.date)));
    bankHolidayDayNumbers.set(year, set);
  }
  return set;
}

function isWeekendDay(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** A working-day calendar: bank holidays plus a fixed set of council closure days. */
export class WorkingCalendar {
  readonly closureDates: readonly IsoDate[];
  private readonly closures: ReadonlySet<number>;
  /** workingUpTo[i] = number of working days in [INDEX_START, INDEX_START + i]. */
  private readonly workingUpTo: Int32Array;
  /** Day numbers of the working days in the indexed range, in order. */
  private readonly workingDays: Int32Array;
  /** Day numbers of weekday holidays and closures in the indexed range, in order. */
  private readonly weekdayClosures: Int32Array;

  constructor(closureDates: readonly IsoDate[] = []) {
    const sorted = [...new Set(closureDates)].sort();
    this.closureDates = Object.freeze(sorted);
    this.closures = new Set(sorted.map(toDayNumber));
    this.workingUpTo = new Int32Array(INDEX_LENGTH);
    const working: number[] = [];
    const weekdayClosures: number[] = [];
    let count = 0;
    for (let i = 0; i < INDEX_LENGTH; i++) {
      const day = INDEX_START + i;
      if (this.computeIsWorking(day)) {
        count++;
        working.push(day);
      } else if (!isWeekendDay(day)) {
        weekdayClosures.push(day);
      }
      this.workingUpTo[i] = count;
    }
    this.workingDays = Int32Array.from(working);
    this.weekdayClosures = Int32Array.from(weekdayClosures);
  }

  private computeIsWorking(day: number): boolean {
    if (isWeekendDay(day)) return false;
    if (this.closures.has(day)) return false;
    return !bankHolidaysOfYear(civilDateOf(day).year).has(day);
  }

  private inIndex(day: number): boolean {
    return day >= INDEX_START && day <= INDEX_END;
  }

  /** Working days in the indexed range up to and including `day` (day must be in range). */
  private countUpTo(day: number): number {
    return this.workingUpTo[day - INDEX_START] as number;
  }

  isWorkingDayNumber(day: number): boolean {
    if (this.inIndex(day)) {
      const offset = day - INDEX_START;
      const before = offset === 0 ? 0 : (this.workingUpTo[offset - 1] as number);
      return (this.workingUpTo[offset] as number) > before;
    }
    return this.computeIsWorking(day);
  }

  /** RULES §1: Monday–Friday, not a bank holiday, not a council closure day. */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /**
   * RULES §1: "up to N days" is the Nth working day after day zero. N = 0 gives `from` itself; a negative N
   * gives the |N|th working day before `from`.
   */
  addWorkingDaysToDayNumber(from: number, days: number): number {
    if (days === 0) return from;
    if (this.inIndex(from)) {
      const upTo = this.countUpTo(from);
      const position = days > 0 ? upTo + days - 1 : upTo - (this.isWorkingDayNumber(from) ? 1 : 0) + days;
      if (position >= 0 && position < this.workingDays.length) return this.workingDays[position] as number;
    }
    const step = days > 0 ? 1 : -1;
    let day = from;
    for (let remaining = Math.abs(days); remaining > 0; ) {
      day += step;
      if (this.isWorkingDayNumber(day)) remaining--;
    }
    return day;
  }

  addWorkingDays(from: IsoDate, days: number): IsoDate {
    return isoOfDayNumber(this.addWorkingDaysToDayNumber(toDayNumber(from), days));
  }

  /** The |N|th working day before `from`. */
  subtractWorkingDays(from: IsoDate, days: number): IsoDate {
    return this.addWorkingDays(from, -days);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (this.inIndex(a) && this.inIndex(b)) return this.countUpTo(b) - this.countUpTo(a);
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.isWorkingDayNumber(day)) count++;
    return sign * count;
  }

  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    const day = toDayNumber(date);
    return this.isWorkingDayNumber(day) ? date : isoOfDayNumber(this.addWorkingDaysToDayNumber(day, 1));
  }

  /**
   * RULES §1: the day something is received is day zero; [interpretation] something received on a
   * non-working day counts as received on the next working day (configurable).
   */
  dayZero(receivedOn: IsoDate, rule: RulesConfig["nonWorkingDayReceipt"] = "next_working_day"): IsoDate {
    return rule === "next_working_day" ? this.nextWorkingDayOnOrAfter(receivedOn) : receivedOn;
  }

  /** {@link dayZero} on day numbers. */
  dayZeroDayNumber(receivedOn: number, rule: RulesConfig["nonWorkingDayReceipt"] = "next_working_day"): number {
    if (rule === "same_day" || this.isWorkingDayNumber(receivedOn)) return receivedOn;
    return this.addWorkingDaysToDayNumber(receivedOn, 1);
  }

  /**
   * Weekdays strictly between `a` and `b` (either order) that are not working days — bank holidays and
   * closure days, which explanations name because weekends go without saying.
   */
  nonWorkingWeekdaysBetween(a: IsoDate, b: IsoDate): readonly IsoDate[] {
    return this.nonWorkingWeekdaysBetweenDayNumbers(toDayNumber(a), toDayNumber(b));
  }

  /** {@link nonWorkingWeekdaysBetween} on day numbers; an empty result is a shared frozen array. */
  nonWorkingWeekdaysBetweenDayNumbers(a: number, b: number): readonly IsoDate[] {
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    let result: IsoDate[] | undefined;
    if (this.inIndex(low) && this.inIndex(high)) {
      const list = this.weekdayClosures;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as number) <= low) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && (list[i] as number) < high; i++) (result ??= []).push(isoOfDayNumber(list[i] as number));
      return result ?? NONE;
    }
    for (let day = low + 1; day < high; day++) {
      if (!isWeekendDay(day) && !this.isWorkingDayNumber(day)) (result ??= []).push(isoOfDayNumber(day));
    }
    return result ?? NONE;
  }

  /** Whether a date is one of the configured council closure days. */
  isClosureDay(date: IsoDate): boolean {
    return this.closures.has(toDayNumber(date));
  }
}

const calendarsByClosures = new Map<string, WorkingCalendar>();
const calendarsByConfig = new WeakMap<RulesConfig, WorkingCalendar>();

/** A shared calendar for a set of closure days (built once per distinct set). */
export function workingCalendar(closureDates: readonly IsoDate[] = []): WorkingCalendar {
  const key = [...new Set(closureDates)].sort().join(",");
  let calendar = calendarsByClosures.get(key);
  if (!calendar) {
    calendar = new WorkingCalendar(closureDates);
    calendarsByClosures.set(key, calendar);
  }
  return calendar;
}

/** The calendar for a rules configuration (its closure dates). */
export function calendarFor(config: RulesConfig = DEFAULT_RULES_CONFIG): WorkingCalendar {
  let calendar = calendarsByConfig.get(config);
  if (!calendar) {
    calendar = workingCalendar(config.closureDates);
    calendarsByConfig.set(config, calendar);
  }
  return calendar;
}

/**
 * RULES §1: the day zero of something submitted at an instant — its calendar date in the configured zone
 * (Europe/London), moved to the next working day when that is not one (by default).
 */
export function dayZeroOfInstant(instant: Date, config: RulesConfig = DEFAULT_RULES_CONFIG): IsoDate {
  return calendarFor(config).dayZero(calendarDateIn(instant, config.timeZone), config.nonWorkingDayReceipt);
}
