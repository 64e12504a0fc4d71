import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { attachments, closureDays, complaints, drafts, staffMembers } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { loadCase, openCase } from "~/cases/case-service.server";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { QUEUES, requestDueDatesRefresh, startJobs } from "./jobs.server";

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

describe.each(DATABASE_KINDS)("scheduled jobs on %s, as the web application's role", (kind) => {
  let database: OpenDatabase;
  let jobs: Awaited<ReturnType<typeof startJobs>>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    jobs = await startJobs(database, { pollingIntervalSeconds: 0.5 });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it("runs pg-boss's own upkeep, which opens and commits a transaction of its own", async () => {
    await expect(jobs.boss.maintain()).resolves.toMatchObject({ ms: expect.any(Number) });
  });

  it("schedules the purge of expired drafts every hour, and the staff's digest at 9:00, London time", async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      expect.objectContaining({ name: QUEUES.purgeExpiredDrafts, cron: "17 * * * *", timezone: "Europe/London" }),
      expect.objectContaining({ name: QUEUES.staffDigest, cron: "0 9 * * *", timezone: "Europe/London" }),
    ]);
  });

  it("deletes expired drafts, with their files, when the purge runs, and leaves the rest", async () => {
    const [expired] = await database.db
      .insert(drafts)
      .values({ tokenHash: randomBytes(16).toString("hex"), answers: { name: "Ada" }, expiresAt: new Date(Date.now() - 1000) })
      .returning();
    const [current] = await database.db
      .insert(drafts)
      .values({ tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    await database.db
      .insert(attachments)
      .values({ draftId: expired!.id, filename: "a.pdf", contentType: "application/pdf", size: 1, sha256: "x", kept: true });

    const jobId = await jobs.boss.send(QUEUES.purgeExpiredDrafts, {});
    expect(jobId).toBeTruthy();
    const gone = await until(async () => (await database.db.select().from(drafts).where(eq(drafts.id, expired!.id))).length === 0, 30_000);
    expect(gone).toBe(true);
    expect(await until(async () => (await jobs.boss.getJobById(QUEUES.purgeExpiredDrafts, jobId!))?.state === "completed", 10_000)).toBe(true);
    expect(await database.db.select().from(drafts).where(eq(drafts.id, current!.id))).toHaveLength(1);
    expect(await database.db.select().from(attachments).where(eq(attachments.filename, "a.pdf"))).toHaveLength(0);
  }, 60_000);

  it("works out open complaints' stored next-due dates again when asked after the closure days changed", async () => {
    const db = database.db;
    await seedReferenceData(db);
    const { id } = await db.transaction((tx) =>
      openCase(tx, {
        values: { reference: "CCC-JOBS-0001", serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-12-02", whatWentWrong: "Damp" },
        complainant: { name: "Sam", email: "sam.jobs@example.com" },
        actor: "resident",
      }),
    );
    const before = (await loadCase(db, id, "2026-12-02"))!.progress.nextCouncilDue!.date;
    const [manager] = await db.insert(staffMembers).values({ email: "jobs.manager@coventry.gov.uk", role: "manager", name: "Jobs" }).returning();
    await db.insert(closureDays).values({ day: before, name: "Closed", addedBy: manager!.id });
    expect(await requestDueDatesRefresh()).toBe(true);
    const stored = async () => (await db.select({ nextDueOn: complaints.nextDueOn }).from(complaints).where(eq(complaints.id, id)))[0]!.nextDueOn;
    expect(await until(async () => (await stored()) !== before, 30_000)).toBe(true);
    expect(await stored()).toBe((await loadCase(db, id, "2026-12-02"))!.progress.nextCouncilDue!.date);
  }, 60_000);
});
