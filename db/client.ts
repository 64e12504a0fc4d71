// Opens the portal's database: PostgreSQL through postgres.js when DATABASE_URL is set, otherwise embedded
// PGlite in a data directory. Migrations in db/migrations are applied on open, so the portal and every script
// always see the current schema. Drivers load with dynamic import() so PGlite's WASM loads only when used.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  /**
   * `url` is the role the portal works as (a member of portal_web, which cannot read equality answers); when
   * `migrationUrl` is given, migrations run through it instead, as the role that owns the schema.
   */
  | { kind: "postgres"; url: string; migrationUrl?: string; maxConnections?: number }
  | { kind: "pglite"; dataDir?: string };

export type OpenDatabase = { db: Database; kind: DatabaseTarget["kind"]; close: () => Promise<void> };

const here = dirname(fileURLToPath(import.meta.url));
// Beside this file when run from source; from the project root when bundled into build/server.
export const MIGRATIONS_FOLDER = existsSync(resolve(here, "migrations/meta/_journal.json"))
  ? resolve(here, "migrations")
  : resolve(process.cwd(), "db/migrations");
export const DEFAULT_DATA_DIR = resolve(process.cwd(), ".data/pglite");

/**
 * Where the portal's data lives, from the environment: DATABASE_URL (with DATABASE_MIGRATION_URL for the owner
 * that migrates it, when that is another role), else PGlite in DATA_DIR.
 */
export function targetFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  if (env.DATABASE_URL) {
    return { kind: "postgres", url: env.DATABASE_URL, ...(env.DATABASE_MIGRATION_URL ? { migrationUrl: env.DATABASE_MIGRATION_URL } : {}) };
  }
  return { kind: "pglite", dataDir: env.DATA_DIR ? resolve(env.DATA_DIR) : DEFAULT_DATA_DIR };
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    if (target.migrationUrl) {
      const owner = postgres(target.migrationUrl, { max: 1, onnotice: () => {} });
      try {
        await migrate(drizzle(owner, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await owner.end({ timeout: 5 });
      }
    }
    const client = postgres(target.url, { max: target.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema });
    try {
      if (!target.migrationUrl) await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (error) {
      await client.end({ timeout: 1 });
      throw error;
    }
    return { db: db as unknown as Database, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite creates its data directory non-recursively.
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // PGlite's own bytea conversion goes byte by byte in JavaScript (about 80 ms for a quarter-megabyte file chunk,
  // during which every other query waits); Node's hex codec does the same in native code.
  const BYTEA = 17;
  const options = {
    serializers: {
      [BYTEA]: (value: unknown) => {
        const bytes = value as Uint8Array;
        return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
      },
    },
    parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), "hex") },
  };
  const client = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}

/** True when a target is on this machine: the seed refuses anything else. */
export function isLocalTarget(target: DatabaseTarget): boolean {
  if (target.kind === "pglite") return true;
  try {
    const host = new URL(target.url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** The rows of `db.execute(...)`: postgres.js gives an array, PGlite an object holding one. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
