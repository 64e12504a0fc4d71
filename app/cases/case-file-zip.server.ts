// The case file as a ZIP (issue 12, item 4): its PDF, every file of the complaint as it was received, and
// SHA256SUMS.txt — the checksums the portal took when each file arrived, in the form `sha256sum -c` checks — so
// whoever receives it can show the files are the council's. Streamed with fflate: files are stored as they are
// (most are compressed already), one chunk at a time, read from the database only as fast as the client takes them.
import { createHash } from "node:crypto";
import { Zip, ZipPassThrough } from "fflate";
import type { Database } from "../../db/client";
import { attachmentContent, type AttachmentMeta } from "~/uploads/attachments.server";

/** A name safe to unpack anywhere: no folders, no characters Windows refuses, numbered so two files never collide. */
export function zipEntryName(index: number, filename: string): string {
  const safe = filename
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 150);
  return `files/${String(index + 1).padStart(2, "0")}-${safe || "file"}`;
}

type Entry = { name: string; modified: Date; chunks: () => AsyncIterable<Uint8Array> };

/** The ZIP's bytes as they are made, one entry after another. */
async function* zipChunks(entries: Entry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* ready.splice(0);
  };
  for (const entry of entries) {
    const file = new ZipPassThrough(entry.name);
    file.mtime = entry.modified;
    zip.add(file);
    for await (const chunk of entry.chunks()) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** The case file's ZIP, as a stream for the response. */
export function caseFileZip(db: Database, input: { reference: string; pdf: Buffer; files: AttachmentMeta[]; madeAt: Date }): ReadableStream<Uint8Array> {
  const pdfName = `case-file-${input.reference}.pdf`;
  const named = input.files.map((file, index) => ({ file, name: zipEntryName(index, file.filename) }));
  const sums = [
    `${createHash("sha256").update(input.pdf).digest("hex")}  ${pdfName}`,
    ...named.map(({ file, name }) => `${file.sha256}  ${name}`),
  ].join("\n");
  const entries: Entry[] = [
    { name: pdfName, modified: input.madeAt, chunks: async function* () { yield new Uint8Array(input.pdf); } },
    ...named.map(({ file, name }) => ({ name, modified: file.createdAt, chunks: () => attachmentContent(db, file.id) })),
    { name: "SHA256SUMS.txt", modified: input.madeAt, chunks: async function* () { yield new TextEncoder().encode(`${sums}\n`); } },
  ];
  const chunks = zipChunks(entries);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
