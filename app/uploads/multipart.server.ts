// Reads a complaint form posted as multipart/form-data with busboy, streaming: text fields are collected, and
// each file is handed, as it arrives, to a `receive` function that stores it (attachments.server.ts keeps it in
// the database in chunks), so no file is ever whole in memory. Remix's unstable_parseMultipartFormData is not
// used: it throws on legal file names such as "Letter; March.pdf" and on an oversized part. Bad input is
// answered with a translation key and a 400 or 413, never an exception.
import busboy from "busboy";
import type { Readable } from "node:stream";
import { isBodyTooLarge, UPLOAD_BODY_LIMIT } from "~/http/request-body.server";
import { MAX_FILE_BYTES, MAX_FILES } from "./file-type";

/** Five full-size files plus room for the text fields and multipart framing. */
export const MAX_REQUEST_BYTES = UPLOAD_BODY_LIMIT;
export const MAX_FIELD_BYTES = 100 * 1024;
export const MAX_FIELDS = 200;

export const MULTIPART_ERROR_KEYS = {
  notMultipart: "complaint.files.error.notMultipart",
  malformed: "complaint.files.error.malformed",
  tooMany: "complaint.files.error.tooMany",
  requestTooLarge: "complaint.files.error.requestTooLarge",
} as const;

export type MultipartErrorKey = (typeof MULTIPART_ERROR_KEYS)[keyof typeof MULTIPART_ERROR_KEYS];

/**
 * A file as it arrives. Its stream stops after MAX_FILE_BYTES + 1 bytes (the rest is thrown away), so a file too
 * big is seen to be too big without the portal taking all of it; it must be read to its end.
 */
export type IncomingFile = { filename: string; stream: AsyncIterable<Uint8Array> };

export type MultipartForm<F> =
  | {
      ok: true;
      /** Each text field's first value, as FormData.get gives it. */
      fields: Record<string, string>;
      /** Every text field in order, for fields that repeat (checkboxes). */
      entries: Array<[string, string]>;
      /** What `receive` made of each file, in order. */
      files: F[];
    }
  | { ok: false; status: 400 | 413; errorKey: MultipartErrorKey };

class Refusal extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly errorKey: MultipartErrorKey,
  ) {
    super(errorKey);
  }
}

/** The boundary of a multipart/form-data Content-Type, or null for anything else. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType) return null;
  const [type, ...params] = contentType.split(";");
  if (type?.trim().toLowerCase() !== "multipart/form-data") return null;
  for (const param of params) {
    const match = /^\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s"]{1,70}))\s*$/i.exec(param);
    if (match) return match[1] ?? match[2] ?? null;
  }
  return null;
}

/** True when the request is a multipart form post that readMultipart can read. */
export function isMultipart(request: Request): boolean {
  return multipartBoundary(request.headers.get("Content-Type")) !== null;
}

// Browsers write ", CR and LF in names as %22, %0D and %0A (HTML multipart/form-data encoding).
const unescapeName = (text: string) => text.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");

