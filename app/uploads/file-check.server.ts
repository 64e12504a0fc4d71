// Judges a supporting file by its content, as it streams past: `file-type` names the format from the first
// bytes, and the checks here look inside Word files for macros, which `file-type` does not. Server-only (hashing).
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import {
  ALLOWED_EXTENSIONS,
  cleanName,
  CONTENT_TYPES,
  extensionOf,
  type FileType,
  MAX_FILE_BYTES,
  NOT_REAL_ERROR_KEYS,
  safeFilename,
  UPLOAD_ERROR_KEYS,
  type UploadCheck,
} from "./file-type";

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
/** Enough of the start for `file-type` to tell the formats apart. */
const HEAD_BYTES = 64 * 1024;
/** The end-of-directory record (22 bytes and a comment of up to 64 KB), and room for the directory before it. */
const TAIL_BYTES = 22 + 0xffff + 64 * 1024;
/** Entry names longer than this are cut: the names that matter are short. */
const MAX_ZIP_NAME = 1024;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function latin1(bytes: Uint8Array, start: number, length: number): string {
  let text = "";
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** Entry names from a ZIP central directory that lies within `tail`, the last bytes of a file `size` long. */
function centralDirectoryNames(tail: Uint8Array, size: number, names: Set<string>): void {
  const base = size - tail.length; // the file offset of tail[0]
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) !== ZIP_END_OF_DIRECTORY) continue;
    const count = u16(tail, at + 10);
    let entry = u32(tail, at + 16) - base;
    for (let i = 0; i < count && entry >= 0 && entry + 46 <= tail.length; i++) {
      if (u32(tail, entry) !== ZIP_CENTRAL_HEADER) break;
      const nameLength = u16(tail, entry + 28);
      names.add(latin1(tail, entry + 46, Math.min(nameLength, MAX_ZIP_NAME)));
      entry += 46 + nameLength + u16(tail, entry + 30) + u16(tail, entry + 32);
    }
    return;
  }
}

/**
 * The name in an OLE compound file directory entry at `at`, lower-cased, or null when it is not one. Directory
 * entries are 128 bytes, packed into sectors; an entry is a storage (1), a stream (2) or the root (5), and its
 * name is UTF-16LE with a length in bytes that counts the closing NUL.
 */
function oleEntryName(bytes: Uint8Array, at: number): string | null {
  const length = u16(bytes, at + 64);
  const type = bytes[at + 66];
  if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) return null;
  if (u16(bytes, at + length - 2) !== 0) return null;
  let name = "";
  for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(u16(bytes, at + i));
  return name.toLowerCase();
}

// Macros are the risk in Word files. A .docx with a VBA project is really a macro-enabled .docm; a Word 97–2003
// file keeps its macros in a "Macros" storage (with "VBA" inside it). Names are compared without case: Word
// itself does not care, so neither may the check.
const DOCX_MACRO_PARTS = /(^|\/)vbaproject\.bin$|(^|\/)vbadata\.xml$/;
const DOC_MACRO_STORAGES = ["macros", "vba", "_vba_project"];

/**
 * Looks at a file as it streams past, holding only its first and last few kilobytes: its size, its SHA-256, the
 * names of every ZIP entry (from each local header, and from the central directory at the end) and of every OLE
 * directory entry. `file-type` then names the format from the first bytes; the entry names say whether a ZIP is
 * a Word document, and whether a Word document carries macros, which `file-type` does not check.
 */
