import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Database,
  isLocalTarget,
  MIGRATIONS_FOLDER,
  type OpenDatabase,
  openDatabase,
  rowsOf,
  targetFromEnv,
} from "./client";
import { complaints } from "./schema";
import { DATABASE_KINDS, openTestDatabase, targetFor } from "./test-support/databases";

const MIGRATION_COUNT = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }
).entries.length;

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

describe.each(DATABASE_KINDS)("the database on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is migrated on open: every table exists", async () => {
    const tables = await rows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      "accounts",
      "app_secrets",
      "attachment_chunks",
      "attachments",
      "case_assignments",
      "case_classifications",
      "case_flags",
      "closure_days",
      "complaint_events",
      "complaint_parties",
      "complaints",
      "compliments",
      "conduct_outcomes",
      "consent_requests",
      "contact_restrictions",
      "drafts",
      "elected_members",
      "ombudsman_enquiries",
      "outbox",
      "rate_limits",
      "representations",
      "representative_profiles",
      "response_drafts",
      "self_assessment_comments",
      "service_area_names",
      "service_areas",
      "sessions",
      "sign_in_codes",
      "staff_audit",
      "staff_members",
      "staff_sessions",
    ]);
  });

  it("opens again without re-applying migrations", async () => {
    const target = await targetFor(kind, "owner");
    const first = await openDatabase(target);
    await first.close();
    if (target.kind === "pglite") return; // an in-memory PGlite is new on every open
    const second = await openDatabase(target);
    const applied = await rows<{ count: number }>(
      second.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    await second.close();
    expect(applied[0]?.count).toBe(MIGRATION_COUNT);
  });

  it("enforces unique complaint references", async () => {
    await database.db.execute(sql`insert into service_areas (slug, pathway) values ('x', 'corporate')`);
    const complaint = { reference: "CCC-AAAA-AAAA", serviceAreaSlug: "x", pathway: "corporate" as const,
      receivedOn: "2026-11-20", whatWentWrong: "w" };
    await database.db.insert(complaints).values(complaint);
    await expect(database.db.insert(complaints).values(complaint)).rejects.toThrow();
  });
});

describe("embedded PGlite on disk", () => {
  it("keeps its data when closed and opened again, as a restarted portal does", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "portal-pglite-")), "nested", "data");
    try {
      const first = await openDatabase({ kind: "pglite", dataDir });
      await first.db.execute(sql`insert into service_areas (slug, pathway) values ('kept', 'adults')`);
      await first.close();
      const second = await openDatabase({ kind: "pglite", dataDir });
      const kept = await rows<{ pathway: string }>(second.db, sql`select pathway from service_areas where slug = 'kept'`);
      await second.close();
      expect(kept).toEqual([{ pathway: "adults" }]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("choosing the database", () => {
  it("uses PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR or ./.data/pglite", () => {
    expect(targetFromEnv({ DATABASE_URL: "postgres://u@db:5432/p" })).toEqual({ kind: "postgres", url: "postgres://u@db:5432/p" });
    expect(targetFromEnv({ DATA_DIR: "/srv/portal" })).toEqual({ kind: "pglite", dataDir: "/srv/portal" });
    expect(targetFromEnv({})).toEqual({ kind: "pglite", dataDir: join(process.cwd(), ".data/pglite") });
  });

  it("treats only this machine as local", () => {
    expect(isLocalTarget({ kind: "pglite" })).toBe(true);
    expect(isLocalTarget({ kind: "postgres", url: "postgres://u@localhost/p" })).toBe(true);
    expect(isLocalTarget({ kind: "postgres", url: "postgres://u@127.0.0.1:5432/p" })).toBe(true);
    expect(isLocalTarget({ kind: "postgres", url: "postgres://u@[::1]:5432/p" })).toBe(true);
    expect(isLocalTarget({ kind: "postgres", url: "postgres://u@db.council.example/p" })).toBe(false);
    expect(isLocalTarget({ kind: "postgres", url: "not a url" })).toBe(false);
  });
});
