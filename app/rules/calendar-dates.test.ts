import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDateIn,
  fromDayNumber,
  isIsoDate,
  londonDateOf,
  toDayNumber,
  weekdayOf,
} from "./calendar-dates";

describe("ISO calendar dates", () => {
  it("numbers days from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2026-11-30")).toBe(Date.UTC(2026, 10, 30) / 86_400_000);
  });

  it("turns day numbers back into the same dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it("rejects dates that do not exist or are not written YYYY-MM-DD", () => {
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026/01/05", "", "2026-01-05T00:00"]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(() => toDayNumber("2026-02-30")).toThrow(RangeError);
  });

  it("accepts 29 February in leap years only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2100-02-29")).toBe(false);
  });

  it("knows the day of the week (0 = Sunday)", () => {
    expect(weekdayOf("2026-11-30")).toBe(1);
    expect(weekdayOf("2026-12-25")).toBe(5);
    expect(weekdayOf("2027-12-25")).toBe(6);
  });

  it("adds calendar days across month and year ends", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("calendar months (RULES §1: six months is calendar months)", () => {
  it("lands on the same day of the month", () => {
    expect(addCalendarMonths("2026-12-15", 6)).toBe("2027-06-15");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(addCalendarMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addCalendarMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-12-31", 6)).toBe("2027-06-30");
  });

  it("is not moved to a working day", () => {
    // 2027-06-13 is a Sunday.
    expect(addCalendarMonths("2026-12-13", 6)).toBe("2027-06-13");
    expect(weekdayOf("2027-06-13")).toBe(0);
  });

  it("counts twelve months as a year", () => {
    expect(addCalendarMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addCalendarMonths("2025-03-15", 12)).toBe("2026-03-15");
  });
});

describe("London calendar dates (RULES §1)", () => {
  it("puts 23:30 London time in winter on the same day", () => {
    // GMT: 23:30 London = 23:30 UTC.
    expect(londonDateOf(new Date("2026-01-12T23:30:00Z"))).toBe("2026-01-12");
  });

  it("puts 23:30 London time in summer on the same day", () => {
    // BST: 23:30 London = 22:30 UTC.
    expect(londonDateOf(new Date("2026-07-06T22:30:00Z"))).toBe("2026-07-06");
  });

  it("puts 00:30 London time in summer on the new day although it is still the previous day in UTC", () => {
    expect(londonDateOf(new Date("2026-07-06T23:30:00Z"))).toBe("2026-07-07");
  });

  it("gives the same date whatever the server's time zone", () => {
    const instant = new Date("2026-07-06T22:30:00Z");
    // The instant is the 7th in Tokyo and the 6th in New York; London says the 6th.
    expect(calendarDateIn(instant, "Asia/Tokyo")).toBe("2026-07-07");
    expect(calendarDateIn(instant, "America/New_York")).toBe("2026-07-06");
    expect(londonDateOf(instant)).toBe("2026-07-06");
  });

  it("does not depend on the process time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = zone;
        expect(londonDateOf(new Date("2026-07-06T22:30:00Z")), zone).toBe("2026-07-06");
        expect(londonDateOf(new Date("2026-01-12T23:30:00Z")), zone).toBe("2026-01-12");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("handles the nights the clocks change", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonDateOf(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
    expect(londonDateOf(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(londonDateOf(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });
});