/** The stream's bytes, or null when it turns out to be empty (the part a browser sends for "no file chosen"). */
async function unlessEmpty(stream: Readable): Promise<AsyncIterable<Uint8Array> | null> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return null;
  const head = first.value;
  return {
    async *[Symbol.asyncIterator]() {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
}

async function* emptyStream(): AsyncIterable<Uint8Array> {}

/**
 * The text fields of a complaint form, and what `receive` made of each file. At most MAX_FILES files (not
 * counting the empty part a browser sends for "no file chosen"), MAX_FIELDS fields of MAX_FIELD_BYTES each, and
 * MAX_REQUEST_BYTES in all. A refused body is still read to its end (up to MAX_REQUEST_BYTES), so the browser
 * sees the answer rather than a reset connection. Whatever the outcome, every `receive` has finished when this
 * returns; files received before a refusal are the caller's to discard.
 */
export async function readMultipart<F>(request: Request, receive: (file: IncomingFile) => Promise<F>): Promise<MultipartForm<F>> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body || request.bodyUsed) {
    return { ok: false, status: 400, errorKey: MULTIPART_ERROR_KEYS.notMultipart };
  }
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    await request.body.cancel().catch(() => {});
    return { ok: false, status: 413, errorKey: MULTIPART_ERROR_KEYS.requestTooLarge };
  }

  const parser = busboy({
    headers: { "content-type": `multipart/form-data; boundary="${boundary.replace(/\\/g, "\\\\")}"` },
    preservePath: true, // file-type.ts keeps only the last path segment, however it is written
    defParamCharset: "utf8",
    limits: {
      fieldNameSize: 1024,
      fieldSize: MAX_FIELD_BYTES + 1,
      fields: MAX_FIELDS,
      fileSize: MAX_FILE_BYTES + 1,
      parts: MAX_FIELDS + MAX_FILES + 10,
      headerPairs: 20,
    },
  });

  const entries: Array<[string, string]> = [];
  const received: Array<Promise<F | null>> = [];
  const receiving = new Set<Readable>();
  let files = 0;
  let refusal: Refusal | null = null;
  let stopWriting = () => {};
  const stopped = new Promise<void>((resolve) => (stopWriting = resolve));
  const refuse = (status: 400 | 413, errorKey: MultipartErrorKey) => {
    refusal ??= new Refusal(status, errorKey);
    stopWriting(); // a write waiting on a file stream that is now destroyed would wait for ever
    for (const stream of receiving) stream.destroy(refusal);
  };
  const tooLarge = () => refuse(413, MULTIPART_ERROR_KEYS.requestTooLarge);

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) return tooLarge();
    entries.push([unescapeName(name), value]);
  });
  parser.on("fieldsLimit", tooLarge);
  parser.on("partsLimit", tooLarge);
  parser.on("file", (_name, stream, info) => {
    if (refusal) return stream.resume();
    receiving.add(stream);
    received.push(
      (async () => {
        try {
          const bytes = await unlessEmpty(stream);
          if (bytes === null && !info.filename) return null; // "no file chosen"
          files += 1;
          if (files > MAX_FILES) {
            refuse(400, MULTIPART_ERROR_KEYS.tooMany);
            return null;
          }
          return await receive({ filename: unescapeName(info.filename ?? ""), stream: bytes ?? emptyStream() });
        } finally {
          receiving.delete(stream);
          stream.resume(); // whatever was not read is thrown away, so the parser moves on
        }
      })(),
    );
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.once("close", resolve);
    parser.once("error", reject);
  });
  parsed.catch(() => {});
  parser.on("error", () => {}); // destroying the parser after a refusal reports the form unfinished: known already

  const write = (chunk: Uint8Array) =>
    Promise.race([
      new Promise<void>((resolve, reject) => parser.write(chunk, (error) => (error ? reject(error) : resolve()))),
      parsed,
      stopped,
    ]);

  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_REQUEST_BYTES) throw new Refusal(413, MULTIPART_ERROR_KEYS.requestTooLarge);
      if (!refusal) await write(value); // after a refusal the rest is read and thrown away
    }
    if (!refusal) {
      parser.end();
      await parsed;
    }
  } catch (error) {
    if (error instanceof Refusal) refuse(error.status, error.errorKey);
    else if (isBodyTooLarge(error)) tooLarge();
    else refuse(400, MULTIPART_ERROR_KEYS.malformed);
    await reader.cancel().catch(() => {});
  }
  if (refusal) parser.destroy();

  const outcomes = await Promise.allSettled(received);
  const refused = refusal as Refusal | null;
  if (refused) return { ok: false, status: refused.status, errorKey: refused.errorKey };
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason; // the store failed, not the form: a server error
  const kept = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" && outcome.value !== null ? [outcome.value] : []));

  // fromEntries defines own properties, so a field called "__proto__" is only a field.
  const firstValues = new Map<string, string>();
  for (const [name, value] of entries) if (!firstValues.has(name)) firstValues.set(name, value);
  return { ok: true, fields: Object.fromEntries(firstValues), entries, files: kept };
}
