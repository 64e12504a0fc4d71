import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUpload } from "./file-check.server";
import { MAX_FILE_BYTES } from "./file-type";
import { isMultipart, MAX_FIELD_BYTES, MAX_REQUEST_BYTES, multipartBoundary, readMultipart } from "./multipart.server";
import { sampleJpeg, samplePdf, samplePng } from "./test-support/sample-files";

const URL = "http://portal.test/complaint/files";

/** The form, with each file read into memory as it streams past (the portal stores them in the database). */
function readComplaintUploads(request: Request) {
  return readMultipart(request, async ({ filename, stream }) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { filename, bytes: Buffer.concat(chunks) };
  });
}

function post(form: FormData): Request {
  return new Request(URL, { method: "POST", body: form });
}

/** A multipart request whose body arrives in the given chunk sizes, with no Content-Length. */
function streamed(body: Uint8Array, contentType: string, sizes: number[] = [body.length]): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let at = 0;
      for (let i = 0; at < body.length; i++) {
        const size = Math.max(1, sizes[i % sizes.length] ?? body.length);
        controller.enqueue(body.slice(at, at + size));
        at += size;
      }
      controller.close();
    },
  });
  return new Request(URL, { method: "POST", body: stream, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
}

/** FormData as the bytes a browser would send. */
async function encoded(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("Content-Type") ?? "" };
}

