// Database tests run twice: on embedded PGlite and on the real PostgreSQL server the global setup started.
// Each suite gets a database of its own, so test files can run in parallel. On PostgreSQL a suite works as the
// web application's role (portal_app, a member of portal_web), with migrations run by the owner, unless it asks
// for the owner itself (to create tables of its own, or to look at what is stored as only a DBA could).
// PGlite has one superuser: there the separation is by code.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseTarget, type OpenDatabase, openDatabase } from "../client";
import { asAppRole } from "./roles";

export const DATABASE_KINDS = ["PGlite", "PostgreSQL"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];
export type TestRole = "web" | "owner";

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

export async function targetFor(kind: DatabaseKind, role: TestRole = "web"): Promise<DatabaseTarget> {
  if (kind === "PGlite") return { kind: "pglite" };
  const ownerUrl = await freshPostgresUrl();
  return role === "owner" ? { kind: "postgres", url: ownerUrl } : { kind: "postgres", url: asAppRole(ownerUrl), migrationUrl: ownerUrl };
}

/** A new, migrated, empty database of the given kind, and the target it was opened from. */
export async function openTestDatabase(kind: DatabaseKind, role: TestRole = "web"): Promise<OpenDatabase & { target: DatabaseTarget }> {
  const target = await targetFor(kind, role);
  return { ...(await openDatabase(target)), target };
}
