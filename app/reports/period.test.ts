import { describe, expect, it } from "vitest";
import { lastFinancialYear, previousPeriod, readPeriod } from "./period";

describe("a report's period", () => {
  it("is the last financial year that has ended, by default", () => {
    expect(lastFinancialYear("2026-12-02")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(lastFinancialYear("2026-03-31")).toEqual({ from: "2024-04-01", to: "2025-03-31" });
    expect(lastFinancialYear("2026-04-01")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(readPeriod(new URLSearchParams(), "2026-12-02")).toEqual({ ok: true, period: { from: "2025-04-01", to: "2026-03-31" } });
  });
  it("is compared with the year before for whole years, otherwise with as many days just before", () => {
    expect(previousPeriod({ from: "2025-04-01", to: "2026-03-31" })).toEqual({ from: "2024-04-01", to: "2025-03-31" });
    expect(previousPeriod({ from: "2023-04-01", to: "2025-03-31" })).toEqual({ from: "2021-04-01", to: "2023-03-31" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });
  it("takes dates typed in boxes or written as ISO dates", () => {
    const typed = new URLSearchParams({ "from-day": "1", "from-month": "4", "from-year": "2024", "to-day": "31", "to-month": "3", "to-year": "2025" });
    expect(readPeriod(typed, "2026-12-02")).toEqual({ ok: true, period: { from: "2024-04-01", to: "2025-03-31" } });
    expect(readPeriod(new URLSearchParams({ from: "2026-01-01", to: "2026-01-31" }), "2026-12-02")).toMatchObject({ ok: true });
  });
  it("refuses a range backwards, over 5 years, or with a date that is not one", () => {
    expect(readPeriod(new URLSearchParams({ from: "2026-02-01", to: "2026-01-31" }), "2026-12-02")).toEqual({ ok: false, errors: { to: "staff:reports.error.backwards" } });
    expect(readPeriod(new URLSearchParams({ from: "2020-04-01", to: "2025-03-31" }), "2026-12-02")).toMatchObject({ ok: true });
    expect(readPeriod(new URLSearchParams({ from: "2020-04-01", to: "2025-04-01" }), "2026-12-02")).toEqual({ ok: false, errors: { to: "staff:reports.error.tooLong" } });
    expect(readPeriod(new URLSearchParams({ "from-day": "31", "from-month": "2", "from-year": "2026", to: "2026-03-31" }), "2026-12-02")).toEqual({ ok: false, errors: { from: "staff:reports.error.from" } });
  });
});
