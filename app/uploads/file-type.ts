// Supporting files (issue: up to 5 files, PDF, JPEG, PNG or Word, 10 MB each) are judged by their content,
// never by the name or the type the browser claims. Pure code: runs on the server and in tests alike.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;

export type FileType = "pdf" | "jpeg" | "png" | "docx" | "doc";

export const ALLOWED_EXTENSIONS: Record<FileType, readonly string[]> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  docx: [".docx"],
  doc: [".doc"],
};

/** The type stored and served: from the detected content, never from the browser. */
export const CONTENT_TYPES: Record<FileType, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
};

export const UPLOAD_ERROR_KEYS = {
  empty: "complaint.files.error.empty",
  tooBig: "complaint.files.error.tooBig",
  wrongType: "complaint.files.error.wrongType",
  nameMismatch: "complaint.files.error.nameMismatch",
} as const;

export type UploadErrorKey = (typeof UPLOAD_ERROR_KEYS)[keyof typeof UPLOAD_ERROR_KEYS];

export type UploadCheck =
  | { ok: true; type: FileType; contentType: string; safeFilename: string }
  | { ok: false; errorKey: UploadErrorKey };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((value, index) => bytes[at + index] === value);
}

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

/** Entry names from the ZIP central directory, or from the local headers when there is none. */
function zipEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  // The end-of-directory record sits in the last 22 + 65535 (comment) bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (u32(bytes, at) !== ZIP_END_OF_DIRECTORY) continue;
    const count = u16(bytes, at + 10);
    let entry = u32(bytes, at + 16);
    for (let i = 0; i < count && entry + 46 <= bytes.length; i++) {
      if (u32(bytes, entry) !== ZIP_CENTRAL_HEADER) break;
      const nameLength = u16(bytes, entry + 28);
      names.add(latin1(bytes, entry + 46, nameLength));
      entry += 46 + nameLength + u16(bytes, entry + 30) + u16(bytes, entry + 32);
    }
    break;
  }
  // Walk the local headers too: a truncated or odd archive may lack a usable directory.
  let at = 0;
  while (at + 30 <= bytes.length && u32(bytes, at) === ZIP_LOCAL_HEADER) {
    const nameLength = u16(bytes, at + 26);
    names.add(latin1(bytes, at + 30, nameLength));
    const usesDataDescriptor = (u16(bytes, at + 6) & 0x08) !== 0;
    const compressedSize = u32(bytes, at + 18);
    if (usesDataDescriptor && compressedSize === 0) break; // size unknown here: rely on the directory
    at += 30 + nameLength + u16(bytes, at + 28) + compressedSize;
  }
  return names;
}

/**
 * The names in an OLE compound file's directory, lower-cased. Directory entries are 128 bytes, packed into sectors
 * that start at (n + 1) * sectorSize; an entry is a storage (1), a stream (2) or the root (5), and its name is
 * UTF-16LE with a length in bytes that counts the closing NUL.
 */
function oleEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const sectorShift = u16(bytes, 30);
  if (sectorShift !== 9 && sectorShift !== 12) return names;
  for (let at = 1 << sectorShift; at + 128 <= bytes.length; at += 128) {
    const length = u16(bytes, at + 64);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (u16(bytes, at + length - 2) !== 0) continue;
    let name = "";
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(u16(bytes, at + i));
    names.add(name.toLowerCase());
  }
  return names;
}

// Macros are the risk in Word files. A .docx with a VBA project is really a macro-enabled .docm; a Word 97–2003
// file keeps its macros in a "Macros" storage (with "VBA" inside it). Names are compared without case: Word
// itself does not care, so neither may the check.
const DOCX_MACRO_PARTS = /(^|\/)vbaproject\.bin$|(^|\/)vbadata\.xml$/;
const DOC_MACRO_STORAGES = ["macros", "vba", "_vba_project"];

/** What a file is, from its first bytes (and, for Word, its internal structure); null when not allowed. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return "pdf";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, JPEG_SIGNATURE)) return "jpeg";
  if (u32(bytes, 0) === ZIP_LOCAL_HEADER) {
    const names = [...zipEntryNames(bytes)].map((name) => name.toLowerCase());
    if (names.includes("word/document.xml") && !names.some((name) => DOCX_MACRO_PARTS.test(name))) return "docx";
    return null;
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const names = oleEntryNames(bytes);
    if (names.has("worddocument") && !DOC_MACRO_STORAGES.some((name) => names.has(name))) return "doc";
  }
  return null;
}

// Control characters, bidi embeddings/overrides/isolates and marks (which can disguise "exe.pdf" as "fdp.exe"),
// and characters Windows forbids in names.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
const MAX_FILENAME_LENGTH = 120;

/** The name's extension, lower-cased, when it looks like one (".pdf", not ". Smith" or ".2024"). */
function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{0,9}[a-z][a-z0-9]{0,9})$/i.exec(name);
  return match && match.index > 0 ? match[0].toLowerCase() : "";
}

/** The last path segment without control, bidi or Windows-reserved characters, or leading/trailing dots. */
function cleanName(filename: string): string {
  return (filename.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(UNSAFE_CHARACTERS, "")
    .replace(WINDOWS_RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
}

/** A name safe to show in a message about a file that was refused (no folders, control or bidi characters). */
export function displayFilename(filename: string): string {
  const chars = Array.from(cleanName(filename));
  return chars.length > MAX_FILENAME_LENGTH ? `${chars.slice(0, MAX_FILENAME_LENGTH - 1).join("")}…` : chars.join("") || "file";
}

/**
 * A name safe to store and show: no folders, control or bidi characters, at most 120 characters with the
 * extension kept, and the type's usual extension added when it has none.
 */
export function safeFilename(filename: string, type: FileType): string {
  let name = cleanName(filename);
  let extension = extensionOf(name);
  if (ALLOWED_EXTENSIONS[type].includes(extension)) {
    extension = name.slice(name.length - extension.length); // keep the resident's spelling, e.g. ".JPG"
  } else {
    extension = ALLOWED_EXTENSIONS[type][0] ?? "";
    name += extension;
  }
  let stem = name.slice(0, name.length - extension.length).trim();
  if (!stem) stem = "file";
  // Count code points, so a surrogate pair is never cut in half.
  const stemChars = Array.from(stem);
  const room = MAX_FILENAME_LENGTH - extension.length;
  if (stemChars.length > room) stem = stemChars.slice(0, room).join("").replace(/[\s.]+$/, "") || "file";
  return stem + extension;
}

/** Whether one uploaded file may be kept, and if so as what. */
export function checkUpload({ filename, bytes }: { filename: string; bytes: Uint8Array }): UploadCheck {
  if (bytes.length === 0) return { ok: false, errorKey: UPLOAD_ERROR_KEYS.empty };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, errorKey: UPLOAD_ERROR_KEYS.tooBig };
  const type = detectFileType(bytes);
  if (!type) return { ok: false, errorKey: UPLOAD_ERROR_KEYS.wrongType };
  // The name must not say something else: a PNG called "letter.pdf" is refused, so staff are not misled.
  const extension = extensionOf(cleanName(filename));
  if (extension && !ALLOWED_EXTENSIONS[type].includes(extension)) {
    return { ok: false, errorKey: UPLOAD_ERROR_KEYS.nameMismatch };
  }
  return { ok: true, type, contentType: CONTENT_TYPES[type], safeFilename: safeFilename(filename, type) };
}
