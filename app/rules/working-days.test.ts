import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidayOn } from "./bank-holidays";
import { addCalendarDays, fromDayNumber, isWeekend, toDayNumber } from "./calendar-dates";
import { calendarFor, dayZeroOfInstant, WorkingCalendar, workingCalendar } from "./working-days";
import { rulesConfig } from "./rules-config";

const calendar = workingCalendar();

/** A slow, obviously-correct reference: step day by day. */
function naiveAdd(from: string, n: number, closures: readonly string[] = []): string {
  let date = from;
  for (let left = n; left > 0; ) {
    date = addCalendarDays(date, 1);
    if (!isWeekend(date) && !bankHolidayOn(date) && !closures.includes(date)) left--;
  }
  return date;
}

const dateIn = (first: string, last: string) =>
  fc.integer({ min: toDayNumber(first), max: toDayNumber(last) }).map(fromDayNumber);

describe("working days (RULES §1)", () => {
  it("are Monday to Friday", () => {
    expect(calendar.isWorkingDay("2026-12-02")).toBe(true); // Wednesday
    expect(calendar.isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(calendar.isWorkingDay("2026-12-06")).toBe(false); // Sunday
  });

  it("exclude bank holidays, substitute days and one-off holidays", () => {
    for (const date of ["2026-12-25", "2026-12-28", "2027-01-01", "2022-06-03", "2022-09-19", "2023-05-08", "2020-05-08"]) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay("2020-05-04")).toBe(true); // early May moved to the 8th that year
  });

  it("exclude the council's configured closure days", () => {
    const closing = workingCalendar(["2026-12-29", "2026-12-30", "2026-12-31"]);
    expect(closing.isWorkingDay("2026-12-29")).toBe(false);
    expect(calendar.isWorkingDay("2026-12-29")).toBe(true);
    expect(closing.addWorkingDays("2026-12-24", 1)).toBe("2027-01-04");
    expect(calendarFor(rulesConfig({ closureDates: ["2026-12-29"] })).isWorkingDay("2026-12-29")).toBe(false);
  });

  it("count 'up to N days' as the Nth working day after day zero", () => {
    expect(calendar.addWorkingDays("2026-11-30", 5)).toBe("2026-12-07");
    expect(calendar.addWorkingDays("2026-12-02", 10)).toBe("2026-12-16");
  });

  it("skip Christmas and New Year", () => {
    // 25 and 28 December 2026 and 1 January 2027 are bank holidays.
    expect(calendar.addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(calendar.addWorkingDays("2026-12-02", 20)).toBe("2027-01-04");
  });

  it("skip Easter", () => {
    // Good Friday 3 April and Easter Monday 6 April 2026.
    expect(calendar.addWorkingDays("2026-04-02", 1)).toBe("2026-04-07");
  });

  it("leave the date unchanged for zero days", () => {
    expect(calendar.addWorkingDays("2026-12-05", 0)).toBe("2026-12-05");
  });

  it("count backwards for negative days", () => {
    expect(calendar.addWorkingDays("2026-12-29", -1)).toBe("2026-12-24");
    expect(calendar.subtractWorkingDays("2027-01-04", 20)).toBe("2026-12-02");
  });

  it("count working days between two dates", () => {
    expect(calendar.workingDaysBetween("2026-12-02", "2027-01-04")).toBe(20);
    expect(calendar.workingDaysBetween("2027-01-04", "2026-12-02")).toBe(-20);
    expect(calendar.workingDaysBetween("2026-12-05", "2026-12-06")).toBe(0);
  });

  it("name the weekday holidays and closures between two dates, not weekends", () => {
    expect(calendar.nonWorkingWeekdaysBetween("2026-12-02", "2027-01-04")).toEqual(["2026-12-25", "2026-12-28", "2027-01-01"]);
    expect(calendar.nonWorkingWeekdaysBetween("2027-01-04", "2026-12-02")).toEqual(["2026-12-25", "2026-12-28", "2027-01-01"]);
    expect(calendar.nonWorkingWeekdaysBetween("2026-12-02", "2026-12-16")).toEqual([]);
    const closing = workingCalendar(["2026-12-29"]);
    expect(closing.nonWorkingWeekdaysBetween("2026-12-24", "2026-12-31")).toEqual(["2026-12-25", "2026-12-28", "2026-12-29"]);
  });

  it("agree with a day-by-day count outside the indexed years", () => {
    expect(calendar.addWorkingDays("2061-12-20", 5)).toBe(naiveAdd("2061-12-20", 5));
    expect(calendar.addWorkingDays("1999-12-20", 10)).toBe(naiveAdd("1999-12-20", 10));
    expect(calendar.addWorkingDays("2060-12-20", 10)).toBe(naiveAdd("2060-12-20", 10));
    expect(calendar.workingDaysBetween("2060-12-20", naiveAdd("2060-12-20", 10))).toBe(10);
  });
});

describe("day zero (RULES §1)", () => {
  it("is the day received when that is a working day", () => {
    expect(calendar.dayZero("2026-12-02")).toBe("2026-12-02");
  });

  it("is the next working day when received on a weekend", () => {
    expect(calendar.dayZero("2026-12-05")).toBe("2026-12-07");
  });

  it("is the next working day when received on a bank holiday", () => {
    expect(calendar.dayZero("2026-12-25")).toBe("2026-12-29");
  });

  it("stays on the day received when configured to", () => {
    expect(calendar.dayZero("2026-12-05", "same_day")).toBe("2026-12-05");
    // Counting from a Saturday: the first working day after it is Monday.
    expect(calendar.addWorkingDays(calendar.dayZero("2026-12-05", "same_day"), 1)).toBe("2026-12-07");
    expect(calendar.addWorkingDays(calendar.dayZero("2026-12-05"), 1)).toBe("2026-12-08");
  });
});

describe("day zero of a submission instant (RULES §1)", () => {
  it("is that Friday for 23:30 London time on a summer Friday", () => {
    // 23:30 BST on Friday 10 July 2026 is 22:30 UTC.
    expect(dayZeroOfInstant(new Date("2026-07-10T22:30:00Z"))).toBe("2026-07-10");
  });

  it("is the Monday for 00:30 London time on a summer Saturday, although UTC still says Friday", () => {
    expect(dayZeroOfInstant(new Date("2026-07-10T23:30:00Z"))).toBe("2026-07-13");
  });

  it("is that Monday for 23:30 London time on a winter Monday", () => {
    expect(dayZeroOfInstant(new Date("2026-01-12T23:30:00Z"))).toBe("2026-01-12");
  });

  it("follows the configured receipt rule", () => {
    const config = rulesConfig({ nonWorkingDayReceipt: "same_day" });
    expect(dayZeroOfInstant(new Date("2026-07-10T23:30:00Z"), config)).toBe("2026-07-11");
  });
});

describe("the rules configuration", () => {
  it("defaults to the readings in RULES.md", () => {
    const config = rulesConfig();
    expect(config).toEqual({
      closureDates: [],
      nonWorkingDayReceipt: "next_working_day",
      countFromAcknowledgement: "actual_when_known",
      calendarLimitOnNonWorkingDay: "calendar_date",
      timeZone: "Europe/London",
    });
  });

  it("overrides only what is given", () => {
    expect(rulesConfig({ closureDates: ["2026-12-29"] })).toMatchObject({ closureDates: ["2026-12-29"], timeZone: "Europe/London" });
  });
});

describe("working-day properties", () => {
  const anyDate = dateIn("2019-06-01", "2031-06-30");
  const days = fc.integer({ min: 1, max: 200 });

  it("a due date is always a working day", () => {
    fc.assert(fc.property(anyDate, days, (from, n) => calendar.isWorkingDay(calendar.addWorkingDays(from, n))));
  });

  it("adding N working days then counting back gives N", () => {
    fc.assert(
      fc.property(anyDate, days, (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
      }),
    );
  });

  it("agrees with a day-by-day count, with and without closure days", () => {
    const closures = ["2026-12-29", "2026-12-30", "2026-12-31", "2027-04-07"];
    const closing = new WorkingCalendar(closures);
    fc.assert(
      fc.property(dateIn("2025-10-01", "2027-06-30"), fc.integer({ min: 0, max: 80 }), (from, n) => {
        expect(calendar.addWorkingDays(from, n)).toBe(naiveAdd(from, n));
        expect(closing.addWorkingDays(from, n)).toBe(naiveAdd(from, n, closures));
      }),
    );
  });

  it("a later start never gives an earlier due date", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 30 }), days, (from, gap, n) => {
        const later = addCalendarDays(from, gap);
        expect(calendar.addWorkingDays(later, n) >= calendar.addWorkingDays(from, n)).toBe(true);
      }),
    );
  });

  it("counting back N working days then forward N returns to a working start", () => {
    fc.assert(
      fc.property(anyDate, days, (from, n) => {
        const start = calendar.nextWorkingDayOnOrAfter(from);
        expect(calendar.addWorkingDays(calendar.subtractWorkingDays(start, n), n)).toBe(start);
      }),
    );
  });
});
