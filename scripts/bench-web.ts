// Benchmarks for the online complaint (issue 4), run on this machine with `npx tsx scripts/bench-web.ts`
// after `npm run build`. Not a test: it prints figures. It starts a throwaway PostgreSQL and the production
// server on it, then, from this same process (so the load generator shares the 2 cores):
//   1. final submission: POST /complaint/check-answers for prepared drafts, 20 concurrent clients;
//   2. journey pages: GET question pages with a saved draft, 50 concurrent clients;
//   3. JavaScript shipped to a journey page, gzipped;
//   4. (issue 9) asking for sign-in codes and signing in with them, 20 concurrent clients;
//   5. (issue 9) a complaint's own page with 30 events, as its complainant, 20 concurrent clients;
//   6. (issue 10) the "Your complaints" page of an advocate acting on 200 complaints, 20 concurrent clients.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { Agent, request } from "undici";
import { openDatabase } from "../db/client";
import { accounts, drafts } from "../db/schema";
import { startRepresentation } from "../app/representation/representation.server";
import { seedReferenceData } from "../db/seed";
import { changeCase, openCase } from "../app/cases/case-service.server";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";
import { percentile, run } from "./bench-support";

const PORT = 3299;
const BASE = `http://127.0.0.1:${PORT}`;
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 6000);
const PAGE_REQUESTS = Number(process.env.BENCH_PAGES ?? 10000);

const answers = {
  serviceArea: "waste-recycling", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01",
  proceedings: "no", whatWentWrong: "Missed bin", howAffected: "Rubbish", outcomeWanted: "Collect it",
  referenceNumbers: "", filesReviewed: "yes", complainingFor: "myself", giveDetails: "yes", name: "Ada", email: "ada@example.com", phone: "",
  address: "", preferredContact: "email", supportNeeds: "", interpreter: "no", interpreterLanguage: "",
};

