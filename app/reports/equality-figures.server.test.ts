// The equality report from stored answers (issue 12, item 2): answers recorded as residents record them, counted
// through the reports role (on PostgreSQL, a login in portal_reports: the web application's role cannot read even
// the counts), and published with every small figure withheld.
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type DatabaseTarget, type OpenDatabase } from "../../db/client";
import { lacksPrivilege } from "../../db/errors";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { recordEqualityAnswers } from "~/equality/equality-store.server";
import type { Pathway } from "~/rules/timescales";
import { equalityPeriod } from "./equality-report";
import { equalityCountsForYear, labelledEqualityReport } from "./equality-figures.server";

const REPORTS_LOGIN = "portal_reports_test";
const TODAY = "2026-12-02";

describe.each(DATABASE_KINDS)("the equality report on %s", (kind) => {
  let database: OpenDatabase & { target: DatabaseTarget };
  let reports: Database;
  let reportsClient: postgres.Sql | null = null;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    reports = database.db;
    const target = database.target;
    if (target.kind === "postgres" && target.migrationUrl) {
      const owner = postgres(target.migrationUrl, { max: 1, onnotice: () => {} });
      try {
        await owner.unsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REPORTS_LOGIN}') THEN CREATE ROLE ${REPORTS_LOGIN} LOGIN IN ROLE portal_reports; END IF; END $$`);
      } finally {
        await owner.end();
      }
      const url = new URL(target.migrationUrl);
      url.username = REPORTS_LOGIN;
      url.password = "";
      reportsClient = postgres(url.toString(), { max: 1, onnotice: () => {} });
      reports = drizzle(reportsClient) as unknown as Database;
    }
    let nonce = 0;
    const record = async (pathway: Pathway, serviceArea: string, month: string, answers: Record<string, string>, times: number) => {
      for (let i = 0; i < times; i++) await recordEqualityAnswers(database.db, { nonce: `n${nonce++}`, pathway, serviceArea, month, answers }, 2);
    };
    // 2025/26: many white complainants about waste and housing, some Asian, and 3 in the "other" ethnic group.
    await record("corporate", "waste-recycling", "2025-05", { ethnicGroup: "white", ageBand: "35_49" }, 30);
    await record("corporate", "housing", "2025-08", { ethnicGroup: "white", ageBand: "50_64" }, 20);
    await record("corporate", "waste-recycling", "2025-11", { ethnicGroup: "asian", ageBand: "35_49" }, 12);
    await record("corporate", "housing", "2026-02", { ethnicGroup: "asian", sex: "female" }, 9);
    await record("corporate", "waste-recycling", "2025-04", { ethnicGroup: "mixed" }, 6);
    await record("corporate", "housing", "2025-06", { ethnicGroup: "other", ageBand: "65_plus" }, 3);
    // A batch is released only when full: one more pair makes sure the last of the 3 is counted.
    await record("adults", "adult-social-care", "2025-06", { sex: "male" }, 2);
  });
  afterAll(async () => {
    await reportsClient?.end();
    await database?.close();
  });

  it("counts what was recorded", async () => {
    const counts = await equalityCountsForYear(reports, 2025);
    const other = counts.filter((count) => count.question === "ethnicGroup" && count.answer === "other");
    expect(other.reduce((sum, count) => sum + count.responses, 0)).toBe(3);
    expect(await equalityCountsForYear(reports, 2024)).toEqual([]);
  });

  it("shows the year's figures with the 3 withheld everywhere, and no sum of figures shown that gives them away", async () => {
    const { tables } = await labelledEqualityReport(database.db, reports, equalityPeriod(2025, null), TODAY);
    const ethnicity = tables.find((table) => table.characteristic === "ethnicGroup")!;
    const row = (key: string) => ethnicity.rows.find((each) => each.key === key)!;
    expect(row("white").all).toBe(50);
    expect(row("white").label).toBe("White");
    expect(row("asian").all).toBe(21);
    expect(row("other").all).toBeNull();
    expect(row("other").share).toBeNull();
    expect(row("other").pathways).toEqual([null, null, null]);
    // The total less the groups shown would give the 3, so the total (or another group) is withheld as well.
    const shown = ethnicity.rows.filter((each) => each.key !== "total" && each.all !== null).reduce((sum, each) => sum + each.all!, 0);
    const total = row("total").all;
    if (total !== null) expect(total - shown).toBeGreaterThanOrEqual(5);
    for (const service of ethnicity.services) {
      const cells = service.cells;
      const otherIndex = ethnicity.rows.findIndex((each) => each.key === "other");
      expect(cells[otherIndex]).toBeNull();
      const serviceTotal = cells[cells.length - 1];
      const shownHere = cells.slice(0, -1).filter((cell): cell is number => cell !== null).reduce((sum, cell) => sum + cell, 0);
      if (serviceTotal !== null && serviceTotal !== undefined) expect(serviceTotal - shownHere === 0 || serviceTotal - shownHere >= 5).toBe(true);
    }
    // Service rows are named, with their process.
    expect(ethnicity.services.map((service) => service.label)).toEqual(["Housing and homelessness (Most council services)", "Bins, waste and recycling (Most council services)"]);
    // Every figure shown is 5 or more.
    for (const table of tables) {
      for (const each of table.rows) for (const figure of [each.all, ...each.pathways]) if (figure !== null) expect(figure).toBeGreaterThanOrEqual(5);
      for (const service of table.services) for (const figure of service.cells) if (figure !== null) expect(figure).toBeGreaterThanOrEqual(5);
    }
    // Population shares are the council's to give: none are invented.
    expect(row("white").population).toBeNull();
  });

  it("withholds the quarter's figures in step with the year's", async () => {
    const { tables } = await labelledEqualityReport(database.db, reports, equalityPeriod(2025, 1), TODAY);
    const ethnicity = tables.find((table) => table.characteristic === "ethnicGroup")!;
    const row = (key: string) => ethnicity.rows.find((each) => each.key === key)!;
    expect(row("white").all).toBe(30);
    expect(row("other").all).toBeNull();
    const total = row("total").all;
    if (total !== null) expect(total - 30).not.toBe(3);
  });
});

describe("the equality counts on PostgreSQL, as the web application's role", () => {
  let database: OpenDatabase & { target: DatabaseTarget };
  beforeAll(async () => {
    database = await openTestDatabase("PostgreSQL");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("cannot be read: only the reports role may count equality answers", async () => {
    const refused = await equalityCountsForYear(database.db, 2025).catch((error: unknown) => error);
    expect(lacksPrivilege(refused)).toBe(true);
    expect(lacksPrivilege(new Error("something else"))).toBe(false);
  });
});
