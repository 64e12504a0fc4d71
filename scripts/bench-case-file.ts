// Benchmark for the Ombudsman case file (issue 12, item 4): `npm run build && npx tsx scripts/bench-case-file.ts`.
// Not a test: it prints figures. It starts a throwaway PostgreSQL and the production server on it, makes a complaint
// with 30 events and a 5 MB file, signs its complainant in, then from this same process (so the load generator
// shares the 2 cores) asks, one client at a time and then 5 at once, for the complaint's own page — what the case
// file is read beside — and its case file as a page, a PDF (in Polish, English and Urdu, whose Nastaliq script is
// the slowest to shape) and a ZIP, as the client sees them.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { Agent, request } from "undici";
import { openDatabase } from "../db/client";
import { attachmentChunks, attachments } from "../db/schema";
import { seedReferenceData } from "../db/seed";
import { startThrowawayPostgres } from "../db/test-support/throwaway-postgres";
import { signIn } from "../app/accounts/sessions.server";
import { changeCase, openCase } from "../app/cases/case-service.server";
import { run } from "./bench-support";

const PORT = 3297;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = Number(process.env.BENCH_CASE_FILE_REQUESTS ?? 60);

const pg = await startThrowawayPostgres("portal_bench_case_file");
const server = spawn("node", ["server.js"], {
  env: { ...process.env, DATABASE_URL: pg.url, PORT: String(PORT), NODE_ENV: "production", COOKIE_SECURE: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));
  const { db, close } = await openDatabase({ kind: "postgres", url: pg.url });
  await seedReferenceData(db);
  const opened = await db.transaction((tx) =>
    openCase(tx, {
      values: { reference: "CCC-BNCH-FILE", serviceAreaSlug: "housing", pathway: "corporate", language: "pl", receivedOn: "2026-11-02", whatWentWrong: "Damp in the bedroom since March." },
      complainant: { name: "Bench", email: "bench.file@example.com" },
      actor: "resident",
    }),
  );
  await changeCase(db, { complaintId: opened.id, event: { type: "acknowledged", stage: 1, date: "2026-11-03" }, actor: "staff" });
  for (let i = 0; i < 28; i++) {
    await changeCase(db, { complaintId: opened.id, event: { type: "information_added", date: "2026-11-04", message: `Note ${i}: the wall is still damp.`, files: [] }, actor: "resident" });
  }
  const bytes = Buffer.alloc(5 * 1024 * 1024, 7);
  const [file] = await db
    .insert(attachments)
    .values({ complaintId: opened.id, filename: "photos.pdf", contentType: "application/pdf", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), kept: true, scan: "clean" })
    .returning({ id: attachments.id });
  for (let seq = 0; seq * 262_144 < bytes.length; seq++) {
    await db.insert(attachmentChunks).values({ attachmentId: file!.id, seq, data: bytes.subarray(seq * 262_144, (seq + 1) * 262_144) });
  }
  const cookie = (await signIn(db, "bench.file@example.com")).setCookie.split(";")[0]!;
  await close();

  const agent = new Agent({ connections: 16 });
  const get = (path: string, language: string, size: number) => async () => {
    const response = await request(`${BASE}${path}`, { dispatcher: agent, headers: { cookie, "accept-language": language, "accept-encoding": "gzip" } });
    const body = Buffer.from(await response.body.arrayBuffer());
    if (response.statusCode !== 200 || body.length < size) throw new Error(`${path}: ${response.statusCode}, ${body.length} bytes`);
    return response.statusCode;
  };
  const asked: Array<[string, string, string, number]> = [
    ["the complaint's page", "/complaints/CCC-BNCH-FILE", "pl", 1000],
    ["the case file page", "/complaints/CCC-BNCH-FILE/case-file", "pl", 1000],
    ["the case file PDF, Polish", "/complaints/CCC-BNCH-FILE/case-file.pdf", "pl", 10_000],
    ["the case file PDF, English", "/complaints/CCC-BNCH-FILE/case-file.pdf", "en", 10_000],
    ["the case file PDF, Urdu", "/complaints/CCC-BNCH-FILE/case-file.pdf", "ur", 10_000],
    ["the case file ZIP (with the 5 MB file), Polish", "/complaints/CCC-BNCH-FILE/case-file.zip", "pl", bytes.length],
  ];
  for (const [, path, language, size] of asked) await get(path, language, size)(); // warm up each once
  for (const [label, path, language, size] of asked) await run(`${label}, one client at a time`, REQUESTS, 1, get(path, language, size));
  for (const [label, path, language, size] of asked) await run(`${label}, 5 at once`, REQUESTS, 5, get(path, language, size));
  await agent.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  pg.stop();
}
