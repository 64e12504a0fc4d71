import { describe, expect, it } from "vitest";
import { PATHWAYS, type Pathway } from "~/rules/timescales";
import { type CharacteristicTable, type EqualityCount, categoriesOf, equalityPeriod, equalityPeriods, equalityTables, monthsOf, readEqualityPeriod } from "./equality-report";
import type { Line } from "./suppression";
import { whatCanBeWorkedOut } from "./test-support/worked-out";

describe("the equality report's fixed periods", () => {
  it("runs financial years from April and quarters in threes", () => {
    expect(monthsOf(2025, null)).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(monthsOf(2025, 4)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(equalityPeriod(2025, null)).toMatchObject({ id: "2025", from: "2025-04-01", to: "2026-03-31" });
    expect(equalityPeriod(2025, 3)).toMatchObject({ id: "2025-q3", from: "2025-10-01", to: "2025-12-31" });
    expect(equalityPeriod(2023, 4).to).toBe("2024-03-31");
  });

  it("offers only periods that have ended, newest first, and takes no other", () => {
    const offered = equalityPeriods("2026-12-02").map((period) => period.id);
    expect(offered.slice(0, 3)).toEqual(["2026-q2", "2026-q1", "2025"]);
    expect(offered).not.toContain("2026-q3");
    expect(offered).not.toContain("2026");
    expect(readEqualityPeriod(null, "2026-12-02")?.id).toBe("2026-q2");
    expect(readEqualityPeriod("2025-q4", "2026-12-02")?.id).toBe("2025-q4");
    expect(readEqualityPeriod("2026-q3", "2026-12-02")).toBeNull();
    expect(readEqualityPeriod("2025-04-01", "2026-12-02")).toBeNull();
    expect(readEqualityPeriod("2019", "2026-12-02")).toBeNull();
  });
});

/** `n` people giving `answer` to the ethnicity question in a month, service and process. */
const ethnicity = (pathway: Pathway, serviceArea: string, month: string, answer: string, responses: number): EqualityCount => ({ pathway, serviceArea, month, question: "ethnicGroup", answer, responses });

// One financial year (2025/26): a large white group spread everywhere, and one ethnic group ("other") with just
// 3 complainants, all in one service in one quarter.
const COUNTS: EqualityCount[] = [
  ...monthsOf(2025, null).flatMap((month, index) => [
    ethnicity("corporate", "waste-recycling", month, "white", 6 + (index % 3)),
    ethnicity("corporate", "housing", month, "white", 4),
    ethnicity("childrens", "childrens-social-care", month, "white", 5),
    ethnicity("adults", "adult-social-care", month, "white", 3 + (index % 2)),
    ethnicity("corporate", "waste-recycling", month, "asian", 2),
    ethnicity("childrens", "childrens-social-care", month, "black", index % 2),
    ethnicity("corporate", "housing", month, "prefer_not_to_say", 1),
  ]),
  ethnicity("corporate", "housing", "2025-05", "other", 2),
  ethnicity("corporate", "housing", "2025-06", "other", 1),
];
const TODAY = "2026-12-02";

/** Every figure each period's ethnicity table publishes, and the sums a reader knows hold between them. */
function published(tables: ReadonlyMap<string, CharacteristicTable>) {
  const values: number[] = [];
  const hidden: boolean[] = [];
  const index = new Map<string, number>();
  const first = [...tables.values()][0]!;
  const columns = ["all", ...PATHWAYS, ...first.services.map((service) => service.column)];
  for (const [period, table] of tables) {
    for (const row of table.rows) {
      for (const column of columns) {
        index.set(`${period}|${row}|${column}`, values.length);
        const shown = table.cell(row, column);
        values.push(shown ?? 0);
        hidden.push(shown === null);
      }
    }
  }
  const lines: Line[] = [];
  const at = (period: string, row: string, column: string) => index.get(`${period}|${row}|${column}`)!;
  for (const [period, table] of tables) {
    const categories = table.rows.filter((row) => row !== "total");
    for (const column of columns) lines.push({ total: at(period, "total", column), parts: categories.map((row) => at(period, row, column)) });
    for (const row of table.rows) {
      lines.push({ total: at(period, row, "all"), parts: PATHWAYS.map((pathway) => at(period, row, pathway)) });
      for (const pathway of PATHWAYS) {
        const within = table.services.filter((service) => service.pathway === pathway);
        if (within.length > 0) lines.push({ total: at(period, row, pathway), parts: within.map((service) => at(period, row, service.column)) });
      }
    }
  }
  for (const row of first.rows) for (const column of columns) lines.push({ total: at("2025", row, column), parts: ["2025-q1", "2025-q2", "2025-q3", "2025-q4"].map((quarter) => at(quarter, row, column)) });
  return { values, hidden, lines, at };
}

describe("the equality report's suppression", () => {
  const tablesFor = (id: string) => equalityTables(COUNTS, readEqualityPeriod(id, TODAY)!, TODAY).find((table) => table.characteristic === "ethnicGroup")!;
  const tables = new Map(["2025", "2025-q1", "2025-q2", "2025-q3", "2025-q4"].map((id) => [id, tablesFor(id)]));

  it("shows the large groups' figures", () => {
    const year = tables.get("2025")!;
    expect(year.cell("white", "all")).toBe(12 * (6 + 4 + 5 + 3) + 4 * (0 + 1 + 2) + 6);
    expect(year.cell("asian", "all")).toBe(24);
    expect(year.cell("total", "corporate/waste-recycling")).toBe(12 * 2 + 12 * 6 + 4 * (0 + 1 + 2));
    expect(year.share("white")).not.toBeNull();
  });

  it("shows no figure that gives away the 3 people of one ethnic group, directly or by subtraction, on any page of the year", () => {
    for (const table of tables.values()) {
      for (const column of ["all", ...PATHWAYS, ...table.services.map((service) => service.column)]) {
        // Their row is hidden wherever they are counted.
        expect(table.cell("other", column)).toBeNull();
      }
      expect(table.share("other")).toBeNull();
    }
    // A reader with every page of the year and every sum between them cannot pin the 3 down, nor bound it under 5.
    const { values, hidden, lines, at } = published(tables);
    const ranges = whatCanBeWorkedOut(values, hidden, lines);
    for (const period of ["2025", "2025-q1"]) {
      for (const column of ["all", "corporate", "corporate/housing"]) {
        const [low, high] = ranges[at(period, "other", column)]!;
        expect(low, `${period} ${column}`).toBeLessThan(high);
        expect(high, `${period} ${column}`).toBeGreaterThanOrEqual(5);
      }
    }
    // And no hidden figure anywhere can be worked out exactly.
    hidden.forEach((isHidden, cell) => {
      if (isHidden) expect(ranges[cell]![0]).toBeLessThan(ranges[cell]![1]);
    });
  });

  it("hides every figure under 5, whatever the group", () => {
    for (const table of tables.values()) {
      for (const row of table.rows) {
        for (const column of ["all", ...PATHWAYS, ...table.services.map((service) => service.column)]) {
          const figure = table.cell(row, column);
          if (figure !== null) expect(figure).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });

  it("has a row for every answer, 'prefer not to say' and the total", () => {
    expect(tablesFor("2025").rows).toEqual([...categoriesOf("ethnicGroup"), "total"]);
    expect(categoriesOf("ethnicGroup")).toEqual(["asian", "black", "mixed", "white", "other", "prefer_not_to_say"]);
  });

  it("reports only the year's quarters that have ended, without the year, while the year runs", () => {
    const running = equalityTables(COUNTS.map((count) => ({ ...count, month: count.month.replace("2025-", "2026-").replace(/^2026-0([1-3])/, "2027-0$1") })), readEqualityPeriod("2026-q1", TODAY)!, TODAY);
    expect(running.find((table) => table.characteristic === "ethnicGroup")!.cell("white", "corporate/waste-recycling")).toBe(3 * 6 + 1 + 2);
    expect(() => equalityTables(COUNTS, equalityPeriod(2026, 3), TODAY)).toThrow();
  });
});
