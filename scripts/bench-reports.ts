// Benchmark for the reports (issue 12): `npm run build && npx tsx scripts/bench-reports.ts`. Not a test: it prints
// figures. It starts a throwaway PostgreSQL and the production server on it, loads 50,000 complaints over two years
// (db/demo-load.ts; BENCH_REPORT_COMPLAINTS to change it) and as many sets of equality answers, signs a manager in,
// then from this same process (so the load generator shares the 2 cores) asks for every report — the complaints
// report and a CSV of it, the children's annual report and its CSV, the equality report, the self-assessment:
// each report's first request (its figures counted), the complaints report for a new period every time (counted
// every time), then each report again and again (its figures kept a few minutes, app/reports/figures-cache.server.ts),
// one client at a time and 5 at once, beside the staff sign-in page at the same 5 clients.
import { spawn } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { Agent, request } from "undici";
import { openDatabase } from "../db/client";
import { loadComplaints } from "../db/demo-load";
import { seedReferenceData } from "../db/seed";
import { SERVICE_AREAS } from "../db/reference-data";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";
import { EQUALITY_OPTIONS } from "../app/equality/equality-questions";
import { addCalendarDays, londonDateOf } from "../app/rules/calendar-dates";
import { addStaffMember } from "../app/staff/staff-accounts.server";
import { startStaffSession } from "../app/staff/staff-sessions.server";
import { endedFinancialYears } from "../app/reports/period";
import { run } from "./bench-support";

const PORT = 3298;
const BASE = `http://127.0.0.1:${PORT}`;
const COMPLAINTS = Number(process.env.BENCH_REPORT_COMPLAINTS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REPORT_REQUESTS ?? 100);

const pg = await startThrowawayPostgres("portal_bench_reports");
const server = spawn("node", ["server.js"], {
  env: { ...process.env, DATABASE_URL: pg.url, PORT: String(PORT), NODE_ENV: "production", COOKIE_SECURE: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));
  const { db, close } = await openDatabase({ kind: "postgres", url: pg.url });
  await seedReferenceData(db);
  const today = londonDateOf(new Date());
  let started = performance.now();
  await loadComplaints(db, COMPLAINTS, today);
  console.log(`Loaded ${COMPLAINTS} complaints in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // As many sets of equality answers, straight into the released table (as the owner: the web role cannot).
  started = performance.now();
  const choice = <T>(values: readonly T[], i: number, salt: number) => values[(i * 7919 + salt * 104729) % values.length]!;
  for (let from = 0; from < COMPLAINTS; from += 5000) {
    const rows = Array.from({ length: Math.min(5000, COMPLAINTS - from) }, (_, k) => {
      const i = from + k;
      const area = choice(SERVICE_AREAS, i, 1);
      const answers = { ageBand: choice(EQUALITY_OPTIONS.ageBand, i, 2), sex: choice(EQUALITY_OPTIONS.sex, i, 3), ethnicGroup: choice(EQUALITY_OPTIONS.ethnicGroup, i, 4), disability: choice(EQUALITY_OPTIONS.disability, i, 5), religion: choice(EQUALITY_OPTIONS.religion, i, 6), sexualOrientation: choice(EQUALITY_OPTIONS.sexualOrientation, i, 7) };
      return sql`(${area.pathway}::pathway, ${area.slug}, ${addCalendarDays(today, -(i % 730)).slice(0, 7)}, ${JSON.stringify(answers)}::jsonb)`;
    });
    await db.execute(sql`insert into equality.responses (pathway, service_area_slug, received_month, answers) values ${sql.join(rows, sql`, `)}`);
  }
  console.log(`Recorded ${COMPLAINTS} sets of equality answers in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.execute(sql`analyze`);
  const manager = await addStaffMember(db, { email: "bench.manager@coventry.gov.uk", role: "manager", name: "Bench Manager" });
  const cookie = (await startStaffSession(db, manager.id)).split(";")[0]!;
  await close();
  const agent = new Agent({ connections: 64 });
  const get = (path: string, mustShow: string) => async () => {
    const response = await request(`${BASE}${path}`, { dispatcher: agent, headers: { cookie, "accept-encoding": "gzip" } });
    const raw = Buffer.from(await response.body.arrayBuffer());
    const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
    if (response.statusCode !== 200 || (mustShow && !body.includes(mustShow))) throw new Error(`${path}: ${response.statusCode}, "${mustShow}" not shown`);
    return response.statusCode;
  };
  const lastYear = endedFinancialYears(today)[0]!;
  const reports: Array<[string, string]> = [
    ["/staff/reports", "Complaints received, by process and stage"],
    [`/staff/reports?from=${lastYear - 3}-04-01&to=${lastYear + 1}-03-31`, "Complaints received, by process and stage"],
    ["/staff/reports.csv?table=outcomes", ""],
    ["/staff/reports/childrens", "Statutory complaints by upheld status"],
    [`/staff/reports/childrens.csv?year=${lastYear}`, ""],
    [`/staff/reports/equality?period=${lastYear}`, "Ethnic group, by complaints process"],
    [`/staff/reports/equality?period=${lastYear}-q4`, "Ethnic group, by complaints process"],
    ["/staff/reports/self-assessment", "Acknowledgements, on time or late"],
  ];
  // Each report's first request counts its figures (nothing kept yet): as the first manager of the day sees it.
  for (const [path, mustShow] of reports) {
    const t0 = performance.now();
    await get(path, mustShow)();
    console.log(`${path}, first request (figures counted): ${(performance.now() - t0).toFixed(0)} ms`);
  }
  // The complaints report for a period no one has asked for yet, every time: a different first day each request.
  const uncounted = (i: number) => `/staff/reports?from=${addCalendarDays(`${lastYear}-04-01`, -(i + 1))}&to=${lastYear + 1}-03-31`;
  await run("/staff/reports for a new period each time (figures counted every time), one client at a time", Math.min(REQUESTS, 40), 1, (i) => get(uncounted(i), "Complaints received, by process and stage")());
  await run("/staff/reports for a new period each time, 5 at once", Math.min(REQUESTS, 40), 5, (i) => get(uncounted(100 + i), "Complaints received, by process and stage")());
  // Then as managers read, print and download them: the figures kept a few minutes.
  for (const [path, mustShow] of reports) await run(`${path}, one client at a time`, REQUESTS, 1, get(path, mustShow));
  await run("staff sign-in page (GET), beside the reports", REQUESTS * 2, 5, async () => {
    const response = await request(`${BASE}/staff/sign-in`, { dispatcher: agent });
    await response.body.dump();
    return response.statusCode;
  });
  for (const [path, mustShow] of reports) await run(path, REQUESTS, 5, get(path, mustShow));
  await agent.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  pg.stop();
}
