// Supporting files are kept in the database, so a database backup and restore brings them back with the
// complaint. A file is stored as it arrives, in chunks of CHUNK_BYTES (attachment_chunks), and is judged as it
// streams past (FileInspector), so it is never whole in memory; it is `kept` — listed, and given to the
// complaint — only once all the files posted with it have arrived and passed their checks. While a resident fills
// in the form the files belong to the draft; on submission they are attached to the complaint in the same
// transaction that creates it.
import { and, asc, eq, isNull, lt, or, sql, sum } from "drizzle-orm";
import type { Database } from "../../db/client";
import { violatedForeignKey } from "../../db/errors";
import { attachmentChunks, attachments, drafts } from "../../db/schema";
import { checkInspected, FileInspector } from "./file-check.server";
import { displayFilename, MAX_FILE_BYTES, MAX_FILES, UPLOAD_ERROR_KEYS, type UploadErrorKey } from "./file-type";
import type { IncomingFile } from "./multipart.server";
import { startScan } from "./virus-scan.server";
import { isUuid } from "~/forms/uuid";

export const ATTACHMENT_ERROR_KEYS = {
  ...UPLOAD_ERROR_KEYS,
  tooMany: "complaint.files.error.tooMany",
  draftUnavailable: "complaint.files.error.draftUnavailable",
} as const;

export type AttachmentErrorKey =
  | UploadErrorKey
  | typeof ATTACHMENT_ERROR_KEYS.tooMany
  | typeof ATTACHMENT_ERROR_KEYS.draftUnavailable;

/** A quarter of a megabyte a row: small enough to hold, big enough that a 10 MB file is 40 rows. */
export const CHUNK_BYTES = 256 * 1024;
/** How long a file may take to arrive before an unfinished one is deleted as abandoned. */
const ABANDONED_AFTER = "1 hour";

export type AttachmentMeta = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  scan: string;
  createdAt: Date;
};

export type StoredAttachment = AttachmentMeta & { draftId: string | null; complaintId: string | null };

/** A file that has arrived: stored but not yet kept (id), or refused with the reason (errorKey). */
export type ReceivedFile =
  | { id: string; filename: string; sha256: string; size: number }
  | { id: null; filename: string; errorKey: AttachmentErrorKey };

/** The files kept from one form (all of them when ok), and why each of the others was refused. */
export type AddAttachmentsResult =
  | { ok: true; stored: AttachmentMeta[] }
  | { ok: false; stored: AttachmentMeta[]; errors: Array<{ filename: string; errorKey: AttachmentErrorKey }> };

const meta = {
  id: attachments.id,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  scan: attachments.scan,
  createdAt: attachments.createdAt,
};

// Ids arrive from forms and URLs and are checked with isUuid: a malformed one is simply not found.

/**
 * Stores one file for a draft as it arrives, a chunk at a time, and checks it — its content, and with clamd when
 * `clamdSocket` (CLAMD_SOCKET) is set, its viruses; not yet kept (keepReceivedFiles). A file that fails its checks
 * is deleted at once. Bytes past MAX_FILE_BYTES are read but not stored.
 */
export async function receiveFile(
  db: Database,
  draftId: string,
  file: IncomingFile,
  options: { clamdSocket?: string } = {},
): Promise<ReceivedFile> {
  return receiveFileFor(db, { draftId }, file, options);
}

/**
 * Stores and checks one file sent to a complaint that already exists (information added later), as receiveFile
 * does for a draft; keepComplaintFiles keeps it in the transaction that records what it came with.
 */
export async function receiveComplaintFile(
  db: Database,
  complaintId: string,
  file: IncomingFile,
  options: { clamdSocket?: string } = {},
): Promise<ReceivedFile> {
  return receiveFileFor(db, { complaintId }, file, options);
}

async function receiveFileFor(
  db: Database,
  owner: { draftId: string } | { complaintId: string },
  file: IncomingFile,
  { clamdSocket = process.env.CLAMD_SOCKET }: { clamdSocket?: string },
): Promise<ReceivedFile> {
  const shown = displayFilename(file.filename);
  const refused = (errorKey: AttachmentErrorKey): ReceivedFile => ({ id: null, filename: shown, errorKey });
  const ownerId = "draftId" in owner ? owner.draftId : owner.complaintId;
  let id: string;
  try {
    if (!isUuid(ownerId)) throw new Error("not an id");
    const [row] = await db
      .insert(attachments)
      .values({ ...owner, filename: shown, contentType: "", size: 0, sha256: "" })
      .returning({ id: attachments.id });
    id = row!.id;
  } catch (error) {
    if (isUuid(ownerId) && !violatedForeignKey(error)) throw error;
    for await (const _ of file.stream); // read to its end, so the form after it can be read
    return { id: null, filename: "", errorKey: ATTACHMENT_ERROR_KEYS.draftUnavailable };
  }

  const inspector = new FileInspector();
  const scan = startScan(clamdSocket);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await db.insert(attachmentChunks).values({ attachmentId: id, seq: seq++, data });
  };
  try {
    for await (const chunk of file.stream) {
      inspector.push(chunk);
      if (inspector.size > MAX_FILE_BYTES) continue; // it will be refused as too big: no need to keep it
      pending.push(Buffer.from(chunk)); // a copy, so the parser's larger buffer is not held
      pendingBytes += chunk.length;
      await scan.write(chunk);
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    await scan.verdict();
    await db.delete(attachments).where(eq(attachments.id, id));
    throw error;
  }
  const [check, verdict] = await Promise.all([checkInspected(file.filename, inspector), scan.verdict()]);
  if (!check.ok || verdict.result === "infected") {
    await db.delete(attachments).where(eq(attachments.id, id));
    return refused(check.ok ? ATTACHMENT_ERROR_KEYS.virus : check.errorKey);
  }
  await db
    .update(attachments)
    .set({
      filename: check.safeFilename,
      contentType: check.contentType,
      size: inspector.size,
      sha256: inspector.sha256,
      scan: verdict.result,
    })
    .where(eq(attachments.id, id));
  return { id, filename: check.safeFilename, sha256: inspector.sha256, size: inspector.size };
}

