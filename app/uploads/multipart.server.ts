// Reads a complaint form posted as multipart/form-data, with limits, into text fields and files in memory.
// A streaming parser of our own: Remix's unstable_parseMultipartFormData throws on legal file names such as
// "Letter; March.pdf" or "a=b.pdf", and throws rather than reporting an oversized part. Bad input is
// answered with a translation key and a 400 or 413, never an exception.
import { isBodyTooLarge, UPLOAD_BODY_LIMIT } from "~/http/request-body.server";
import { MAX_FILE_BYTES, MAX_FILES } from "./file-type";

/** Five full-size files plus room for the text fields and multipart framing. */
export const MAX_REQUEST_BYTES = UPLOAD_BODY_LIMIT;
export const MAX_FIELD_BYTES = 100 * 1024;
export const MAX_FIELDS = 200;
const MAX_PART_HEADER_BYTES = 16 * 1024;

export const MULTIPART_ERROR_KEYS = {
  notMultipart: "complaint.files.error.notMultipart",
  malformed: "complaint.files.error.malformed",
  tooMany: "complaint.files.error.tooMany",
  requestTooLarge: "complaint.files.error.requestTooLarge",
} as const;

export type MultipartErrorKey = (typeof MULTIPART_ERROR_KEYS)[keyof typeof MULTIPART_ERROR_KEYS];

/**
 * A file as posted. A file over MAX_FILE_BYTES is cut at MAX_FILE_BYTES + 1 bytes, so checkUpload reports it
 * as too big without the portal holding all of it.
 */
export type PostedFile = { filename: string; bytes: Uint8Array };

export type ComplaintUploads =
  | {
      ok: true;
      /** Each text field's first value, as FormData.get gives it. */
      fields: Record<string, string>;
      /** Every text field in order, for fields that repeat (checkboxes). */
      entries: Array<[string, string]>;
      files: PostedFile[];
    }
  | { ok: false; status: 400 | 413; errorKey: MultipartErrorKey };

class Refusal {
  constructor(
    readonly status: 400 | 413,
    readonly errorKey: MultipartErrorKey,
  ) {}
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

/** True when the request is a multipart form post that readComplaintUploads can read. */
export function isMultipart(request: Request): boolean {
  return multipartBoundary(request.headers.get("Content-Type")) !== null;
}

/** Reads the body in chunks, refusing once it passes MAX_REQUEST_BYTES. */
class BodyReader {
  total = 0;
  private reader: ReadableStreamDefaultReader<Uint8Array>;
  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async next(): Promise<Buffer | null> {
    const { done, value } = await this.reader.read();
    if (done) return null;
    this.total += value.byteLength;
    if (this.total > MAX_REQUEST_BYTES) throw new Refusal(413, MULTIPART_ERROR_KEYS.requestTooLarge);
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }

  /**
   * Reads whatever is left (an epilogue, or the rest after a refusal) so the browser sees our page rather than
   * a reset connection; past MAX_REQUEST_BYTES, or if the client has gone, the body is cancelled instead.
   */
  async finish(): Promise<void> {
    try {
      while ((await this.next()) !== null);
      this.reader.releaseLock();
    } catch {
      await this.reader.cancel().catch(() => {});
    }
  }
}

type PartHeaders = { name: string; filename: string | undefined };

/** Content-Disposition parameters, with quoted values that may hold ";" and "=". */
function dispositionParams(value: string): Map<string, string> | null {
  const params = new Map<string, string>();
  const semicolon = value.indexOf(";");
  if ((semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase() !== "form-data") return null;
  let at = semicolon === -1 ? value.length : semicolon + 1;
  while (at < value.length) {
    const equals = value.indexOf("=", at);
    if (equals === -1) break;
    const key = value.slice(at, equals).trim().toLowerCase();
    at = equals + 1;
    while (value[at] === " " || value[at] === "\t") at++;
    let text = "";
    if (value[at] === '"') {
      at++;
      while (at < value.length && value[at] !== '"') {
        // Only \" and \\ are escapes: a Windows path's other backslashes are kept.
        if (value[at] === "\\" && (value[at + 1] === '"' || value[at + 1] === "\\")) at++;
        text += value[at];
        at++;
      }
      if (at >= value.length) return null; // unterminated quote
      at = value.indexOf(";", at);
      at = at === -1 ? value.length : at + 1;
    } else {
      const end = value.indexOf(";", at);
      text = value.slice(at, end === -1 ? value.length : end).trim();
      at = end === -1 ? value.length : end + 1;
    }
    if (key && !params.has(key)) params.set(key, text);
  }
  return params;
}

function partHeaders(block: string): PartHeaders | null {
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1 || line.slice(0, colon).trim().toLowerCase() !== "content-disposition") continue;
    const params = dispositionParams(line.slice(colon + 1));
    const name = params?.get("name");
    if (!params || name === undefined) return null;
    let filename = params.get("filename");
    const extended = params.get("filename*"); // RFC 5987: charset''percent-encoded
    if (extended !== undefined) {
      try {
        filename = decodeURIComponent(extended.slice(extended.indexOf("''") + 2));
      } catch {
        // keep the plain filename
      }
    }
    // Browsers write ", CR and LF in names as %22, %0D and %0A (HTML multipart/form-data encoding).
    const unescape = (text: string) => text.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
    return { name: unescape(name), filename: filename === undefined ? undefined : unescape(filename) };
  }
  return null;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const utf8 = new TextDecoder("utf-8");

/** Parses the body, calling onPart for each part and onData with its bytes as they arrive. */
async function parseParts(
  body: BodyReader,
  boundary: string,
  onPart: (headers: PartHeaders) => void,
  onData: (chunk: Buffer) => void,
  onPartEnd: () => void,
): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const malformed = () => new Refusal(400, MULTIPART_ERROR_KEYS.malformed);
  // A leading CRLF lets the first boundary match the same delimiter as the rest.
  let buffer: Buffer = Buffer.from(CRLF);
  const more = async (): Promise<void> => {
    const chunk = await body.next();
    if (!chunk) throw malformed();
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
  };

