// Database tests run twice: on embedded PGlite and on the real PostgreSQL server the global setup started.
// Each suite gets a database of its own, so test files can run in parallel.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseTarget, type OpenDatabase, openDatabase } from "../client";

export const DATABASE_KINDS = ["PGlite", "PostgreSQL"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

async function freshPostgresUrl(): Promise<string> {
  const serverUrl = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function targetFor(kind: DatabaseKind): Promise<DatabaseTarget> {
  return kind === "PGlite" ? { kind: "pglite" } : { kind: "postgres", url: await freshPostgresUrl() };
}

/** A new, migrated, empty database of the given kind. */
export async function openTestDatabase(kind: DatabaseKind): Promise<OpenDatabase> {
  return openDatabase(await targetFor(kind));
}
