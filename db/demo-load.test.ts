import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "./client";
import { complaints } from "./schema";
import { seedReferenceData } from "./seed";
import { DATABASE_KINDS, openTestDatabase } from "./test-support/databases";
import { loadCase } from "../app/cases/case-service.server";
import { isOpen, type ComplaintStatus } from "../app/rules/stage-machine";
import { loadComplaints, loadedReference } from "./demo-load";

describe.each(DATABASE_KINDS)("the benchmark data (npm run demo:load) on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedReferenceData(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("adds complaints whose stored state is what their events replay to, dated up to today", async () => {
    expect(await loadComplaints(db, 600, "2026-12-02")).toBe(600);
    // Loading again numbers on from what is there.
    expect(await loadComplaints(db, 10, "2026-12-02")).toBe(10);
    const rows = await db.select().from(complaints).where(like(complaints.reference, "CCC-L%"));
    expect(rows).toHaveLength(610);
    expect(new Set(rows.map((row) => row.reference)).size).toBe(610);
    expect(rows.map((row) => row.reference)).toContain(loadedReference(609));
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of ["awaiting_acknowledgement", "investigating", "responded", "closed", "not_accepted"]) expect(statuses, status).toContain(status);
    for (const row of rows.slice(0, 60)) {
      const loaded = await loadCase(db, row.id, "2026-12-02");
      expect([loaded?.progress.state.status, loaded?.progress.state.stage, loaded?.progress.nextCouncilDue?.date ?? null], row.reference).toEqual([row.status, row.stage, row.nextDueOn]);
    }
    const [latest] = await db.execute<{ latest: string }>(sql`select max(occurred_on)::text as latest from complaint_events e join complaints c on c.id = e.complaint_id where c.reference like 'CCC-L%'`).then((result) => (Array.isArray(result) ? result : (result as unknown as { rows: { latest: string }[] }).rows));
    expect(latest!.latest <= "2026-12-02").toBe(true);
    // Every response carries its due date and the working days its stage took, as the case service writes them.
    const [responses] = await db
      .execute<{ all: number; timed: number }>(sql`select count(*)::int as all, count(*) filter (where details ? 'dueOn' and details ? 'workingDays')::int as timed from complaint_events where type = 'responded'`)
      .then((result) => (Array.isArray(result) ? result : (result as unknown as { rows: { all: number; timed: number }[] }).rows));
    expect(responses!.all).toBeGreaterThan(50);
    expect(responses!.timed).toBe(responses!.all);
  });

  it("leaves the newest days out when asked, so the demo's history has all run its course", async () => {
    const before = await db.$count(complaints, like(complaints.reference, "CCC-L%"));
    expect(await loadComplaints(db, 300, "2026-12-02", 200)).toBe(300);
    // References number on in base 36, padded, so their order is the order they were loaded.
    const rows = (await db.select().from(complaints).where(like(complaints.reference, "CCC-L%")).orderBy(complaints.reference)).slice(before);
    expect(rows).toHaveLength(300);
    expect(rows.every((row) => row.receivedOn <= "2026-05-16" && row.receivedOn >= "2024-12-02")).toBe(true);
    expect(rows.filter((row) => isOpen(row.status as ComplaintStatus))).toEqual([]);
    // Both financial years have figures.
    expect(rows.some((row) => row.receivedOn < "2025-04-01")).toBe(true);
    expect(rows.some((row) => row.receivedOn >= "2025-04-01" && row.receivedOn <= "2026-03-31")).toBe(true);
  });
});
