// Benchmark for the staff queue (issue 11, item 2): `npm run build && npx tsx scripts/bench-queue.ts`. Not a test:
// it prints figures. It starts a throwaway PostgreSQL and the production server on it, loads 50,000 complaints
// (db/demo-load.ts, BENCH_QUEUE_COMPLAINTS to change it), signs a complaints officer in, then from this same process
// (so the load generator shares the 2 cores) asks for the queue's first page with and without filters, one client
// at a time and 20 at once, beside the staff sign-in page, the lightest staff page, at the same 20 clients.
import { spawn } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { Agent, request } from "undici";
import { openDatabase } from "../db/client";
import { loadComplaints } from "../db/demo-load";
import { seedReferenceData } from "../db/seed";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";
import { londonDateOf } from "../app/rules/calendar-dates";
import { addStaffMember } from "../app/staff/staff-accounts.server";
import { startStaffSession } from "../app/staff/staff-sessions.server";
import { run } from "./bench-support";

const PORT = 3297;
const BASE = `http://127.0.0.1:${PORT}`;
const COMPLAINTS = Number(process.env.BENCH_QUEUE_COMPLAINTS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_QUEUE_REQUESTS ?? 1000);

const pg = await startThrowawayPostgres("portal_bench_queue");
const server = spawn("node", ["server.js"], {
  env: { ...process.env, DATABASE_URL: pg.url, PORT: String(PORT), NODE_ENV: "production", COOKIE_SECURE: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));
  const { db, close } = await openDatabase({ kind: "postgres", url: pg.url });
  await seedReferenceData(db);
  const started = performance.now();
  await loadComplaints(db, COMPLAINTS, londonDateOf(new Date()));
  console.log(`Loaded ${COMPLAINTS} complaints in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.execute("analyze");
  const officer = await addStaffMember(db, { email: "bench.officer@coventry.gov.uk", role: "complaints_officer", name: "Bench Officer" });
  const cookie = (await startStaffSession(db, officer.id)).split(";")[0]!;
  await close();
  const agent = new Agent({ connections: 64 });
  const get = (path: string, mustShow: string) => async () => {
    const response = await request(`${BASE}${path}`, { dispatcher: agent, headers: { cookie, "accept-encoding": "gzip" } });
    const raw = Buffer.from(await response.body.arrayBuffer());
    const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
    if (response.statusCode !== 200 || (mustShow && !body.includes(mustShow))) throw new Error(`${path}: ${response.statusCode}, "${mustShow}" not shown`);
    return response.statusCode;
  };
  // Warm up (JIT, connection pool).
  for (let i = 0; i < 50; i++) await get("/staff", "")();

  const pages: Array<[string, string]> = [
    ["/staff", "Showing 1 to 50 of"],
    ["/staff?pathway=corporate&status=investigating", "Showing 1 to 50 of"],
    ["/staff?q=Priya&stage=1", "Showing 1 to 50 of"],
    ["/staff?service=housing&awaiting=late_request", ""],
    ["/staff?page=20", "Showing 951 to"],
  ];
  for (const [path, mustShow] of pages) await run(`queue ${path}, one client at a time`, Math.min(REQUESTS, 200), 1, get(path, mustShow));
  await run("staff sign-in page (GET), beside the queue", REQUESTS, 20, async () => {
    const response = await request(`${BASE}/staff/sign-in`, { dispatcher: agent });
    await response.body.dump();
    return response.statusCode;
  });
  for (const [path, mustShow] of pages) await run(`queue ${path}`, REQUESTS, 20, get(path, mustShow));
  await agent.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  pg.stop();
}
