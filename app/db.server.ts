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
  if (!opening) return;
  const current = opening;
  opening = null;
  await (await current).close();
}
