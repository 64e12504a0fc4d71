import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { attachments, drafts } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { keepReceivedFiles, readAttachment, receiveFile } from "./attachments.server";
import { samplePdf } from "./test-support/sample-files";
import { EICAR, EICAR_SIGNATURE, startThrowawayClamd, type ThrowawayClamd } from "./test-support/throwaway-clamd";
import { startScan } from "./virus-scan.server";

let clamd: ThrowawayClamd;
beforeAll(async () => {
  clamd = await startThrowawayClamd();
}, 90_000);
afterAll(async () => {
  await clamd?.stop();
});

/** A PDF with the EICAR test string hidden in it, in a comment: the file type checks cannot see it. */
const infectedPdf = () => Buffer.concat([samplePdf(), Buffer.from(`% ${EICAR}\n`)]);

async function scanned(bytes: Buffer, socket: string | undefined, pieces = 3) {
  const scan = startScan(socket);
  const size = Math.ceil(bytes.length / pieces);
  for (let at = 0; at < bytes.length; at += size) await scan.write(bytes.subarray(at, at + size));
  return scan.verdict();
}

describe("scanning files with clamd", () => {
  it("finds a virus anywhere in a file, however it arrives, and passes a clean one", async () => {
    expect(await scanned(infectedPdf(), clamd.socket)).toEqual({ result: "infected", signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
    expect(await scanned(infectedPdf(), clamd.socket, 40)).toMatchObject({ result: "infected" });
    expect(await scanned(Buffer.concat([samplePdf(), randomBytes(3 * 1024 * 1024)]), clamd.socket)).toEqual({ result: "clean" });
  });

  it("marks a file unscanned, never clean, when there is no scanner or it cannot be reached", async () => {
    expect(await scanned(infectedPdf(), undefined)).toMatchObject({ result: "unscanned", reason: expect.stringContaining("CLAMD_SOCKET") });
    expect(await scanned(infectedPdf(), "/nonexistent/clamd.sock")).toMatchObject({ result: "unscanned", reason: "ENOENT" });
  });
});

describe.each(DATABASE_KINDS)("uploads scanned on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const draft = async () =>
    (await database.db.insert(drafts).values({ tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) }).returning())[0]!.id;
  const once = (bytes: Buffer) => (async function* () { yield bytes; })();

  it("refuses a file with a virus and keeps nothing of it; marks a clean one clean", async () => {
    const draftId = await draft();
    const infected = await receiveFile(database.db, draftId, { filename: "letter.pdf", stream: once(infectedPdf()) }, { clamdSocket: clamd.socket });
    expect(infected).toEqual({ id: null, filename: "letter.pdf", errorKey: "complaint.files.error.virus" });
    expect(await database.db.select().from(attachments).where(eq(attachments.draftId, draftId))).toEqual([]);

    const clean = await receiveFile(database.db, draftId, { filename: "letter.pdf", stream: once(samplePdf()) }, { clamdSocket: clamd.socket });
    const kept = await keepReceivedFiles(database.db, draftId, [clean]);
    expect(kept.ok && (await readAttachment(database.db, kept.stored[0]!.id))?.scan).toBe("clean");
  });

  it("keeps a file as unscanned when no scanner is configured", async () => {
    const draftId = await draft();
    const received = await receiveFile(database.db, draftId, { filename: "letter.pdf", stream: once(samplePdf()) }, { clamdSocket: "" });
    const kept = await keepReceivedFiles(database.db, draftId, [received]);
    expect(kept.ok && (await readAttachment(database.db, kept.stored[0]!.id))?.scan).toBe("unscanned");
  });
});
