import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "../../db/client";
import { attachmentChunks, attachments, complaints, drafts, serviceAreas } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import {
  attachmentContent,
  attachToComplaint,
  CHUNK_BYTES,
  deleteOrphanedAttachments,
  listComplaintAttachments,
  listDraftAttachments,
  keepReceivedFiles,
  discardReceivedFiles,
  filesToKeep,
  keepComplaintFiles,
  receiveComplaintFile,
  readAttachment,
  type ReceivedFile,
  receiveFile,
  removeDraftAttachment,
} from "./attachments.server";
import { MAX_FILE_BYTES } from "./file-type";
import { oleCompoundFile, sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePng } from "./test-support/sample-files";

/** Files as the upload page stores them: each received as it streams in, then the batch kept or refused. */
async function addDraftAttachments(db: Database, draftId: string, files: Array<{ filename: string; bytes: Uint8Array }>) {
  const received: ReceivedFile[] = [];
  for (const { filename, bytes } of files) {
    received.push(await receiveFile(db, draftId, { filename, stream: (async function* () { yield bytes; })() }));
  }
  return keepReceivedFiles(db, draftId, received);
}

async function contentOf(db: Database, id: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of attachmentContent(db, id)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function newDraft(db: Database): Promise<string> {
  const [draft] = await db
    .insert(drafts)
    .values({ tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 7 * 86_400_000) })
    .returning({ id: drafts.id });
  return draft!.id;
}

/** Distinct small PDFs, so none is taken for a copy of another. */
function pdfs(count: number, prefix = "doc"): Array<{ filename: string; bytes: Buffer }> {
  return Array.from({ length: count }, (_, i) => ({
    filename: `${prefix}-${i + 1}.pdf`,
    bytes: Buffer.concat([samplePdf(), Buffer.from(`% ${prefix} ${i} ${randomBytes(4).toString("hex")}\n`)]),
  }));
}

async function countFor(db: Database, draftId: string): Promise<number> {
  return (await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.draftId, draftId))).length;
}