function file(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

/** The "no file chosen" part a browser sends for an empty file input. */
function noFileChosen(): File {
  return new File([], "", { type: "application/octet-stream" });
}

describe("reading a complaint form with files", () => {
  it("returns the text fields and the files' exact bytes", async () => {
    const form = new FormData();
    form.append("whatWentWrong", "The bin was not collected.\r\nTwice — in März.");
    form.append("support", "large-print");
    form.append("support", "interpreter");
    form.append("files", file(samplePdf(), "letter.pdf"));
    form.append("files", file(samplePng(), "damp.png"));
    const result = await readComplaintUploads(post(form));
    expect(result).toMatchObject({
      ok: true,
      fields: { whatWentWrong: "The bin was not collected.\r\nTwice — in März.", support: "large-print" },
      entries: [
        ["whatWentWrong", "The bin was not collected.\r\nTwice — in März."],
        ["support", "large-print"],
        ["support", "interpreter"],
      ],
    });
    if (!result.ok) return;
    expect(result.files.map((f) => f.filename)).toEqual(["letter.pdf", "damp.png"]);
    expect(Buffer.from(result.files[0]!.bytes).equals(samplePdf())).toBe(true);
    expect(Buffer.from(result.files[1]!.bytes).equals(samplePng())).toBe(true);
  });

  it("keeps names with semicolons, equals signs, quotes and other scripts (which Remix's parser rejects)", async () => {
    const names = ["Letter; 3 March.pdf", "a=b.pdf", 'The "final" letter.pdf', "شكوى.pdf", "zażalenie.pdf"];
    const form = new FormData();
    for (const name of names) form.append("files", file(samplePdf(), name));
    const result = await readComplaintUploads(post(form));
    expect(result.ok && result.files.map((f) => f.filename)).toEqual(names);
  });

  it("ignores the empty part for 'no file chosen', but keeps an empty file that has a name", async () => {
    const form = new FormData();
    form.append("files", noFileChosen());
    form.append("files", file(new Uint8Array(), "blank.pdf"));
    const result = await readComplaintUploads(post(form));
    expect(result.ok && result.files.map((f) => [f.filename, f.bytes.length])).toEqual([["blank.pdf", 0]]);
    if (result.ok) expect(await checkUpload(result.files[0]!)).toMatchObject({ errorKey: "complaint.files.error.empty" });
  });

  it("accepts five files and refuses a sixth", async () => {
    const form = new FormData();
    for (let i = 1; i <= 5; i++) form.append("files", file(sampleJpeg(), `photo-${i}.jpg`));
    form.append("files", noFileChosen());
    const five = await readComplaintUploads(post(form));
    expect(five.ok && five.files).toHaveLength(5);

    form.append("files", file(sampleJpeg(), "photo-6.jpg"));
    expect(await readComplaintUploads(post(form))).toEqual({
      ok: false,
      status: 400,
      errorKey: "complaint.files.error.tooMany",
    });
  });

  it("reads the rest of a refused body, so the browser is not cut off mid-upload", async () => {
    const form = new FormData();
    for (let i = 1; i <= 6; i++) form.append("files", file(samplePdf(64 * 1024), `letter-${i}.pdf`));
    const { body, contentType } = await encoded(form);
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) return controller.close();
        controller.enqueue(body.slice(at, at + 4096));
        at += 4096;
      },
    });
    const request = new Request(URL, { method: "POST", body: stream, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
    expect(await readComplaintUploads(request)).toMatchObject({ ok: false, errorKey: "complaint.files.error.tooMany" });
    expect(at).toBeGreaterThanOrEqual(body.length);
  });

  it("reports a file over 10 MB as too big, without keeping more than 10 MB + 1 byte of it", async () => {
    const form = new FormData();
    form.append("whatWentWrong", "see attached");
    form.append("files", file(samplePdf(MAX_FILE_BYTES + 1), "scan.pdf"));
    form.append("files", file(samplePdf(MAX_FILE_BYTES + 3 * 1024 * 1024), "huge.pdf"));
    form.append("files", file(samplePdf(MAX_FILE_BYTES), "just-fits.pdf"));
    const result = await readComplaintUploads(post(form));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.whatWentWrong).toBe("see attached");
    expect(result.files.map((f) => f.bytes.length)).toEqual([MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 1, MAX_FILE_BYTES]);
    expect(await Promise.all(result.files.map(async (f) => (await checkUpload(f)).ok))).toEqual([false, false, true]);
    expect(await checkUpload(result.files[0]!)).toEqual({ ok: false, errorKey: "complaint.files.error.tooBig" });
  });

  it("refuses a request that is not a multipart form", async () => {
    const notMultipart = { ok: false, status: 400, errorKey: "complaint.files.error.notMultipart" };
    const urlEncoded = new Request(URL, { method: "POST", body: new URLSearchParams({ a: "b" }) });
    expect(isMultipart(urlEncoded)).toBe(false);
    expect(await readComplaintUploads(urlEncoded)).toEqual(notMultipart);
    expect(await readComplaintUploads(new Request(URL))).toEqual(notMultipart);
    const noBoundary = new Request(URL, { method: "POST", body: "x", headers: { "Content-Type": "multipart/form-data" } });
    expect(await readComplaintUploads(noBoundary)).toEqual(notMultipart);
    const json = new Request(URL, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    expect(await readComplaintUploads(json)).toEqual(notMultipart);
  });

  it("finds the boundary however the header is written", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc")).toBe("abc");
    expect(multipartBoundary('Multipart/Form-Data;charset=utf-8; BOUNDARY="a b:c"')).toBe("a b:c");
    expect(multipartBoundary("multipart/mixed; boundary=abc")).toBeNull();
    expect(multipartBoundary(`multipart/form-data; boundary=${"x".repeat(71)}`)).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });

  it("refuses a request declared larger than five full files at once, before reading it", async () => {
    const { body, contentType } = await encoded(new FormData());
    const request = new Request(URL, {
      method: "POST",
      body,
      headers: { "Content-Type": contentType, "Content-Length": String(MAX_REQUEST_BYTES + 1) },
    });
    expect(await readComplaintUploads(request)).toEqual({
      ok: false,
      status: 413,
      errorKey: "complaint.files.error.requestTooLarge",
    });
  });

  it("stops reading a body that grows past the limit without declaring its length", async () => {
    const boundary = "limit-test";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n\r\n%PDF-`);
    const megabyte = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        controller.enqueue(megabyte);
        sent += megabyte.length;
        if (sent > 2 * MAX_REQUEST_BYTES) controller.close(); // never reached: the reader gives up first
      },
    });
    const request = new Request(URL, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    expect(await readComplaintUploads(request)).toEqual({
      ok: false,
      status: 413,
      errorKey: "complaint.files.error.requestTooLarge",
    });
    expect(sent).toBeLessThan(MAX_REQUEST_BYTES + 3 * megabyte.length);
  });

  it("refuses an overlong text field or too many fields", async () => {
    const tooLarge = { ok: false, status: 413, errorKey: "complaint.files.error.requestTooLarge" };
    const longField = new FormData();
    longField.append("whatWentWrong", "x".repeat(MAX_FIELD_BYTES + 1));
    expect(await readComplaintUploads(post(longField))).toEqual(tooLarge);

    const justFits = new FormData();
    justFits.append("whatWentWrong", "x".repeat(MAX_FIELD_BYTES));
    expect((await readComplaintUploads(post(justFits))).ok).toBe(true);

    const manyFields = new FormData();
    for (let i = 0; i < 1000; i++) manyFields.append(`f${i}`, "1");
    expect(await readComplaintUploads(post(manyFields))).toEqual(tooLarge);
  });

  it("answers a cut-off or garbled body with a 400, never an exception", async () => {
    const form = new FormData();
    form.append("a", "b");
    form.append("files", file(samplePdf(), "letter.pdf"));
    const { body, contentType } = await encoded(form);
    const malformed = { ok: false, status: 400, errorKey: "complaint.files.error.malformed" };
    expect(await readComplaintUploads(streamed(body.subarray(0, body.length - 20), contentType))).toEqual(malformed);
    expect(await readComplaintUploads(streamed(new Uint8Array(), contentType))).toEqual(malformed);
    const noBoundary = Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--x--\r\n');
    expect(await readComplaintUploads(streamed(noBoundary, "multipart/form-data; boundary=b"))).toEqual(malformed);
  });

  it("skips a part no browser would send: without a name, or with a garbled Content-Disposition", async () => {
    const skipped = { ok: true, entries: [], files: [] };
    const noDisposition = Buffer.from("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n");
    expect(await readComplaintUploads(streamed(noDisposition, "multipart/form-data; boundary=b"))).toMatchObject(skipped);
    const unterminated = Buffer.from('--b\r\nContent-Disposition: form-data; name="a\r\n\r\nhello\r\n--b--\r\n');
    expect(await readComplaintUploads(streamed(unterminated, "multipart/form-data; boundary=b"))).toMatchObject(skipped);
  });

  it("never throws on random bodies", async () => {
    const prefixes = fc.constantFrom(
      "",
      "--b\r\n",
      '--b\r\nContent-Disposition: form-data; name="f"; filename="x.pdf"\r\n\r\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), prefixes, async (tail, prefix) => {
        const body = Buffer.concat([Buffer.from(prefix), tail]);
        const result = await readComplaintUploads(streamed(body, "multipart/form-data; boundary=b"));
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("reads the same form however the body is split into chunks", async () => {
    const form = new FormData();
    form.append("name", "Ada");
    form.append("files", file(samplePdf(5000), "letter.pdf"));
    form.append("files", noFileChosen());
    form.append("files", file(samplePng(), "damp; wall.png"));
    form.append("after", "files");
    const { body, contentType } = await encoded(form);
    const expected = await readComplaintUploads(post(form));
    expect(expected.ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 20 }), async (sizes) => {
        expect(await readComplaintUploads(streamed(body, contentType, sizes))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("treats a field called __proto__ as just a field", async () => {
    const form = new FormData();
    form.append("__proto__", "polluted");
    const result = await readComplaintUploads(post(form));
    expect(result.ok && Object.getOwnPropertyDescriptor(result.fields, "__proto__")?.value).toBe("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
