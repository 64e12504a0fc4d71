import { describe, expect, it } from "vitest";
import {
  bankHolidayOn,
  bankHolidaysInYear,
  easterSunday,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  FIRST_LISTED_YEAR,
  LAST_LISTED_YEAR,
  standardBankHolidays,
} from "./bank-holidays";
import { isWeekend } from "./calendar-dates";

// Expected dates per year, from gov.uk/bank-holidays (2020–2027) and the standing rules (2028–2030).
const EXPECTED: Record<number, { count: number; goodFriday: string; easterMonday: string; known: string[] }> = {
  2020: { count: 8, goodFriday: "2020-04-10", easterMonday: "2020-04-13", known: ["2020-01-01", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
  2021: { count: 8, goodFriday: "2021-04-02", easterMonday: "2021-04-05", known: ["2021-01-01", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
  2022: { count: 10, goodFriday: "2022-04-15", easterMonday: "2022-04-18", known: ["2022-01-03", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
  2023: { count: 9, goodFriday: "2023-04-07", easterMonday: "2023-04-10", known: ["2023-01-02", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
  2024: { count: 8, goodFriday: "2024-03-29", easterMonday: "2024-04-01", known: ["2024-01-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
  2025: { count: 8, goodFriday: "2025-04-18", easterMonday: "2025-04-21", known: ["2025-01-01", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
  2026: { count: 8, goodFriday: "2026-04-03", easterMonday: "2026-04-06", known: ["2026-01-01", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
  2027: { count: 8, goodFriday: "2027-03-26", easterMonday: "2027-03-29", known: ["2027-01-01", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
  2028: { count: 8, goodFriday: "2028-04-14", easterMonday: "2028-04-17", known: ["2028-01-03", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"] },
  2029: { count: 8, goodFriday: "2029-03-30", easterMonday: "2029-04-02", known: ["2029-01-01", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"] },
  2030: { count: 8, goodFriday: "2030-04-19", easterMonday: "2030-04-22", known: ["2030-01-01", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"] },
};

describe("England and Wales bank holidays", () => {
  for (const [yearText, expected] of Object.entries(EXPECTED)) {
    const year = Number(yearText);
    describe(`in ${year}`, () => {
      const dates = bankHolidaysInYear(year).map((h) => h.date);

      it(`has ${expected.count} bank holidays`, () => {
        expect(dates).toHaveLength(expected.count);
      });

      it("has Good Friday and Easter Monday", () => {
        expect(dates).toContain(expected.goodFriday);
        expect(dates).toContain(expected.easterMonday);
        expect(bankHolidayOn(expected.goodFriday)?.name).toBe("good_friday");
        expect(bankHolidayOn(expected.easterMonday)?.name).toBe("easter_monday");
      });

      it("has exactly the known dates", () => {
        expect([...dates].sort()).toEqual([...expected.known, expected.goodFriday, expected.easterMonday].sort());
      });

      it("falls only on weekdays", () => {
        expect(dates.filter(isWeekend)).toEqual([]);
      });
    });
  }

  it("covers every year from 2020 to 2030 in the committed list", () => {
    const years = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))));
    expect([...years].sort()).toEqual(Array.from({ length: 11 }, (_, i) => 2020 + i));
    expect(FIRST_LISTED_YEAR).toBe(2020);
    expect(LAST_LISTED_YEAR).toBe(2030);
  });

  it("lists each date once, in date order", () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it("gives Boxing Day a substitute Monday when Christmas is a Friday (2020, 2026)", () => {
    expect(bankHolidayOn("2020-12-28")).toEqual({ date: "2020-12-28", name: "boxing_day", substitute: true });
    expect(bankHolidayOn("2026-12-28")).toEqual({ date: "2026-12-28", name: "boxing_day", substitute: true });
  });

  it("moves Christmas and Boxing Day to Monday and Tuesday when Christmas is a Saturday (2021, 2027)", () => {
    for (const year of [2021, 2027]) {
      expect(bankHolidayOn(`${year}-12-27`)).toMatchObject({ name: "christmas_day", substitute: true });
      expect(bankHolidayOn(`${year}-12-28`)).toMatchObject({ name: "boxing_day", substitute: true });
      expect(bankHolidayOn(`${year}-12-25`)).toBeUndefined();
    }
  });

  it("keeps Boxing Day on Monday 26th and moves Christmas to Tuesday 27th when Christmas is a Sunday (2022)", () => {
    expect(bankHolidayOn("2022-12-26")).toMatchObject({ name: "boxing_day" });
    expect(bankHolidayOn("2022-12-26")?.substitute).toBeUndefined();
    expect(bankHolidayOn("2022-12-27")).toMatchObject({ name: "christmas_day", substitute: true });
  });

  it("moves New Year's Day to the Monday when 1 January is a weekend (2022, 2023, 2028)", () => {
    expect(bankHolidayOn("2022-01-03")).toMatchObject({ name: "new_years_day", substitute: true });
    expect(bankHolidayOn("2023-01-02")).toMatchObject({ name: "new_years_day", substitute: true });
    expect(bankHolidayOn("2028-01-03")).toMatchObject({ name: "new_years_day", substitute: true });
  });

  it("includes the one-off holidays: VE day 2020, the Platinum Jubilee, the State Funeral and the Coronation", () => {
    expect(bankHolidayOn("2020-05-08")?.name).toBe("early_may_ve_day");
    expect(bankHolidayOn("2020-05-04")).toBeUndefined();
    expect(bankHolidayOn("2022-06-02")?.name).toBe("spring");
    expect(bankHolidayOn("2022-06-03")?.name).toBe("platinum_jubilee");
    expect(bankHolidayOn("2022-05-30")).toBeUndefined();
    expect(bankHolidayOn("2022-09-19")?.name).toBe("state_funeral_queen_elizabeth");
    expect(bankHolidayOn("2023-05-08")?.name).toBe("coronation_king_charles");
    for (const date of ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]) {
      expect(bankHolidayOn(date)?.oneOff).toBe(true);
    }
  });

  it("matches the standing rules in every listed year without a one-off holiday", () => {
    for (const year of [2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030]) {
      const rule = standardBankHolidays(year).map((h) => h.date).sort();
      expect(rule, String(year)).toEqual(bankHolidaysInYear(year).map((h) => h.date).sort());
    }
  });

  it("uses the standing rules for years outside the list", () => {
    const dates = bankHolidaysInYear(2031).map((h) => h.date);
    expect(dates).toEqual(["2031-01-01", "2031-04-11", "2031-04-14", "2031-05-05", "2031-05-26", "2031-08-25", "2031-12-25", "2031-12-26"]);
    expect(bankHolidayOn("2031-04-11")?.name).toBe("good_friday");
  });

  it("computes Easter Sunday", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
});