export class FileInspector {
  size = 0;
  private readonly hash = createHash("sha256");
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);
  private zipCarry: Buffer = Buffer.alloc(0);
  private readonly zipNames = new Set<string>();
  private oleCarry: Buffer = Buffer.alloc(0);
  private oleOffset = 0; // the file offset of oleCarry[0]
  private readonly oleNames = new Set<string>();

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.size += bytes.length;
    this.hash.update(bytes);
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, bytes.subarray(0, HEAD_BYTES - this.head.length)]);
    const tail = Buffer.concat([this.tail, bytes]);
    this.tail = Buffer.from(tail.subarray(Math.max(0, tail.length - TAIL_BYTES)));
    this.scanZip(bytes);
    this.scanOle(bytes);
  }

  /** Every ZIP local header's name; a header cut by a chunk's end is finished with the next chunk. */
  private scanZip(bytes: Buffer): void {
    const buffer = this.zipCarry.length ? Buffer.concat([this.zipCarry, bytes]) : bytes;
    let at = buffer.indexOf(ZIP_LOCAL_HEADER);
    let unfinished = -1;
    while (at !== -1) {
      const nameLength = Math.min(u16(buffer, at + 26), MAX_ZIP_NAME);
      if (at + 30 + nameLength > buffer.length) {
        unfinished = at;
        break;
      }
      this.zipNames.add(latin1(buffer, at + 30, nameLength));
      at = buffer.indexOf(ZIP_LOCAL_HEADER, at + 4);
    }
    this.zipCarry = Buffer.from(buffer.subarray(unfinished !== -1 ? unfinished : Math.max(0, buffer.length - 3)));
  }

  /** Every 128-byte block after the first 512-byte header sector that reads as an OLE directory entry. */
  private scanOle(bytes: Buffer): void {
    let buffer = this.oleCarry.length ? Buffer.concat([this.oleCarry, bytes]) : bytes;
    let offset = this.oleOffset;
    if (offset < 512) {
      const skip = Math.min(512 - offset, buffer.length);
      buffer = buffer.subarray(skip);
      offset += skip;
    }
    let at = 0;
    for (; at + 128 <= buffer.length; at += 128) {
      const name = oleEntryName(buffer, at);
      if (name !== null) this.oleNames.add(name);
    }
    this.oleCarry = Buffer.from(buffer.subarray(at));
    this.oleOffset = offset + at;
  }

  /** Bytes held to judge the file: a few kilobytes from each end, whatever its size. */
  get heldBytes(): number {
    return this.head.length + this.tail.length + this.zipCarry.length + this.oleCarry.length;
  }

  get sha256(): string {
    return this.hash.copy().digest("hex");
  }

  /** What the file is; null when it is not one the portal takes. Call when all of it has been pushed. */
  async fileType(): Promise<FileType | null> {
    let detected: string | undefined;
    try {
      detected = (await fileTypeFromBuffer(this.head))?.ext;
    } catch {
      return null;
    }
    switch (detected) {
      case "pdf":
        return "pdf";
      case "png":
      case "apng":
        return "png";
      case "jpg":
        return "jpeg";
      case "zip":
      case "docx": {
        const names = new Set(this.zipNames);
        centralDirectoryNames(this.tail, this.size, names);
        const lower = [...names].map((name) => name.toLowerCase());
        if (lower.includes("word/document.xml") && !lower.some((name) => DOCX_MACRO_PARTS.test(name))) return "docx";
        return null;
      }
      case "cfb":
      case "doc": {
        const sectorShift = u16(this.head, 30);
        if (sectorShift !== 9 && sectorShift !== 12) return null;
        const names = this.oleNames;
        if (names.has("worddocument") && !DOC_MACRO_STORAGES.some((name) => names.has(name))) return "doc";
        return null;
      }
      default:
        return null;
    }
  }
}

/** What a file is, from its content; null when not allowed. */
export async function detectFileType(bytes: Uint8Array): Promise<FileType | null> {
  const inspector = new FileInspector();
  inspector.push(bytes);
  return inspector.fileType();
}

/** Whether a file that has been through `inspector` may be kept, and if so as what. */
export async function checkInspected(filename: string, inspector: FileInspector): Promise<UploadCheck> {
  if (inspector.size === 0) return { ok: false, errorKey: UPLOAD_ERROR_KEYS.empty };
  if (inspector.size > MAX_FILE_BYTES) return { ok: false, errorKey: UPLOAD_ERROR_KEYS.tooBig };
  const type = await inspector.fileType();
  const extension = extensionOf(cleanName(filename));
  if (!type) {
    // Named as a type the portal takes, but something else inside: say it is not a real one of those.
    const claimed = (Object.keys(ALLOWED_EXTENSIONS) as FileType[]).find((kind) => ALLOWED_EXTENSIONS[kind].includes(extension));
    return { ok: false, errorKey: claimed ? NOT_REAL_ERROR_KEYS[claimed] : UPLOAD_ERROR_KEYS.wrongType };
  }
  // The name must not say something else: a PNG called "letter.pdf" is refused, so staff are not misled.
  if (extension && !ALLOWED_EXTENSIONS[type].includes(extension)) {
    return { ok: false, errorKey: UPLOAD_ERROR_KEYS.nameMismatch };
  }
  return { ok: true, type, contentType: CONTENT_TYPES[type], safeFilename: safeFilename(filename, type) };
}

/** Whether one uploaded file, whole in memory, may be kept, and if so as what. */
export async function checkUpload({ filename, bytes }: { filename: string; bytes: Uint8Array }): Promise<UploadCheck> {
  const inspector = new FileInspector();
  inspector.push(bytes);
  return checkInspected(filename, inspector);
}