/** Deletes files received but not kept (a form refused after they arrived). */
export async function discardReceivedFiles(db: Database, files: ReadonlyArray<ReceivedFile>): Promise<void> {
  for (const file of files) {
    if (file.id !== null) await db.delete(attachments).where(and(eq(attachments.id, file.id), eq(attachments.kept, false)));
  }
}

/**
 * Keeps the files received with one form that passed their checks, up to MAX_FILES per draft counting those
 * already kept, and names each one refused and why; a file identical to one the draft already has (a resubmitted
 * form) is not kept twice. Whatever is not kept is deleted.
 */
export async function keepReceivedFiles(
  db: Database,
  draftId: string,
  files: ReadonlyArray<ReceivedFile>,
): Promise<AddAttachmentsResult> {
  const refused = files.flatMap((file) => (file.id === null ? [{ filename: file.filename, errorKey: file.errorKey }] : []));
  const received = files.filter((file): file is Extract<ReceivedFile, { id: string }> => file.id !== null);
  const result = await db.transaction(async (tx): Promise<AddAttachmentsResult> => {
    // Locking the draft row makes concurrent uploads to one draft take turns, so the count below holds.
    const [draft] = isUuid(draftId)
      ? await tx.select({ submittedComplaintId: drafts.submittedComplaintId }).from(drafts).where(eq(drafts.id, draftId)).for("update")
      : [];
    if (!draft || draft.submittedComplaintId) {
      return { ok: false, stored: [], errors: [{ filename: "", errorKey: ATTACHMENT_ERROR_KEYS.draftUnavailable }] };
    }
    const existing = await tx
      .select(meta)
      .from(attachments)
      .where(and(eq(attachments.draftId, draftId), eq(attachments.kept, true)));
    const bySha = new Map(existing.map((row) => [row.sha256, row]));

    const fresh: typeof received = [];
    const stored: Array<AttachmentMeta | number> = []; // a number is an index into `fresh`
    for (const file of received) {
      const known = bySha.get(file.sha256);
      const earlier = fresh.findIndex((row) => row.sha256 === file.sha256);
      if (known) stored.push(known);
      else if (earlier !== -1) stored.push(earlier);
      else {
        stored.push(fresh.length);
        fresh.push(file);
      }
    }

    const room = Math.max(0, MAX_FILES - existing.length);
    const errors = [
      ...refused,
      ...fresh.slice(room).map((row) => ({ filename: row.filename, errorKey: ATTACHMENT_ERROR_KEYS.tooMany })),
    ];
    const kept: AttachmentMeta[] = [];
    // Upload order is kept by the timestamp: clock_timestamp() plus the file's place in the batch, since two
    // files can share a clock tick (PGlite).
    for (const [place, file] of fresh.slice(0, room).entries()) {
      const [row] = await tx
        .update(attachments)
        .set({ kept: true, createdAt: sql`clock_timestamp() + ${place} * interval '1 millisecond'` })
        .where(and(eq(attachments.id, file.id), eq(attachments.draftId, draftId)))
        .returning(meta);
      if (row) kept.push(row);
    }
    const keptFiles = stored.flatMap((entry) => (typeof entry === "number" ? (entry < room && kept[entry] ? [kept[entry]] : []) : [entry]));
    return errors.length > 0 ? { ok: false, stored: keptFiles, errors } : { ok: true, stored: keptFiles };
  });
  // Copies of files the draft already had, files past the limit, and every file of an unavailable draft, go.
  await discardReceivedFiles(db, received);
  return result;
}

/** The files of one form that passed their checks, a file chosen twice counted once: what an event names. */
export function filesToKeep(files: ReadonlyArray<ReceivedFile>): Array<{ id: string; filename: string }> {
  const seen = new Set<string>();
  return files.flatMap((file) => {
    if (file.id === null || seen.has(file.sha256)) return [];
    seen.add(file.sha256);
    return [{ id: file.id, filename: file.filename }];
  });
}

