// Runs a command with a throwaway PostgreSQL 15 server, then stops the server whatever happens.
// The command gets TEST_DATABASE_URL (for database tests), E2E_DATABASE_URL (an empty database for the
// end-to-end server, reached as the web application's role) and E2E_MIGRATION_URL (the same database as its
// owner, which the server migrates it with). Usage: tsx scripts/with-postgres.ts <command> [args…]
import { spawn } from "node:child_process";
import postgres from "postgres";
import { asAppRole, ensureAppRole } from "../db/test-support/roles";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: tsx scripts/with-postgres.ts <command> [args…]\n");
  process.exit(2);
}

const server = await startThrowawayPostgres("portal_test");
const admin = postgres(server.url, { max: 1, onnotice: () => {} });
await admin.unsafe("create database portal_e2e");
await admin.end();
await ensureAppRole(server.url);
const e2eUrl = new URL(server.url);
e2eUrl.pathname = "/portal_e2e";

const child = spawn(command, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    TEST_DATABASE_URL: server.url,
    E2E_DATABASE_URL: asAppRole(e2eUrl.toString()),
    E2E_MIGRATION_URL: e2eUrl.toString(),
  },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", (code, signal) => {
  server.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