describe.each(DATABASE_KINDS)("supporting files on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await db.insert(serviceAreas).values({ slug: "waste", pathway: "corporate" });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores files with their hash, size, type and a safe name, and gives back the exact bytes", async () => {
    const draftId = await newDraft(db);
    const photo = samplePng();
    const result = await addDraftAttachments(db, draftId, [
      { filename: "C:\\fakepath\\letter\u202E.pdf", bytes: samplePdf() },
      { filename: "damp.png", bytes: photo },
      { filename: "notes.docx", bytes: sampleDocx() },
      { filename: "old.doc", bytes: oleCompoundFile(["WordDocument"]) },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.stored.map((file) => [file.filename, file.contentType])).toEqual([
      ["letter.pdf", "application/pdf"],
      ["damp.png", "image/png"],
      ["notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["old.doc", "application/msword"],
    ]);
    const png = result.stored[1]!;
    expect(png.size).toBe(photo.length);
    expect(png.sha256).toBe(createHash("sha256").update(photo).digest("hex"));

    const read = await readAttachment(db, png.id);
    expect((await contentOf(db, png.id)).equals(photo)).toBe(true);
    expect(read).toMatchObject({ draftId, complaintId: null, filename: "damp.png", contentType: "image/png", scan: "unscanned" });
  });

  it("round-trips a full 10 MB file byte for byte, stored and read a chunk at a time", async () => {
    const draftId = await newDraft(db);
    const bytes = Buffer.concat([samplePdf(), randomBytes(MAX_FILE_BYTES - samplePdf().length)]);
    // As the parser hands it over: 64 KB at a time.
    const pieces = (async function* () {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    })();
    const received = await receiveFile(db, draftId, { filename: "scan.pdf", stream: pieces });
    const result = await keepReceivedFiles(db, draftId, [received]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const id = result.stored[0]!.id;
    expect((await readAttachment(db, id))?.size).toBe(MAX_FILE_BYTES);
    const chunkSizes = (await db.select({ data: attachmentChunks.data }).from(attachmentChunks).where(eq(attachmentChunks.attachmentId, id))).map(
      (chunk) => chunk.data.length,
    );
    expect(chunkSizes.length).toBe(Math.ceil(MAX_FILE_BYTES / CHUNK_BYTES));
    expect(Math.max(...chunkSizes)).toBeLessThanOrEqual(CHUNK_BYTES);
    let largest = 0;
    const read: Buffer[] = [];
    for await (const chunk of attachmentContent(db, id)) {
      largest = Math.max(largest, chunk.length);
      read.push(chunk);
    }
    expect(largest).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(Buffer.concat(read).equals(bytes)).toBe(true);
  }, 60_000);

  it("lists no file until it has arrived in full and been kept, and deletes one abandoned part-way", async () => {
    const draftId = await newDraft(db);
    let release = () => {};
    const halfway = new Promise<void>((resolve) => (release = resolve));
    const arriving = receiveFile(db, draftId, {
      filename: "slow.pdf",
      stream: (async function* () {
        yield samplePdf();
        await halfway;
      })(),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listDraftAttachments(db, draftId)).toEqual([]);
    release();
    const received = await arriving;
    expect(await listDraftAttachments(db, draftId)).toEqual([]); // arrived, not yet kept
    await db.update(attachments).set({ createdAt: new Date(Date.now() - 2 * 3_600_000) }).where(eq(attachments.draftId, draftId));
    expect(await deleteOrphanedAttachments(db)).toBe(1);
    expect(received.id && (await readAttachment(db, received.id))).toBeFalsy();
    expect(await countFor(db, draftId)).toBe(0);
  }); // embedded PGlite moves 10 MB through WASM slowly

  it("lists a draft's files in upload order, without their bytes", async () => {
    const draftId = await newDraft(db);
    await addDraftAttachments(db, draftId, pdfs(2, "first"));
    await addDraftAttachments(db, draftId, [{ filename: "photo.jpg", bytes: sampleJpeg() }]);
    const listed = await listDraftAttachments(db, draftId);
    expect(listed.map((file) => file.filename)).toEqual(["first-1.pdf", "first-2.pdf", "photo.jpg"]);
    for (const file of listed) {
      expect(Object.keys(file).sort()).toEqual(["contentType", "createdAt", "filename", "id", "scan", "sha256", "size"]);
    }
    expect(await listDraftAttachments(db, await newDraft(db))).toEqual([]);
    expect(await listDraftAttachments(db, "not-a-uuid")).toEqual([]);
  });

  it("keeps the good files of a batch and names each refused one with the reason", async () => {
    const draftId = await newDraft(db);
    const result = await addDraftAttachments(db, draftId, [
      { filename: "fine.pdf", bytes: samplePdf() },
      { filename: "invoice.pdf", bytes: sampleExe() },
      { filename: "photo.pdf", bytes: samplePng() },
      { filename: "blank.pdf", bytes: new Uint8Array() },
      { filename: "evil\u202Efdp.exe", bytes: samplePdf(MAX_FILE_BYTES + 1) },
    ]);
    expect(result).toEqual({
      ok: false,
      stored: [expect.objectContaining({ filename: "fine.pdf" })],
      errors: [
        { filename: "invoice.pdf", errorKey: "complaint.files.error.notReal.pdf" },
        { filename: "photo.pdf", errorKey: "complaint.files.error.nameMismatch" },
        { filename: "blank.pdf", errorKey: "complaint.files.error.empty" },
        { filename: "evilfdp.exe", errorKey: "complaint.files.error.tooBig" },
      ],
    });
    expect((await listDraftAttachments(db, draftId)).map((file) => file.filename)).toEqual(["fine.pdf"]);
    expect(await countFor(db, draftId)).toBe(1);
  });

  it("keeps at most five files per draft, counting those already stored", async () => {
    const draftId = await newDraft(db);
    expect((await addDraftAttachments(db, draftId, pdfs(3, "a"))).ok).toBe(true);
    expect(await addDraftAttachments(db, draftId, pdfs(3, "b"))).toEqual({
      ok: false,
      stored: [expect.objectContaining({ filename: "b-1.pdf" }), expect.objectContaining({ filename: "b-2.pdf" })],
      errors: [{ filename: "b-3.pdf", errorKey: "complaint.files.error.tooMany" }],
    });
    expect(await countFor(db, draftId)).toBe(5);
    expect(await addDraftAttachments(db, draftId, pdfs(1, "sixth"))).toEqual({
      ok: false,
      stored: [],
      errors: [{ filename: "sixth-1.pdf", errorKey: "complaint.files.error.tooMany" }],
    });
    expect(await countFor(db, draftId)).toBe(5);
  });

  it("holds the limit when several uploads to one draft race", async () => {
    const draftId = await newDraft(db);
    const results = await Promise.all(
      ["a", "b", "c", "d", "e", "f"].map((prefix) => addDraftAttachments(db, draftId, pdfs(2, prefix))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(results.flatMap((result) => result.stored)).toHaveLength(5);
    expect(await countFor(db, draftId)).toBe(5);
  });

  it("does not store the same file twice in one draft", async () => {
    const draftId = await newDraft(db);
    const letter = { filename: "letter.pdf", bytes: samplePdf() };
    const first = await addDraftAttachments(db, draftId, [letter, { ...letter, filename: "copy.pdf" }]);
    const again = await addDraftAttachments(db, draftId, [letter]);
    expect(first.ok && first.stored.map((file) => file.filename)).toEqual(["letter.pdf", "letter.pdf"]);
    expect(again.ok && first.ok && again.stored[0]!.id).toBe(first.ok && first.stored[0]!.id);
    expect(await countFor(db, draftId)).toBe(1);
  });

  it("removes a file only from the draft it belongs to", async () => {
    const mine = await newDraft(db);
    const theirs = await newDraft(db);
    const added = await addDraftAttachments(db, mine, pdfs(2));
    if (!added.ok) throw new Error("setup failed");
    const [first, second] = added.stored;
    expect(await removeDraftAttachment(db, theirs, first!.id)).toBe(false);
    expect(await removeDraftAttachment(db, mine, "not-a-uuid")).toBe(false);
    expect(await removeDraftAttachment(db, "not-a-uuid", first!.id)).toBe(false);
    expect(await removeDraftAttachment(db, mine, first!.id)).toBe(true);
    expect(await removeDraftAttachment(db, mine, first!.id)).toBe(false);
    expect((await listDraftAttachments(db, mine)).map((file) => file.id)).toEqual([second!.id]);
  });

  it("gives a draft's files to its complaint on submission, then keeps them", async () => {
    const draftId = await newDraft(db);
    const added = await addDraftAttachments(db, draftId, pdfs(2));
    if (!added.ok) throw new Error("setup failed");
    const complaintId = await db.transaction(async (tx) => {
      const [complaint] = await tx
        .insert(complaints)
        .values({
          reference: `CCC-${randomBytes(4).toString("hex").toUpperCase()}`,
          serviceAreaSlug: "waste",
          pathway: "corporate",
          receivedOn: "2026-11-20",
          whatWentWrong: "Missed bin",
          draftId,
        })
        .returning({ id: complaints.id });
      expect(await attachToComplaint(tx, draftId, complaint!.id)).toBe(2);
      await tx.update(drafts).set({ submittedComplaintId: complaint!.id }).where(eq(drafts.id, draftId));
      return complaint!.id;
    });

    expect((await listComplaintAttachments(db, complaintId)).map((file) => file.id)).toEqual(
      added.stored.map((file) => file.id),
    );
    // Submitted: the draft's files can no longer be removed, nor new ones added.
    expect(await removeDraftAttachment(db, draftId, added.stored[0]!.id)).toBe(false);
    expect(await addDraftAttachments(db, draftId, pdfs(1, "late"))).toEqual({
      ok: false,
      stored: [],
      errors: [{ filename: "", errorKey: "complaint.files.error.draftUnavailable" }],
    });
    // A resident's download scoped to another complaint finds nothing.
    const fileId = added.stored[0]!.id;
    expect(await readAttachment(db, fileId, { complaintId })).not.toBeNull();
    expect(await readAttachment(db, fileId, { complaintId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await readAttachment(db, fileId, { draftId: await newDraft(db) })).toBeNull();

    // Files stay with the complaint when the draft is purged.
    await db.delete(drafts).where(eq(drafts.id, draftId));
    expect(await listComplaintAttachments(db, complaintId)).toHaveLength(2);
  });

  it("refuses files for a draft that does not exist", async () => {
    const draftUnavailable = { ok: false, stored: [], errors: [{ filename: "", errorKey: "complaint.files.error.draftUnavailable" }] };
    expect(await addDraftAttachments(db, "00000000-0000-4000-8000-000000000000", pdfs(1))).toEqual(draftUnavailable);
    expect(await addDraftAttachments(db, "not-a-uuid", pdfs(1))).toEqual(draftUnavailable);
  });

  it("finds nothing for an unknown or malformed id", async () => {
    expect(await readAttachment(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await readAttachment(db, "'; drop table attachments; --")).toBeNull();
  });

  it("deletes the files of drafts that were purged before submission", async () => {
    const draftId = await newDraft(db);
    await addDraftAttachments(db, draftId, pdfs(2, "abandoned"));
    await db.delete(drafts).where(eq(drafts.id, draftId));
    expect(await deleteOrphanedAttachments(db)).toBe(2);
    expect(await deleteOrphanedAttachments(db)).toBe(0);
  });

  it("receives files sent to an existing complaint, keeps those an event names once each, and discards the rest", async () => {
    const [complaint] = await db
      .insert(complaints)
      .values({ reference: `CCC-${randomBytes(4).toString("hex").toUpperCase()}`, serviceAreaSlug: "waste", pathway: "corporate", receivedOn: "2026-11-20", whatWentWrong: "Missed bin" })
      .returning({ id: complaints.id });
    const complaintId = complaint!.id;
    const [letter, photo] = pdfs(2, "later");
    const received: ReceivedFile[] = [];
    for (const file of [letter!, photo!, letter!, { filename: "run.pdf", bytes: sampleExe() }]) {
      received.push(await receiveComplaintFile(db, complaintId, { filename: file.filename, stream: (async function* () { yield file.bytes; })() }));
    }
    expect(received[3]).toMatchObject({ id: null, filename: "run.pdf" });
    // Nothing is listed until kept.
    expect(await listComplaintAttachments(db, complaintId)).toEqual([]);

    const named = filesToKeep(received);
    expect(named.map((file) => file.filename)).toEqual(["later-1.pdf", "later-2.pdf"]);
    expect(await db.transaction((tx) => keepComplaintFiles(tx as unknown as Database, complaintId, named.map((file) => file.id)))).toBe(2);
    await discardReceivedFiles(db, received);
    expect((await listComplaintAttachments(db, complaintId)).map((file) => file.filename)).toEqual(["later-1.pdf", "later-2.pdf"]);
    expect(await contentOf(db, named[0]!.id)).toEqual(letter!.bytes);
    // The copy of the letter chosen twice is gone, not left unkept.
    expect((await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.complaintId, complaintId))).length).toBe(2);
    // Another complaint's files cannot be kept for this one.
    expect(await keepComplaintFiles(db, "00000000-0000-4000-8000-000000000000", [named[0]!.id])).toBe(0);
  });

  it("refuses a file for a complaint that does not exist", async () => {
    const [file] = pdfs(1, "nowhere");
    const received = await receiveComplaintFile(db, "00000000-0000-4000-8000-000000000000", { filename: file!.filename, stream: (async function* () { yield file!.bytes; })() });
    expect(received).toEqual({ id: null, filename: "", errorKey: "complaint.files.error.draftUnavailable" });
  });
});
