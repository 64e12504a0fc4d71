// Reads the "add information" form (issue 9, item 5): a message and up to 5 files, posted as multipart/form-data.
// Files go through the same checks as the complaint form's (content, size, type, viruses), stream into the
// database as they arrive, take turns with other uploads (upload-gate.server.ts) and count against the same
// per-client limits. A form without files may also come URL-encoded (a browser without the file field).
import { data } from "@remix-run/node";
import { BUSY_RETRY_AFTER_SECONDS } from "~/http/busy-page.server";
import { Overloaded } from "~/http/page-limiter.server";
import { rateLimitsFor, TOO_MANY } from "~/http/rate-limits.server";
import { assertSameOrigin } from "~/http/same-origin.server";
import { readFormEntries } from "~/journey/journey.server";
import { discardReceivedFiles, receiveComplaintFile, type ReceivedFile } from "~/uploads/attachments.server";
import { displayFilename } from "~/uploads/file-type";
import { isMultipart, readMultipart } from "~/uploads/multipart.server";
import { uploadGate } from "~/uploads/upload-gate.server";
import type { OwnComplaint } from "./resident-actions.server";

export type FormError = { field: string; key: string; params?: { filename: string } };

export type InformationForm =
  | { ok: true; fields: URLSearchParams; files: ReceivedFile[] }
  /** `message`: what the resident typed, when the form could be read. */
  | { ok: false; status: number; errors: FormError[]; message: string; headers?: Record<string, string> };

const refused = (status: number, key: string, headers?: Record<string, string>): InformationForm => ({
  ok: false,
  status,
  errors: [{ field: "files", key }],
  message: "",
  ...(headers ? { headers } : {}),
});

/**
 * The form's fields and its files, each either received (stored, not yet kept) or refused with its reason. The
 * caller keeps the files with the event (addInformation) and must then call discardReceivedFiles on them all:
 * whatever was not kept — a refused form, a second post of the same form — is deleted.
 */
export async function readInformationForm(own: OwnComplaint, request: Request, client: string): Promise<InformationForm> {
  if (!isMultipart(request)) return { ok: true, fields: await readFormEntries(request), files: [] };
  assertSameOrigin(request);
  const limited = await rateLimitsFor(own.db).consume([["uploads-per-client", client]]);
  if (!limited.ok) return refused(429, TOO_MANY, { "Retry-After": String(limited.retryAfterSeconds) });
  let turn;
  try {
    turn = await uploadGate().run(client, () => receiveAll(own, request), request.signal);
  } catch (error) {
    if (error instanceof Overloaded) return refused(503, "errors.busy.body", { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
    throw error;
  }
  if (!turn.ok) return refused(429, TOO_MANY, { "Retry-After": "10" });
  const form = turn.value;
  if (!form.ok) return form;
  const fileErrors = form.files.flatMap((file) =>
    file.id === null ? [{ field: "files", key: file.errorKey, params: { filename: displayFilename(file.filename) } }] : [],
  );
  const megabytes = Math.ceil(form.files.reduce((sum, file) => sum + (file.id === null ? 0 : file.size), 0) / (1024 * 1024));
  if (fileErrors.length === 0 && megabytes > 0) {
    const spent = await rateLimitsFor(own.db).consume([["upload-megabytes-per-client", client, megabytes]]);
    if (!spent.ok) {
      await discardReceivedFiles(own.db, form.files);
      return refused(429, TOO_MANY, { "Retry-After": String(spent.retryAfterSeconds) });
    }
  }
  if (fileErrors.length > 0) {
    // One file refused: none is kept, so the resident chooses them again with the reason in front of them.
    await discardReceivedFiles(own.db, form.files);
    return { ok: false, status: 400, errors: fileErrors, message: form.fields.get("message") ?? "" };
  }
  return form;
}

async function receiveAll(own: OwnComplaint, request: Request): Promise<InformationForm> {
  const received: ReceivedFile[] = [];
  const upload = await readMultipart(request, async (file) => {
    const stored = await receiveComplaintFile(own.db, own.complaintId, file);
    received.push(stored);
    return stored;
  });
  if (!upload.ok) {
    await discardReceivedFiles(own.db, received);
    return refused(upload.status, upload.errorKey);
  }
  return { ok: true, fields: new URLSearchParams(upload.entries), files: upload.files };
}

/** The page again for a form that could not be taken, with the message the resident typed when it was read. */
export function unreadForm(form: Extract<InformationForm, { ok: false }>) {
  const values = { message: form.message.slice(0, 10_000) };
  return data({ errors: form.errors, values, refused: null }, { status: form.status, ...(form.headers ? { headers: form.headers } : {}) });
}