const pg = await startThrowawayPostgres("portal_bench");
// BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const server = spawn("node", [...nodeArgs, "server.js"], {
  env: {
    ...process.env,
    DATABASE_URL: pg.url,
    PORT: String(PORT),
    NODE_ENV: "production",
    COOKIE_SECURE: "false",
    // One client sends thousands of complaints here: the limits are raised through configuration, as anyone would.
    RATE_LIMITS: JSON.stringify({
      "sends-per-client": { points: 1_000_000, seconds: 3600 },
      "sends-per-recipient": { points: 1_000_000, seconds: 3600 },
      "sign-in-codes-per-client": { points: 1_000_000, seconds: 3600 },
    }),
    // The code page shows the code (as in the demo), so the benchmark can sign in without reading mail.
    DEMO_SIGN_IN: "true",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));
  const { db, close } = await openDatabase({ kind: "postgres", url: pg.url });
  await seedReferenceData(db);
  const tokens: string[] = [];
  const rows = [];
  for (let i = 0; i < SUBMISSIONS + 1; i++) {
    const token = randomBytes(32).toString("base64url");
    tokens.push(token);
    rows.push({ tokenHash: createHash("sha256").update(token).digest("hex"), answers, expiresAt: new Date(Date.now() + 86_400_000) });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(drafts).values(rows.slice(i, i + 1000));
  await close();
  const cookie = (token: string) => `complaint=${Buffer.from(JSON.stringify(token)).toString("base64")}`;
  const agent = new Agent({ connections: 64 });

  // Warm up the server (JIT, connection pool).
  for (let i = 0; i < 200; i++) {
    const response = await request(`${BASE}/complaint/what-went-wrong`, { dispatcher: agent, headers: { cookie: cookie(tokens[SUBMISSIONS]!) } });
    await response.body.dump();
  }

  const pages = ["service", "what-went-wrong", "contact", "interpreter"];
  // Server time per page, from its Server-Timing header: `app` is loading and rendering it, `queue` the wait
  // for a turn (app/http/page-queue.server.ts).
  let serverTimes: { app: number[]; queue: number[] } = { app: [], queue: [] };
  const page = async (i: number) => {
    const response = await request(`${BASE}/complaint/${pages[i % pages.length]}`, {
      dispatcher: agent,
      headers: { cookie: cookie(tokens[SUBMISSIONS]!), "accept-language": "pl", "accept-encoding": "gzip" },
    });
    await response.body.dump();
    const timing = String(response.headers["server-timing"] ?? "");
    serverTimes.app.push(Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    serverTimes.queue.push(Number(/queue;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    return response.statusCode;
  };
  const serverTimeSummary = () => {
    const app = serverTimes.app.sort((a, b) => a - b);
    const queue = serverTimes.queue.sort((a, b) => a - b);
    serverTimes = { app: [], queue: [] };
    return (
      `  server time (Server-Timing app): p50 ${percentile(app, 50).toFixed(1)} ms, p95 ${percentile(app, 95).toFixed(1)} ms, ` +
      `p99 ${percentile(app, 99).toFixed(1)} ms; waiting for a turn (queue): p50 ${percentile(queue, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(queue, 95).toFixed(1)} ms`
    );
  };
  await run("journey pages (GET), one client at a time", 1000, 1, page);
  console.log(serverTimeSummary());
  await run("journey pages (GET)", PAGE_REQUESTS, 50, page);
  console.log(serverTimeSummary());

  // The equality questions' cookie from one sending, to measure their first page below.
  let equalityCookie = "";
  await run("final submission (POST /complaint/check-answers)", SUBMISSIONS, 20, async (i) => {
    const response = await request(`${BASE}/complaint/check-answers`, {
      method: "POST",
      dispatcher: agent,
      headers: { cookie: cookie(tokens[i]!), origin: BASE, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    await response.body.dump();
    const setCookies = ([] as string[]).concat(response.headers["set-cookie"] ?? []);
    equalityCookie ||= setCookies.find((value) => value.startsWith("equality="))?.split(";")[0] ?? "";
    return response.statusCode === 303 ? 200 : response.statusCode;
  });

  // JavaScript a journey page loads, gzipped, in every language, on question pages with a saved draft: its
  // module scripts and preloads, the shell's translations script, and the scripts inline in the page (its
  // data, which carries the page's own texts). The largest is reported.
  let largest = { total: 0, detail: "" };
  for (const language of ["en", "pl", "pa", "ro", "ur", "ar"]) {
    for (const step of [...pages, "check-answers", "equality/questions"]) {
      const response = await request(`${BASE}/complaint/${step}`, {
        dispatcher: agent,
        headers: { cookie: `${cookie(tokens[SUBMISSIONS]!)}; ${equalityCookie}`, "accept-language": language },
      });
      const html = await response.body.text();
      if (!html.includes(`lang="${language === "en" ? "en-GB" : language === "pa" ? "pa-Guru" : language}"`)) throw new Error(`/complaint/${step} was not in ${language}`);
      if (response.statusCode !== 200) throw new Error(`/complaint/${step} in ${language} answered ${response.statusCode}`);
      const files = new Set([...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!));
      let code = 0;
      for (const file of files) code += gzipSync(readFileSync(`build/client${file}`)).length;
      const shellScript = /src="(\/i18n\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
      const shell = shellScript ? gzipSync(await (await request(`${BASE}${shellScript}`, { dispatcher: agent })).body.text()).length : 0;
      const inline = gzipSync([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join("\n")).length;
      const total = code + shell + inline;
      if (total > largest.total) {
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        largest = {
          total,
          detail: `/complaint/${step} in ${language}: ${files.size} files ${kb(code)}, shell translations ${kb(shell)}, inline (page data and texts) ${kb(inline)}; ${kb(total)} (${total} bytes) in all`,
        };
      }
    }
  }
  console.log(`JavaScript on a journey page, gzipped, the largest of ${6 * (pages.length + 2)}: ${largest.detail}`);

  // Issue 9: asking for a code (POST /sign-in) and signing in with it (POST /sign-in/code), each its own address.
  const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 2000);
  const pending: { cookie: string; code: string }[] = [];
  const cookieOf = (response: Awaited<ReturnType<typeof request>>) =>
    ([] as string[]).concat(response.headers["set-cookie"] ?? []).map((value) => value.split(";")[0]).join("; ");
  /** Signs in as `email` through the pages (the code is shown on the page with DEMO_SIGN_IN): the session cookie. */
  const signedInCookieFor = async (email: string) => {
    const asked = await request(`${BASE}/sign-in`, { method: "POST", dispatcher: agent, headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" }, body: `email=${encodeURIComponent(email)}` });
    await asked.body.dump();
    const cookie = cookieOf(asked);
    const html = await (await request(`${BASE}/sign-in/code`, { dispatcher: agent, headers: { cookie } })).body.text();
    const code = /([0-9]{6})/.exec(html.split("govuk-inset-text")[1] ?? "")?.[1] ?? "";
    const done = await request(`${BASE}/sign-in/code`, { method: "POST", dispatcher: agent, headers: { origin: BASE, cookie, "content-type": "application/x-www-form-urlencoded" }, body: `code=${code}` });
    await done.body.dump();
    return cookieOf(done);
  };
  /** A signed-in GET, gzipped as a browser asks, checked for what the page must show, its server time kept. */
  const signedInGet = (path: string, cookie: string, language: string, mustShow: string) => async () => {
    const response = await request(`${BASE}${path}`, { dispatcher: agent, headers: { cookie, "accept-language": language, "accept-encoding": "gzip" } });
    const raw = Buffer.from(await response.body.arrayBuffer());
    const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
    if (response.statusCode === 200 && !body.includes(mustShow)) throw new Error(`${path} does not show "${mustShow}"`);
    const timing = String(response.headers["server-timing"] ?? "");
    serverTimes.app.push(Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    serverTimes.queue.push(Number(/queue;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    return response.statusCode;
  };
  await run("sign-in code requests (POST /sign-in)", SIGN_INS, 20, async (i) => {
    const response = await request(`${BASE}/sign-in`, {
      method: "POST",
      dispatcher: agent,
      headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
      body: `email=bench${i}%40example.com`,
    });
    await response.body.dump();
    pending[i] = { cookie: cookieOf(response), code: "" };
    return response.statusCode === 303 ? 200 : response.statusCode;
  });
  for (const entry of pending) {
    const html = await (await request(`${BASE}/sign-in/code`, { dispatcher: agent, headers: { cookie: entry.cookie } })).body.text();
    entry.code = /([0-9]{6})/.exec(html.split("govuk-inset-text")[1] ?? "")?.[1] ?? "";
  }
  await run("signing in with the code (POST /sign-in/code)", SIGN_INS, 20, async (i) => {
    const response = await request(`${BASE}/sign-in/code`, {
      method: "POST",
      dispatcher: agent,
      headers: { origin: BASE, cookie: pending[i]!.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: `code=${pending[i]!.code}`,
    });
    await response.body.dump();
    return response.statusCode === 303 ? 200 : response.statusCode;
  });

  // Issue 9: a complaint's page with 30 events (received, acknowledged, 28 pieces of information added), as the
  // person who made it, signed in.
  const owner = await openDatabase({ kind: "postgres", url: pg.url });
  const opened = await owner.db.transaction((tx) =>
    openCase(tx, {
      values: { reference: "CCC-BNCH-0030", serviceAreaSlug: "housing", pathway: "corporate", language: "pl", receivedOn: "2026-11-02", whatWentWrong: "Damp" },
      complainant: { name: "Bench", email: "bench0@example.com" },
      actor: "resident",
    }),
  );
  await changeCase(owner.db, { complaintId: opened.id, event: { type: "acknowledged", stage: 1, date: "2026-11-03" }, actor: "staff" });
  for (let i = 0; i < 28; i++) {
    await changeCase(owner.db, { complaintId: opened.id, event: { type: "information_added", date: "2026-11-04", message: `Note ${i}: the wall is still damp.`, files: [] }, actor: "resident" });
  }
  await owner.close();
  const complaintPage = signedInGet("/complaints/CCC-BNCH-0030", await signedInCookieFor("bench0@example.com"), "pl", "Note 27");
  await run("a complaint's page with 30 events (GET), one client at a time", 300, 1, complaintPage);
  console.log(serverTimeSummary());
  // Side by side, at the same 20 clients: a journey question page, the portal's lightest page with a database read,
  // so the complaint page's figure can be read against what the machine gives any page at that moment.
  const complaintPages = Number(process.env.BENCH_COMPLAINT_PAGES ?? 3000);
  await run("journey pages (GET), 20 concurrent, beside the complaint page", complaintPages, 20, page);
  console.log(serverTimeSummary());
  await run("a complaint's page with 30 events (GET)", complaintPages, 20, complaintPage);
  console.log(serverTimeSummary());

  // Issue 10: the dashboard of an advocate acting on 200 complaints, in all three live states of permission.
  const advocateDb = await openDatabase({ kind: "postgres", url: pg.url });
  const [advocate] = await advocateDb.db.insert(accounts).values({ email: "bench.advocate@example.com" }).returning({ id: accounts.id });
  const states = ["online", "signed_form", "elected_member"] as const;
  for (let i = 0; i < 200; i++) {
    await advocateDb.db.transaction(async (tx) => {
      const reference = `CCC-BNCH-${String(1000 + i)}`;
      const opened = await openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-02", whatWentWrong: "Damp" },
        complainant: { name: `Client ${i}`, email: "" },
        actor: "representative",
        accountId: advocate!.id,
      });
      await startRepresentation(tx, {
        complaintId: opened.id, reference, today: "2026-11-02",
        representative: { accountId: advocate!.id, email: "bench.advocate@example.com", name: "Bench Advocate", phone: "" },
        relationship: "advocate", relationshipDetail: "Bench Advice", route: states[i % 3]!, personUnder18: false,
        person: { name: `Client ${i}`, email: "", language: "en" }, summary: "Damp",
      });
    });
  }
  await advocateDb.close();
  // The first of four pages of 50, sorted by the person's name.
  const dashboard = signedInGet("/complaints?sort=person", await signedInCookieFor("bench.advocate@example.com"), "en", "Showing 1 to 50 of 200 complaints");
  await run("an advocate's dashboard of 200 complaints (GET), one client at a time", 100, 1, dashboard);
  console.log(serverTimeSummary());
  await run("an advocate's dashboard of 200 complaints (GET)", Number(process.env.BENCH_DASHBOARD_PAGES ?? 2000), 20, dashboard);
  console.log(serverTimeSummary());
  await agent.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  pg.stop();
}
