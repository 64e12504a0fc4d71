import { describe, expect, it } from "vitest";
import { actedOnView, DASHBOARD_PAGE_SIZE } from "./dashboard";

const STATES = ["awaiting_consent", "awaiting_decision", "active"] as const;

// 120 complaints for 120 people, in the three live states in turn, received a day apart.
const rows = Array.from({ length: 120 }, (_, i) => ({
  reference: `CCC-TEST-${String(1000 + i)}`,
  person: `Person ${String(i).padStart(3, "0")}`,
  stage: 1,
  receivedOn: `2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, "0")}`,
  nextDueOn: i % 2 === 0 ? `2026-12-${String(1 + (i % 28)).padStart(2, "0")}` : null,
  consent: STATES[i % 3]!,
}));

describe("actedOnView", () => {
  it("counts every state, filters to the one asked for and pages it", () => {
    const view = actedOnView(rows, { state: "active", sort: "received", page: null }, "en");
    expect(view.counts).toEqual([
      { state: "all", count: 120 },
      { state: "awaiting_consent", count: 40 },
      { state: "awaiting_decision", count: 40 },
      { state: "active", count: 40 },
    ]);
    expect(view.rows).toHaveLength(40);
    expect(view.rows.every((row) => row.consent === "active")).toBe(true);
    expect(view.pageCount).toBe(1);
    expect(view.range).toEqual({ from: "1", to: "40", total: "40" });
  });

  it("shows 50 to a page, the last page holding the rest", () => {
    const first = actedOnView(rows, { state: null, sort: "person", page: null }, "en");
    expect(first.rows).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(first.pageCount).toBe(3);
    expect(first.rows[0]!.person).toBe("Person 000");
    const last = actedOnView(rows, { state: null, sort: "person", page: "3" }, "en");
    expect(last.page).toBe(3);
    expect(last.rows.map((row) => row.person)).toEqual(Array.from({ length: 20 }, (_, i) => `Person ${100 + i}`));
    expect(last.range).toEqual({ from: "101", to: "120", total: "120" });
  });

  it("gives the last page for a page past the end, and the first for nonsense", () => {
    expect(actedOnView(rows, { state: null, sort: null, page: "40" }, "en").page).toBe(3);
    expect(actedOnView(rows, { state: null, sort: null, page: "x" }, "en").page).toBe(1);
  });

  it("puts the earliest date the council must act by first, and those without one last", () => {
    const view = actedOnView(rows, { state: "all", sort: "due", page: "3" }, "en");
    expect(view.rows.every((row) => row.nextDueOn === null)).toBe(true);
    const first = actedOnView(rows, { state: "all", sort: "due", page: "1" }, "en");
    expect(first.rows[0]!.nextDueOn).toBe("1 December 2026");
  });

  it("falls back to all states and the due date for a state or sort it does not know", () => {
    const view = actedOnView(rows, { state: "revoked", sort: "shoe size", page: null }, "en");
    expect(view.state).toBe("all");
    expect(view.sort).toBe("due");
  });

  it("writes the range in the reader's digits", () => {
    const view = actedOnView(rows, { state: null, sort: null, page: "2" }, "ar");
    const arabic = new Intl.NumberFormat("ar");
    expect(view.range).toEqual({ from: arabic.format(51), to: arabic.format(100), total: arabic.format(120) });
  });

  it("has no range for a state with no complaints", () => {
    const view = actedOnView(rows.slice(0, 1), { state: "active", sort: null, page: null }, "en");
    expect(view.rows).toEqual([]);
    expect(view.range).toBeNull();
  });
});
