// Supporting files (issue: up to 5 files, PDF, JPEG, PNG or Word, 10 MB each) are judged by their content,
// never by the name or the type the browser claims (file-check.server.ts). This module holds the limits, the
// types and the names, which the upload page shows too.

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

/** What a file picker offers: the portal's types, by name and by type. */
export const FILE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.doc,.docx,application/pdf,image/jpeg,image/png";

export const UPLOAD_ERROR_KEYS = {
  empty: "complaint.files.error.empty",
  tooBig: "complaint.files.error.tooBig",
  wrongType: "complaint.files.error.wrongType",
  nameMismatch: "complaint.files.error.nameMismatch",
  virus: "complaint.files.error.virus",
} as const;

/** For a file named as one of the portal's types with something else inside: "letter.pdf is not a real PDF file". */
export const NOT_REAL_ERROR_KEYS = {
  pdf: "complaint.files.error.notReal.pdf",
  jpeg: "complaint.files.error.notReal.jpeg",
  png: "complaint.files.error.notReal.png",
  docx: "complaint.files.error.notReal.word",
  doc: "complaint.files.error.notReal.word",
} as const satisfies Record<FileType, string>;

export type UploadErrorKey =
  | (typeof UPLOAD_ERROR_KEYS)[keyof typeof UPLOAD_ERROR_KEYS]
  | (typeof NOT_REAL_ERROR_KEYS)[keyof typeof NOT_REAL_ERROR_KEYS];

export type UploadCheck =
  | { ok: true; type: FileType; contentType: string; safeFilename: string }
  | { ok: false; errorKey: UploadErrorKey };

// Control characters, bidi embeddings/overrides/isolates and marks (which can disguise "exe.pdf" as "fdp.exe"),
// and characters Windows forbids in names.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
const MAX_FILENAME_LENGTH = 120;

/** The name's extension, lower-cased, when it looks like one (".pdf", not ". Smith" or ".2024"). */
export function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{0,9}[a-z][a-z0-9]{0,9})$/i.exec(name);
  return match && match.index > 0 ? match[0].toLowerCase() : "";
}

/** The last path segment without control, bidi or Windows-reserved characters, or leading/trailing dots. */
export function cleanName(filename: string): string {
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
