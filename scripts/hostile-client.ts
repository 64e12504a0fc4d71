// A hostile client, for issue 7: `npm run build && npx tsx scripts/hostile-client.ts [postgres|pglite]`. Not a
// test: it prints figures. It starts the production server on a throwaway PostgreSQL (or a fresh PGlite directory)
// on loopback, then, while one ordinary visitor keeps reading pages, sends the attacks the security review found:
// chunked 300 MB bodies, 50 parallel 10 MB uploads, 1,000 submissions from one client and hostile returnTo
// values. Every loop is bounded in count and time, and it only ever talks to 127.0.0.1. It reports the server's
// largest resident memory, every status it answered (a 5xx or a dropped answer counts against it), and the
// ordinary visitor's page latency as that visitor saw it.
// HOSTILE_DEBUG=1 also prints the slow pages (when each began, in ms from the start, and how long it took) and when
// each attack ended.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { openDatabase } from "../db/client";
import { drafts } from "../db/schema";
import { seedReferenceData } from "../db/seed";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";
import { samplePdf } from "../app/uploads/test-support/sample-files";

const kind = process.argv[2] === "pglite" ? "pglite" : "postgres";
const PORT = 3298;
const BASE = `http://127.0.0.1:${PORT}`;
const MEMORY_LIMIT_MB = kind === "postgres" ? 600 : 1024;
const PAGE_P95_LIMIT_MS = 200;
const DEADLINE = Date.now() + 10 * 60 * 1000;

const BEFORE_FILES = {
  serviceArea: "waste-recycling", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01",
  proceedings: "no", complainingFor: "myself", whatWentWrong: "Missed bin", howAffected: "Rubbish", outcomeWanted: "Collect it", referenceNumbers: "",
};
const COMPLETE = {
  ...BEFORE_FILES, filesReviewed: "yes", giveDetails: "yes", name: "Target", email: "target@example.com", phone: "",
  address: "", preferredContact: "email", supportNeeds: "", interpreter: "no", interpreterLanguage: "",
};

