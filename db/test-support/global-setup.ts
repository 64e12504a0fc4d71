// Vitest global setup: database tests run on PGlite and on a real PostgreSQL server. When
// TEST_DATABASE_URL is not given, a throwaway PostgreSQL 15 is started here and stopped afterwards.
import type { TestProject } from "vitest/node";
import { ensureAppRole } from "./roles";
import { startThrowawayPostgres } from "./throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    await ensureAppRole(given);
    project.provide("postgresUrl", given);
    return;
  }
  const server = await startThrowawayPostgres();
  await ensureAppRole(server.url);
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