  // Preamble: skip to the first delimiter.
  for (;;) {
    const found = buffer.indexOf(delimiter);
    if (found !== -1) {
      buffer = buffer.subarray(found + delimiter.length);
      break;
    }
    buffer = buffer.subarray(Math.max(0, buffer.length - delimiter.length + 1));
    await more();
  }

  for (;;) {
    // After a delimiter: "--" ends the body; otherwise optional whitespace, then CRLF and the headers.
    while (buffer.length < 2) await more();
    if (buffer[0] === 0x2d && buffer[1] === 0x2d) return;
    let lineEnd = buffer.indexOf(CRLF);
    while (lineEnd === -1) {
      if (buffer.length > 256) throw malformed();
      await more();
      lineEnd = buffer.indexOf(CRLF);
    }
    if (buffer.subarray(0, lineEnd).toString("latin1").trim() !== "") throw malformed();
    buffer = buffer.subarray(lineEnd);

    // Headers run from this CRLF to the blank line.
    let headerEnd = buffer.indexOf(HEADER_END);
    while (headerEnd === -1) {
      if (buffer.length > MAX_PART_HEADER_BYTES) throw malformed();
      await more();
      headerEnd = buffer.indexOf(HEADER_END);
    }
    const headers = partHeaders(utf8.decode(buffer.subarray(2, headerEnd)));
    if (!headers) throw malformed();
    buffer = buffer.subarray(headerEnd + HEADER_END.length);
    onPart(headers);

    // Content runs to the next delimiter; all but a possible partial delimiter at the end is passed on.
    for (;;) {
      const found = buffer.indexOf(delimiter);
      if (found !== -1) {
        if (found > 0) onData(buffer.subarray(0, found));
        buffer = buffer.subarray(found + delimiter.length);
        break;
      }
      const safe = buffer.length - delimiter.length + 1;
      if (safe > 0) {
        onData(buffer.subarray(0, safe));
        buffer = buffer.subarray(safe);
      }
      await more();
    }
    onPartEnd();
  }
}

/** Collects one part's bytes, keeping at most `keep` of them. */
class PartCollector {
  size = 0;
  private chunks: Buffer[] = [];
  private kept = 0;
  constructor(private readonly keep: number) {}

  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.kept >= this.keep) return;
    const piece = chunk.subarray(0, this.keep - this.kept);
    this.chunks.push(piece);
    this.kept += piece.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.kept);
  }
}

/**
 * The text fields and files of a complaint form. At most MAX_FILES files (not counting the empty part a browser
 * sends for "no file chosen"), MAX_FIELDS fields of MAX_FIELD_BYTES each, and MAX_REQUEST_BYTES in all.
 */
export async function readComplaintUploads(request: Request): Promise<ComplaintUploads> {
  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body || request.bodyUsed) {
    return { ok: false, status: 400, errorKey: MULTIPART_ERROR_KEYS.notMultipart };
  }
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    await request.body.cancel().catch(() => {});
    return { ok: false, status: 413, errorKey: MULTIPART_ERROR_KEYS.requestTooLarge };
  }

  const body = new BodyReader(request.body);
  const entries: Array<[string, string]> = [];
  const files: PostedFile[] = [];
  let current: { headers: PartHeaders; collector: PartCollector } | null = null;

  try {
    await parseParts(
      body,
      boundary,
      (headers) => {
        const isFile = headers.filename !== undefined;
        if (!isFile && entries.length >= MAX_FIELDS) throw new Refusal(413, MULTIPART_ERROR_KEYS.requestTooLarge);
        current = { headers, collector: new PartCollector(isFile ? MAX_FILE_BYTES + 1 : MAX_FIELD_BYTES + 1) };
      },
      (chunk) => current?.collector.add(chunk),
      () => {
        if (!current) return;
        const { headers, collector } = current;
        current = null;
        if (headers.filename === undefined) {
          if (collector.size > MAX_FIELD_BYTES) throw new Refusal(413, MULTIPART_ERROR_KEYS.requestTooLarge);
          entries.push([headers.name, utf8.decode(collector.bytes())]);
          return;
        }
        if (headers.filename === "" && collector.size === 0) return; // "no file chosen"
        files.push({ filename: headers.filename, bytes: collector.bytes() });
        if (files.length > MAX_FILES) throw new Refusal(400, MULTIPART_ERROR_KEYS.tooMany);
      },
    );
    await body.finish();
  } catch (error) {
    const refusal =
      error instanceof Refusal
        ? error
        : isBodyTooLarge(error)
          ? new Refusal(413, MULTIPART_ERROR_KEYS.requestTooLarge)
          : new Refusal(400, MULTIPART_ERROR_KEYS.malformed);
    await body.finish();
    return { ok: false, status: refusal.status, errorKey: refusal.errorKey };
  }

  // fromEntries defines own properties, so a field called "__proto__" is only a field.
  const firstValues = new Map<string, string>();
  for (const [name, value] of entries) if (!firstValues.has(name)) firstValues.set(name, value);
  return { ok: true, fields: Object.fromEntries(firstValues), entries, files };
}
