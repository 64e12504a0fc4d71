// The portal's one database connection, opened (and migrated) once per process. A failed open is not
// cached, so the next request tries again.
import { type Database, type OpenDatabase, openDatabase, targetFromEnv } from "../db/client";

let opening: Promise<OpenDatabase> | null = null;

function open(): Promise<OpenDatabase> {
  if (!opening) {
    opening = openDatabase(targetFromEnv()).catch((error: unknown) => {
      opening = null;
      throw error;
    });
  }
  return opening;
}

/** The connection and which database it is (the job queue needs the driver underneath). */
export function getOpenDatabase(): Promise<OpenDatabase> {
  return open();
}

export async function getDb(): Promise<Database> {
  return (await open()).db;
}

export async function closeDb(): Promise<void> {
  if (openingReports) {
    const reports = openingReports;
    openingReports = null;
    await (await reports).close();
  }
  if (!opening) return;
  const current = opening;
  opening = null;
  await (await current).close();
}

let openingReports: Promise<{ db: Database; close: () => Promise<void> }> | null = null;

/**
 * Where the equality report reads its counts: DATABASE_REPORTS_URL, a login in the portal_reports role (which may
 * read only equality.answer_counts), when set; otherwise the portal's own connection — PGlite, or a PostgreSQL
 * login given that right. The web application's role cannot read equality counts at all.
 */
export async function getReportsDb(): Promise<Database> {
  const url = process.env.DATABASE_REPORTS_URL;
  if (!url) return getDb();
  if (!openingReports) {
    openingReports = (async () => {
      const { default: postgres } = await import("postgres");
      const { drizzle } = await import("drizzle-orm/postgres-js");
      const client = postgres(url, { max: 2, onnotice: () => {} });
      return { db: drizzle(client) as unknown as Database, close: () => client.end({ timeout: 5 }) };
    })();
  }
  return (await openingReports).db;
}
