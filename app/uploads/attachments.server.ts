// Supporting files are kept in the database (attachments.data), so a database backup and restore brings them
// back with the complaint. While a resident fills in the form they belong to the draft; on submission they are
// attached to the complaint in the same transaction that creates it.
import { createHash } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { attachments, drafts } from "../../db/schema";
import { checkUpload, displayFilename, MAX_FILES, UPLOAD_ERROR_KEYS, type UploadErrorKey } from "./file-type";

export const ATTACHMENT_ERROR_KEYS = {
  ...UPLOAD_ERROR_KEYS,
  tooMany: "complaint.files.error.tooMany",
  draftUnavailable: "complaint.files.error.draftUnavailable",
} as const;

export type AttachmentErrorKey =
  | UploadErrorKey
  | typeof ATTACHMENT_ERROR_KEYS.tooMany
  | typeof ATTACHMENT_ERROR_KEYS.draftUnavailable;

export type AttachmentMeta = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
};

export type StoredAttachment = AttachmentMeta & { draftId: string | null; complaintId: string | null; bytes: Buffer };

export type AddAttachmentsResult =
  | { ok: true; stored: AttachmentMeta[] }
  | { ok: false; errors: Array<{ filename: string; errorKey: AttachmentErrorKey }> };

const meta = {
  id: attachments.id,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

// Ids arrive from forms and URLs; PostgreSQL would throw on a malformed uuid, so those are simply not found.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Checks and stores files for a draft: all of them or none. At most MAX_FILES per draft, counting those already
 * stored; a file identical to one the draft already has (a resubmitted form) is not stored twice.
 */
export async function addDraftAttachments(
  db: Database,
  draftId: string,
  files: ReadonlyArray<{ filename: string; bytes: Uint8Array }>,
): Promise<AddAttachmentsResult> {
  const checked = files.map((file) => ({ file, check: checkUpload(file) }));
  const errors = checked.flatMap(({ file, check }) =>
    check.ok ? [] : [{ filename: displayFilename(file.filename), errorKey: check.errorKey }],
  );
  if (errors.length > 0) return { ok: false, errors };
  if (!isUuid(draftId)) {
    return { ok: false, errors: [{ filename: "", errorKey: ATTACHMENT_ERROR_KEYS.draftUnavailable }] };
  }

  return db.transaction(async (tx): Promise<AddAttachmentsResult> => {
    // Locking the draft row makes concurrent uploads to one draft take turns, so the count below holds.
    const [draft] = await tx
      .select({ submittedComplaintId: drafts.submittedComplaintId })
      .from(drafts)
      .where(eq(drafts.id, draftId))
      .for("update");
    if (!draft || draft.submittedComplaintId) {
      return { ok: false, errors: [{ filename: "", errorKey: ATTACHMENT_ERROR_KEYS.draftUnavailable }] };
    }
    const existing = await tx.select(meta).from(attachments).where(eq(attachments.draftId, draftId));
    const bySha = new Map(existing.map((row) => [row.sha256, row]));

    const fresh: Array<{ filename: string; contentType: string; bytes: Buffer; sha256: string }> = [];
    const stored: Array<AttachmentMeta | number> = []; // a number is an index into `fresh`
    for (const { file, check } of checked) {
      if (!check.ok) continue;
      const sha256 = sha256Hex(file.bytes);
      const known = bySha.get(sha256);
      const earlier = fresh.findIndex((row) => row.sha256 === sha256);
      if (known) stored.push(known);
      else if (earlier !== -1) stored.push(earlier);
      else {
        stored.push(fresh.length);
        fresh.push({ filename: check.safeFilename, contentType: check.contentType, bytes: toBuffer(file.bytes), sha256 });
      }
    }

    const room = MAX_FILES - existing.length;
    if (fresh.length > room) {
      const refused = fresh.slice(Math.max(0, room));
      return {
        ok: false,
        errors: refused.map((row) => ({ filename: row.filename, errorKey: ATTACHMENT_ERROR_KEYS.tooMany })),
      };
    }

    const inserted: AttachmentMeta[] = [];
    // One statement per file keeps each message to PostgreSQL small. Upload order is kept by the timestamp:
    // clock_timestamp() plus the file's place in the batch, since two files can share a clock tick (PGlite).
    for (const [place, row] of fresh.entries()) {
      const [saved] = await tx
        .insert(attachments)
        .values({
          draftId,
          filename: row.filename,
          contentType: row.contentType,
          size: row.bytes.length,
          sha256: row.sha256,
          data: row.bytes,
          createdAt: sql`clock_timestamp() + ${place} * interval '1 millisecond'`,
        })
        .returning(meta);
      if (saved) inserted.push(saved);
    }
    return { ok: true, stored: stored.map((entry) => (typeof entry === "number" ? inserted[entry]! : entry)) };
  });
}

/** A draft's files, oldest first: metadata only, never the bytes. */
export async function listDraftAttachments(db: Database, draftId: string): Promise<AttachmentMeta[]> {
  if (!isUuid(draftId)) return [];
  return db
    .select(meta)
    .from(attachments)
    .where(eq(attachments.draftId, draftId))
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
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.complaintId)))
    .returning({ id: attachments.id });
  return attached.length;
}

/** A complaint's files, oldest first: metadata only. */
export async function listComplaintAttachments(db: Database, complaintId: string): Promise<AttachmentMeta[]> {
  if (!isUuid(complaintId)) return [];
  return db
    .select(meta)
    .from(attachments)
    .where(eq(attachments.complaintId, complaintId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/**
 * One file with its bytes, or null. The caller decides who may see it; `scope` narrows the lookup to a draft
 * or a complaint so a resident's download cannot reach another resident's file.
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
    .select({ ...meta, draftId: attachments.draftId, complaintId: attachments.complaintId, bytes: attachments.data })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, id),
        scope.draftId !== undefined ? eq(attachments.draftId, scope.draftId) : undefined,
        scope.complaintId !== undefined ? eq(attachments.complaintId, scope.complaintId) : undefined,
      ),
    );
  return row ?? null;
}

/**
 * Deletes files left with neither a draft nor a complaint: deleting an expired draft only unlinks its files
 * (attachments.draft_id is "on delete set null"), so run this after purging drafts.
 */
export async function deleteOrphanedAttachments(db: Database): Promise<number> {
  const deleted = await db
    .delete(attachments)
    .where(and(isNull(attachments.draftId), isNull(attachments.complaintId)))
    .returning({ id: attachments.id });
  return deleted.length;
}
