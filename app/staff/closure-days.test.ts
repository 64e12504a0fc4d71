import { describe, expect, it } from "vitest";
import { readClosureDayForm } from "./closure-days";

const form = (day: string, month: string, year: string, name = "Council closure") => new URLSearchParams({ "day-day": day, "day-month": month, "day-year": year, name });

describe("a closure day", () => {
  const today = "2026-12-02" as const;
  it("is a weekday from today on, with a name", () => {
    expect(readClosureDayForm(form("29", "12", "2026", "  Council   closure "), today)).toEqual({ ok: true, input: { day: "2026-12-29", name: "Council closure" } });
    expect(readClosureDayForm(form("2", "12", "2026"), today)).toMatchObject({ ok: true, input: { day: "2026-12-02" } });
  });
  it("is not in the past, at a weekend, already a bank holiday, or not a date at all", () => {
    expect(readClosureDayForm(form("1", "12", "2026"), today)).toEqual({ ok: false, errors: { day: "staff:closures.error.past" } });
    expect(readClosureDayForm(form("5", "12", "2026"), today)).toEqual({ ok: false, errors: { day: "staff:closures.error.weekend" } });
    expect(readClosureDayForm(form("25", "12", "2026"), today)).toEqual({ ok: false, errors: { day: "staff:closures.error.bankHoliday" } });
    expect(readClosureDayForm(form("30", "2", "2027", " "), today)).toEqual({ ok: false, errors: { day: "staff:closures.error.day", name: "staff:closures.error.name" } });
    expect(readClosureDayForm(form("30", "12", "2026", "x".repeat(101)), today)).toEqual({ ok: false, errors: { name: "staff:closures.error.nameTooLong" } });
  });
});