const statuses = new Map<string, number>();
const count = (attack: string, status: number | string) => {
  const key = `${attack} ${status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// The server, on the database chosen.
const pg = kind === "postgres" ? await startThrowawayPostgres("portal_hostile") : null;
const dataDir = kind === "pglite" ? mkdtempSync(join(tmpdir(), "portal-hostile-")) : null;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dataDir! }),
  PORT: String(PORT),
  NODE_ENV: "production",
  COOKIE_SECURE: "false",
};
// Drafts made straight in the database before the server starts: 50 at the files page, 1,000 ready to send, and
// one for the ordinary visitor.
const cookieFor = new Map<string, string>();
const tokens = { uploads: [] as string[], sends: [] as string[], visitor: "" };
{
  const { db, close } = await openDatabase(pg ? { kind: "postgres", url: pg.url } : { kind: "pglite", dataDir: dataDir! });
  await seedReferenceData(db);
  const rows: Array<typeof drafts.$inferInsert> = [];
  const make = (answers: Record<string, string>) => {
    const token = randomBytes(32).toString("base64url");
    rows.push({ tokenHash: createHash("sha256").update(token).digest("hex"), answers, expiresAt: new Date(Date.now() + 86_400_000) });
    cookieFor.set(token, `complaint=${Buffer.from(JSON.stringify(token)).toString("base64")}`);
    return token;
  };
  for (let i = 0; i < 50; i++) tokens.uploads.push(make(BEFORE_FILES));
  for (let i = 0; i < 1000; i++) tokens.sends.push(make(COMPLETE));
  tokens.visitor = make(BEFORE_FILES);
  for (let i = 0; i < rows.length; i += 500) await db.insert(drafts).values(rows.slice(i, i + 500));
  await close();
}
const server = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "inherit"] });
// The server's memory: its own resident set plus its workers' (on PostgreSQL it runs one per core), summed.
let peakRssKb = 0;
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
const workersOf = (pid: number) =>
  readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
const sampler = setInterval(() => {
  try {
    const total = [server.pid!, ...workersOf(server.pid!)].reduce((sum, pid) => sum + rssKb(pid), 0);
    peakRssKb = Math.max(peakRssKb, total);
  } catch {
    // a process went while it was being read
  }
}, 100);

try {
  await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));

  const agent = new Agent({ connections: 128, headersTimeout: 120_000, bodyTimeout: 120_000 });
  const origin = { origin: BASE };

  // The ordinary visitor: one page after another, as long as the attacks last.
  const visitorLatencies: number[] = [];
  const slow: Array<[number, number]> = [];
  const t0 = performance.now();
  let attacking = true;
  const visitor = (async () => {
    while (attacking && Date.now() < DEADLINE) {
      const started = performance.now();
      try {
        const response = await request(`${BASE}/complaint/what-went-wrong`, { dispatcher: agent, headers: { cookie: cookieFor.get(tokens.visitor)! } });
        await response.body.dump();
        count("ordinary page", response.statusCode);
      } catch {
        count("ordinary page", "dropped");
      }
      visitorLatencies.push(performance.now() - started);
      if (process.env.HOSTILE_DEBUG) slow.push([Math.round(started - t0), Math.round(performance.now() - started)]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  // 1. Chunked bodies of 300 MB with no Content-Length, four at once, to a form that takes 64 KB.
  const chunked = () =>
    new Promise<void>((resolve) => {
      const req = httpRequest({
        host: "127.0.0.1", port: PORT, method: "POST", path: "/compliment", agent: false,
        headers: { ...origin, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      }, (res) => {
        count("chunked 300 MB", res.statusCode!);
        res.resume();
        res.on("end", () => resolve());
      });
      let answered = false;
      req.on("response", () => (answered = true));
      req.on("error", () => {
        if (!answered) count("chunked 300 MB", "dropped");
        resolve();
      });
      const piece = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const write = () => {
        while (sent < (300 * 1024 * 1024) / piece.length && !answered && Date.now() < DEADLINE) {
          sent++;
          if (!req.write(piece)) return void req.once("drain", write);
        }
        req.end();
      };
      write();
    });
  const chunkedAttack = Promise.all(Array.from({ length: 4 }, chunked));

  // 2. Fifty 10 MB uploads at once, each to its own draft.
  const pdf = samplePdf(10 * 1024 * 1024 - 1024);
  const uploadAttack = Promise.all(
    tokens.uploads.map(async (token) => {
      const boundary = `----hostile${randomBytes(8).toString("hex")}`;
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      try {
        const response = await request(`${BASE}/complaint/files`, {
          method: "POST", dispatcher: agent, body,
          headers: { ...origin, cookie: cookieFor.get(token)!, "content-type": `multipart/form-data; boundary=${boundary}` },
        });
        await response.body.dump();
        count("10 MB upload", response.statusCode);
      } catch {
        count("10 MB upload", "dropped");
      }
    }),
  );

  // 3. A thousand complaints sent from one client, twenty at a time, every one to the same address.
  let next = 0;
  const sendAttack = Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < tokens.sends.length && Date.now() < DEADLINE) {
        const token = tokens.sends[next++]!;
        try {
          const response = await request(`${BASE}/complaint/check-answers`, {
            method: "POST", dispatcher: agent, body: "",
            headers: { ...origin, cookie: cookieFor.get(token)!, "content-type": "application/x-www-form-urlencoded" },
          });
          await response.body.dump();
          count("submission", response.statusCode);
        } catch {
          count("submission", "dropped");
        }
      }
    }),
  );

  // 4. Hostile return addresses for the language switcher: never a redirect off the site, never a 500.
  const hostileReturns = ["%2F%09%2Fevil.example", "%2F%5C%2Fevil.example", "%2F%2Fevil.example", "%2F%0A%2Fevil", "%2F%0D", "%2F%00", "%2F%C3%A9", "https%3A%2F%2Fevil.example"];
  let offSite = 0;
  for (const returnTo of hostileReturns) {
    try {
      const response = await request(`${BASE}/language?lng=pl&returnTo=${returnTo}`, { dispatcher: agent });
      await response.body.dump();
      const location = String(response.headers.location ?? "");
      if (location && location !== "/") offSite++;
      count("hostile returnTo", response.statusCode);
    } catch {
      count("hostile returnTo", "dropped");
    }
  }

  void uploadAttack.then(() => process.env.HOSTILE_DEBUG && console.log("uploads done", Math.round(performance.now() - t0)));
  void sendAttack.then(() => process.env.HOSTILE_DEBUG && console.log("sends done", Math.round(performance.now() - t0)));
  void chunkedAttack.then(() => process.env.HOSTILE_DEBUG && console.log("chunked done", Math.round(performance.now() - t0)));
  await Promise.all([chunkedAttack, uploadAttack, sendAttack]);
  if (process.env.HOSTILE_DEBUG) console.log(slow.filter(([, ms]) => ms > 150));
  attacking = false;
  await visitor;
  await agent.close();

  const sorted = [...visitorLatencies].sort((a, b) => a - b);
  const failures = [...statuses].filter(([key]) => / (5\d\d|dropped)$/.test(key));
  const peakMb = peakRssKb / 1024;
  console.log(`hostile client against the portal on ${kind}`);
  for (const [key, n] of [...statuses].sort()) console.log(`  ${key}: ${n}`);
  console.log(`  redirects off the site: ${offSite}`);
  console.log(`  server resident memory, peak, all its processes together: ${peakMb.toFixed(0)} MB (limit ${MEMORY_LIMIT_MB} MB)`);
  console.log(
    `  ordinary visitor, ${sorted.length} pages while under attack: p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(0)} ms (limit ${PAGE_P95_LIMIT_MS} ms)`,
  );
  const passed = failures.length === 0 && offSite === 0 && peakMb < MEMORY_LIMIT_MB && percentile(sorted, 95) < PAGE_P95_LIMIT_MS;
  console.log(passed ? "  result: within every limit" : `  result: NOT within the limits${failures.length ? ` (${failures.map(([key]) => key).join(", ")})` : ""}`);
  process.exitCode = passed ? 0 : 1;
} finally {
  clearInterval(sampler);
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