/**
 * Keeps files received for a complaint (receiveComplaintFile), in the order given; call inside the transaction
 * that records the event naming them (filesToKeep). Whatever is not kept is deleted by discardReceivedFiles, or by
 * the hourly clean-up.
 */
export async function keepComplaintFiles(tx: Database, complaintId: string, fileIds: ReadonlyArray<string>): Promise<number> {
  let kept = 0;
  for (const [place, id] of fileIds.entries()) {
    const rows = await tx
      .update(attachments)
      .set({ kept: true, createdAt: sql`clock_timestamp() + ${place} * interval '1 millisecond'` })
      .where(and(eq(attachments.id, id), eq(attachments.complaintId, complaintId), eq(attachments.kept, false)))
      .returning({ id: attachments.id });
    kept += rows.length;
  }
  return kept;
}

/** Megabytes held for drafts not yet sent, counting files still arriving as they were when they began. */
export async function unsentFileMegabytes(db: Database): Promise<number> {
  const [row] = await db.select({ bytes: sum(attachments.size) }).from(attachments).where(isNull(attachments.complaintId));
  return Number(row?.bytes ?? 0) / (1024 * 1024);
}

/** A draft's files, oldest first: metadata only, never the bytes. */
export async function listDraftAttachments(db: Database, draftId: string): Promise<AttachmentMeta[]> {
  if (!isUuid(draftId)) return [];
  return db
    .select(meta)
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), eq(attachments.kept, true)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** Removes a file from a draft that has not been submitted; false when it is not that draft's. */
export async function removeDraftAttachment(db: Database, draftId: string, attachmentId: string): Promise<boolean> {
  if (!isUuid(draftId) || !isUuid(attachmentId)) return false;
  const removed = await db
    .delete(attachments)
    .where(
      and(eq(attachments.id, attachmentId), eq(attachments.draftId, draftId), isNull(attachments.complaintId)),
    )
    .returning({ id: attachments.id });
  return removed.length > 0;
}

/** Gives a draft's files to the complaint made from it; call inside the transaction that creates it. */
export async function attachToComplaint(tx: Database, draftId: string, complaintId: string): Promise<number> {
  if (!isUuid(draftId)) return 0;
  const attached = await tx
    .update(attachments)
    .set({ complaintId })
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.complaintId), eq(attachments.kept, true)))
    .returning({ id: attachments.id });
  // A file still arriving from another tab when the complaint is sent is not part of it.
  await tx.delete(attachments).where(and(eq(attachments.draftId, draftId), eq(attachments.kept, false)));
  return attached.length;
}

/** A complaint's files, oldest first: metadata only. */
export async function listComplaintAttachments(db: Database, complaintId: string): Promise<AttachmentMeta[]> {
  if (!isUuid(complaintId)) return [];
  return db
    .select(meta)
    .from(attachments)
    .where(and(eq(attachments.complaintId, complaintId), eq(attachments.kept, true)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/**
 * One kept file's details, or null. The caller decides who may see it; `scope` narrows the lookup to a draft or
 * a complaint so a resident's download cannot reach another resident's file. Its bytes: attachmentContent.
 */
export async function readAttachment(
  db: Database,
  id: string,
  scope: { draftId?: string; complaintId?: string } = {},
): Promise<StoredAttachment | null> {
  if (!isUuid(id)) return null;
  if (scope.draftId !== undefined && !isUuid(scope.draftId)) return null;
  if (scope.complaintId !== undefined && !isUuid(scope.complaintId)) return null;
  const [row] = await db
    .select({ ...meta, draftId: attachments.draftId, complaintId: attachments.complaintId })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, id),
        eq(attachments.kept, true),
        scope.draftId !== undefined ? eq(attachments.draftId, scope.draftId) : undefined,
        scope.complaintId !== undefined ? eq(attachments.complaintId, scope.complaintId) : undefined,
      ),
    );
  return row ?? null;
}

/** A stored file's bytes, one chunk at a time: at most CHUNK_BYTES of it is in memory at once. */
export async function* attachmentContent(db: Database, id: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ data: attachmentChunks.data })
      .from(attachmentChunks)
      .where(and(eq(attachmentChunks.attachmentId, id), eq(attachmentChunks.seq, seq)));
    if (!chunk) return;
    yield chunk.data;
  }
}

/**
 * Deletes files left with neither a draft nor a complaint — deleting an expired draft only unlinks its files
 * (attachments.draft_id is "on delete set null"), so run this after purging drafts — and files that began
 * arriving over an hour ago and were never kept (the server stopped, or the connection went, mid-upload).
 */
export async function deleteOrphanedAttachments(db: Database): Promise<number> {
  const deleted = await db
    .delete(attachments)
    .where(
      or(
        and(isNull(attachments.draftId), isNull(attachments.complaintId)),
        and(eq(attachments.kept, false), lt(attachments.createdAt, sql`now() - ${ABANDONED_AFTER}::interval`)),
      ),
    )
    .returning({ id: attachments.id });
  return deleted.length;
}
