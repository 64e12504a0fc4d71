import { spawnSync } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "../app/i18n/languages";
import type { OpenDatabase } from "./client";
import { SERVICE_AREAS } from "./reference-data";
import { complaintEvents, complaintParties, complaints, serviceAreaNames, serviceAreas } from "./schema";
import { DEMO_FAMILY_EMAIL } from "../app/accounts/demo";
import { equalityCountsForYear } from "../app/reports/equality-figures.server";
import { countRows, DEMO_RESIDENT_EMAIL, demoComplaints, readServiceAreaNames, seedDemoComplaints, seedDemoEqualityAnswers, seedReferenceData } from "./seed";
import { DATABASE_KINDS, openTestDatabase } from "./test-support/databases";

describe.each(DATABASE_KINDS)("seeding on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    firstSeed = await seedDemoComplaints(database.db, "2026-11-22");
  });
  let firstSeed = false;
  afterAll(async () => {
    await database?.close();
  });

  it("loads every service area with its suggested pathway", async () => {
    const areas = await database.db.select().from(serviceAreas).orderBy(serviceAreas.sortOrder);
    expect(areas.map((area) => [area.slug, area.pathway])).toEqual(SERVICE_AREAS.map((a) => [a.slug, a.pathway]));
    expect(areas.find((area) => area.slug === "childrens-social-care")?.pathway).toBe("childrens");
    expect(areas.find((area) => area.slug === "adult-social-care")?.pathway).toBe("adults");
  });

  it("stores each service area's name in every language, from locales/", async () => {
    const names = await database.db.select().from(serviceAreaNames);
    expect(names).toHaveLength(SERVICE_AREAS.length * LANGUAGE_CODES.length);
    const polishParking = names.find((row) => row.serviceAreaSlug === "parking" && row.locale === "pl");
    const fromFile = readServiceAreaNames().find((row) => row.serviceAreaSlug === "parking" && row.locale === "pl");
    expect(polishParking?.name).toBe(fromFile?.name);
    expect(polishParking?.name).not.toBe(names.find((row) => row.serviceAreaSlug === "parking" && row.locale === "en")?.name);
  });

  it("adds demo complaints dated relative to today, each with its received event", async () => {
    const demo = await database.db.select().from(complaints).where(eq(complaints.isDemo, true));
    expect(demo.map((row) => row.reference).sort()).toEqual(demoComplaints("2026-11-22").map((c) => c.reference).sort());
    expect(demo.find((row) => row.reference === "CCC-DEM0-0001")?.receivedOn).toBe("2026-11-19");
    const received = await database.db.select().from(complaintEvents).where(eq(complaintEvents.type, "received"));
    expect(received).toHaveLength(demo.length);
  });

  it("puts the demo complaints at the stages the sign-in demo shows, through the case service", async () => {
    const demo = await database.db.select().from(complaints).where(eq(complaints.isDemo, true));
    const byReference = Object.fromEntries(demo.map((row) => [row.reference, [row.status, row.stage]]));
    expect(byReference).toEqual({
      "CCC-DEM0-0001": ["awaiting_acknowledgement", 1],
      "CCC-DEM0-0002": ["investigating", 1],
      "CCC-DEM0-0003": ["responded", 1],
      "CCC-DEM0-0004": ["responded", 1],
      "CCC-DEM0-0005": ["investigating", 3],
      "CCC-DEM0-0006": ["responded", 1],
      "CCC-DEM0-0007": ["withdrawn", 1],
      "CCC-DEM0-0008": ["responded", 1],
      "CCC-DEM0-0009": ["responded", 1],
      "CCC-DEM0-0010": ["triage", 1],
      "CCC-DEM0-0011": ["triage", 1],
      "CCC-DEM0-0012": ["responded", 1],
      "CCC-DEM0-0013": ["investigating", 1],
      "CCC-DEM0-0014": ["investigating", 1],
      "CCC-DEM0-0015": ["triage", 1],
    });
    expect(demo.find((row) => row.reference === "CCC-DEM0-0007")?.closedOn).toBe("2026-11-18");
    const parties = await database.db.select().from(complaintParties).where(eq(complaintParties.email, DEMO_RESIDENT_EMAIL));
    // Every demo complaint is the demo resident's but the six the staff walks take, which are a parent's.
    expect(parties).toHaveLength(demo.length - 6);
    expect(await database.db.select().from(complaintParties).where(eq(complaintParties.email, DEMO_FAMILY_EMAIL))).toHaveLength(6);
  });

  it("can run again without duplicating anything", async () => {
    const before = await countRows(database.db);
    await seedReferenceData(database.db);
    expect(firstSeed).toBe(true);
    expect(await seedDemoComplaints(database.db, "2026-11-23")).toBe(false);
    expect(await countRows(database.db)).toEqual(before);
    const events = await database.db.execute(sql`select count(*)::int as n from complaint_events`);
    const n = (Array.isArray(events) ? events : (events as unknown as { rows: { n: number }[] }).rows)[0] as { n: number };
    const expected = demoComplaints("2026-11-22").reduce((total, complaint) => total + 1 + complaint.events.length, 0);
    expect(n.n).toBe(expected);
    expect(expected).toBe(44);
  });
});

describe("the demo equality answers", () => {
  it("are recorded over the two years before today, every one counted, for the equality report to show", async () => {
    const database = await openTestDatabase("PGlite");
    try {
      await seedReferenceData(database.db);
      await seedDemoEqualityAnswers(database.db, "2026-11-22", 40);
      const counts = [...(await equalityCountsForYear(database.db, 2025)), ...(await equalityCountsForYear(database.db, 2024)), ...(await equalityCountsForYear(database.db, 2026))];
      const answered = new Map<string, number>();
      for (const count of counts) answered.set(count.question, (answered.get(count.question) ?? 0) + count.responses);
      // Each question is answered by most of the 40 (each may be skipped), none by more.
      for (const question of ["ageBand", "sex", "ethnicGroup", "disability", "religion", "sexualOrientation"]) {
        expect(answered.get(question)).toBeGreaterThan(20);
        expect(answered.get(question)).toBeLessThanOrEqual(40);
      }
      expect(counts.every((count) => count.month >= "2024-11" && count.month <= "2026-11")).toBe(true);
    } finally {
      await database.close();
    }
  });
});

describe("the seed command", () => {
  it("refuses a database that is not on this machine", () => {
    const result = spawnSync("npx", ["tsx", "db/seed.ts"], {
      env: { ...process.env, DATABASE_URL: "postgres://portal@db.council.example:5432/portal" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to seed");
  });
});
