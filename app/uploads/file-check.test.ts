import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUpload, detectFileType, FileInspector } from "./file-check.server";
import { ALLOWED_EXTENSIONS, displayFilename, type FileType, MAX_FILE_BYTES, safeFilename } from "./file-type";
import {
  oleCompoundFile,
  sampleDocx,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  zipArchive,
} from "./test-support/sample-files";

describe("detecting a file's type from its content", () => {
  it("knows the allowed types", async () => {
    expect(await detectFileType(samplePdf())).toBe("pdf");
    expect(await detectFileType(samplePng())).toBe("png");
    expect(await detectFileType(sampleJpeg())).toBe("jpeg");
    expect(await detectFileType(sampleDocx())).toBe("docx");
    expect(await detectFileType(oleCompoundFile(["WordDocument", "1Table"]))).toBe("doc");
  });

  it("finds word/document.xml through the central directory when local headers carry no sizes", async () => {
    expect(await detectFileType(sampleDocx({ dataDescriptor: true }))).toBe("docx");
  });

  it("finds word/document.xml from the local headers when the directory is missing", async () => {
    const docx = sampleDocx();
    const firstCentral = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(await detectFileType(docx.subarray(0, firstCentral))).toBe("docx");
  });

  it("does not take any ZIP or OLE file for a Word document", async () => {
    expect(await detectFileType(zipArchive({ "readme.txt": "hello" }))).toBeNull();
    expect(await detectFileType(zipArchive({ "xl/workbook.xml": "<workbook/>" }))).toBeNull(); // Excel
    expect(await detectFileType(zipArchive({ "notword/document.xml": "<x/>" }))).toBeNull();
    expect(await detectFileType(oleCompoundFile(["Workbook"]))).toBeNull(); // Excel 97–2003
    expect(await detectFileType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
  });

  it("refuses a macro-enabled document dressed as .docx, however its parts' names are written", async () => {
    for (const part of ["word/vbaProject.bin", "word/VBAProject.bin", "WORD/VBAPROJECT.BIN", "word/vbaData.xml"]) {
      const docm = zipArchive({ "word/document.xml": "<w:document/>", [part]: "macros" });
      expect(await detectFileType(docm), part).toBeNull();
    }
  });

  it("refuses a Word 97–2003 document that carries macros", async () => {
    expect(await detectFileType(oleCompoundFile(["WordDocument", "Macros/"]))).toBeNull();
    expect(await detectFileType(oleCompoundFile(["WordDocument", "MACROS/"]))).toBeNull();
    expect(await detectFileType(oleCompoundFile(["WordDocument", "1Table", "_VBA_PROJECT"]))).toBeNull();
    expect(await detectFileType(oleCompoundFile(["WordDocument", "1Table"]))).toBe("doc");
  });

  it("refuses executables, text, and nothing", async () => {
    expect(await detectFileType(sampleExe())).toBeNull();
    expect(await detectFileType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(await detectFileType(Buffer.from("PDF-1.4 but no percent sign"))).toBeNull();
    expect(await detectFileType(new Uint8Array())).toBeNull();
    expect(await detectFileType(new Uint8Array([0xff, 0xd8]))).toBeNull(); // too short for JPEG
  });

  it("never throws, whatever the bytes", async () => {
    const zipLike = fc.uint8Array({ maxLength: 600 }).map((tail) => Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), tail]));
    const oleLike = fc.uint8Array({ maxLength: 1200 }).map((tail) => Buffer.concat([oleCompoundFile([]).subarray(0, 8), tail]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 600 }), zipLike, oleLike), async (bytes) => {
        const type = await detectFileType(bytes);
        expect(type === null || type in ALLOWED_EXTENSIONS).toBe(true);
      }),
    );
  });
});

describe("inspecting a file as it streams past", () => {
  const inChunks = async (bytes: Uint8Array, sizes: number[]) => {
    const inspector = new FileInspector();
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = Math.max(1, sizes[i % sizes.length]!);
      inspector.push(bytes.subarray(at, at + size));
      at += size;
    }
    return { type: await inspector.fileType(), inspector };
  };

  it("judges a file the same however it is cut into chunks", async () => {
    const files = [
      samplePdf(),
      samplePng(),
      sampleDocx(),
      sampleDocx({ dataDescriptor: true }),
      zipArchive({ "word/document.xml": "<w:document/>", "word/vbaProject.bin": "macros" }),
      oleCompoundFile(["WordDocument", "1Table"]),
      oleCompoundFile(["WordDocument", "Macros/"]),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }), async (bytes, sizes) => {
        expect((await inChunks(bytes, sizes)).type).toBe(await detectFileType(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it("finds a macro part named anywhere in a 10 MB Word file, holding only kilobytes of it", async () => {
    const filler = randomBytes((MAX_FILE_BYTES - 4096) / 2).toString("hex");
    const docm = zipArchive({ "word/document.xml": "<w:document/>", "word/media/scan.bin": filler, "word/vbaProject.bin": "macros" });
    const docx = zipArchive({ "word/document.xml": "<w:document/>", "word/media/scan.bin": filler });
    const macro = await inChunks(docm, [64 * 1024]);
    expect(macro.type).toBeNull();
    expect((await inChunks(docx, [64 * 1024])).type).toBe("docx");
    expect(macro.inspector.heldBytes).toBeLessThan(256 * 1024);
    expect(macro.inspector.size).toBe(docm.length);
    expect(macro.inspector.sha256).toBe(createHash("sha256").update(docm).digest("hex"));
  });
});

describe("checking an upload", () => {
  it("accepts allowed content under a matching name, with the type taken from the content", async () => {
    expect(await checkUpload({ filename: "letter.pdf", bytes: samplePdf() })).toEqual({
      ok: true,
      type: "pdf",
      contentType: "application/pdf",
      safeFilename: "letter.pdf",
    });
    expect(await checkUpload({ filename: "IMG_0001.JPG", bytes: sampleJpeg() })).toMatchObject({
      ok: true,
      type: "jpeg",
      contentType: "image/jpeg",
      safeFilename: "IMG_0001.JPG",
    });
    expect(await checkUpload({ filename: "photo.jpeg", bytes: sampleJpeg() })).toMatchObject({ ok: true });
    expect(await checkUpload({ filename: "damp.png", bytes: samplePng() })).toMatchObject({ ok: true, contentType: "image/png" });
    expect(await checkUpload({ filename: "notes.docx", bytes: sampleDocx() })).toMatchObject({
      ok: true,
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(await checkUpload({ filename: "old.doc", bytes: oleCompoundFile(["WordDocument"]) })).toMatchObject({
      ok: true,
      contentType: "application/msword",
    });
  });

  it("refuses an empty file", async () => {
    expect(await checkUpload({ filename: "letter.pdf", bytes: new Uint8Array() })).toEqual({
      ok: false,
      errorKey: "complaint.files.error.empty",
    });
  });

  it("allows exactly 10 MB and refuses a byte more", async () => {
    expect(await checkUpload({ filename: "big.pdf", bytes: samplePdf(MAX_FILE_BYTES) })).toMatchObject({ ok: true });
    expect(await checkUpload({ filename: "big.pdf", bytes: samplePdf(MAX_FILE_BYTES + 1) })).toEqual({
      ok: false,
      errorKey: "complaint.files.error.tooBig",
    });
  });

  it("refuses content that is not allowed, whatever it is called", async () => {
    const wrongType = { ok: false, errorKey: "complaint.files.error.wrongType" };
    expect(await checkUpload({ filename: "setup.exe", bytes: sampleExe() })).toEqual(wrongType);
    expect(await checkUpload({ filename: "photo.gif", bytes: Buffer.from("GIF89a") })).toEqual(wrongType);
    expect(await checkUpload({ filename: "notes", bytes: Buffer.from("plain text") })).toEqual(wrongType);
  });

  it("says a file named as an allowed type is not a real one when something else is inside", async () => {
    const notReal = (kind: string) => ({ ok: false, errorKey: `complaint.files.error.notReal.${kind}` });
    expect(await checkUpload({ filename: "invoice.pdf", bytes: sampleExe() })).toEqual(notReal("pdf"));
    expect(await checkUpload({ filename: "photo.png", bytes: Buffer.from("GIF89a") })).toEqual(notReal("png"));
    expect(await checkUpload({ filename: "photo.JPEG", bytes: Buffer.from("GIF89a") })).toEqual(notReal("jpeg"));
    expect(await checkUpload({ filename: "data.docx", bytes: zipArchive({ "a.txt": "x" }) })).toEqual(notReal("word"));
    expect(await checkUpload({ filename: "old.doc", bytes: oleCompoundFile(["Workbook"]) })).toEqual(notReal("word"));
  });

  it("refuses allowed content whose name says it is something else", async () => {
    const mismatch = { ok: false, errorKey: "complaint.files.error.nameMismatch" };
    expect(await checkUpload({ filename: "letter.pdf", bytes: samplePng() })).toEqual(mismatch);
    expect(await checkUpload({ filename: "photo.png", bytes: sampleJpeg() })).toEqual(mismatch);
    expect(await checkUpload({ filename: "report.doc", bytes: sampleDocx() })).toEqual(mismatch);
    expect(await checkUpload({ filename: "report.docx", bytes: oleCompoundFile(["WordDocument"]) })).toEqual(mismatch);
    expect(await checkUpload({ filename: "letter.pdf.exe", bytes: samplePdf() })).toEqual(mismatch);
    expect(await checkUpload({ filename: "notes.txt", bytes: samplePdf() })).toEqual(mismatch);
  });

  it("judges the real extension, not what bidi characters make it look like", async () => {
    // Displays as "invoiceexe.pdf", but the name ends in ".exe".
    expect(await checkUpload({ filename: "invoice\u202Efdp.exe", bytes: samplePdf() })).toMatchObject({
      ok: false,
      errorKey: "complaint.files.error.nameMismatch",
    });
  });

  it("accepts a name with no extension, or a dot that is not one, and adds the extension", async () => {
    expect(await checkUpload({ filename: "scan", bytes: samplePdf() })).toMatchObject({ ok: true, safeFilename: "scan.pdf" });
    expect(await checkUpload({ filename: "Letter from Dr. Smith", bytes: samplePdf() })).toMatchObject({
      ok: true,
      safeFilename: "Letter from Dr. Smith.pdf",
    });
    expect(await checkUpload({ filename: "Scan 12.03.2026", bytes: sampleJpeg() })).toMatchObject({
      ok: true,
      safeFilename: "Scan 12.03.2026.jpg",
    });
  });
});

describe("safe file names", () => {
  it("drops folders", () => {
    expect(safeFilename("C:\\Users\\me\\Documents\\letter.pdf", "pdf")).toBe("letter.pdf");
    expect(safeFilename("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(safeFilename("/", "pdf")).toBe("file.pdf");
  });

  it("drops control characters and bidi overrides and isolates", () => {
    expect(safeFilename("a\u0000b\nc\u007fd.pdf", "pdf")).toBe("abcd.pdf");
    expect(safeFilename("re\u202Aport\u202B\u202C\u202D\u202E.pdf", "pdf")).toBe("report.pdf");
    expect(safeFilename("\u2066photo\u2067\u2068\u2069.png", "png")).toBe("photo.png");
    expect(safeFilename("invoice\u202Egnp.png", "png")).toBe("invoicegnp.png");
  });

  it("replaces characters Windows forbids and trims dots and spaces", () => {
    expect(safeFilename('a<b>c:d"e|f?g*h.pdf', "pdf")).toBe("a_b_c_d_e_f_g_h.pdf");
    expect(safeFilename("  ..hidden.pdf. ", "pdf")).toBe("hidden.pdf");
  });

  it("keeps other languages' letters", () => {
    expect(safeFilename("شكوى.pdf", "pdf")).toBe("شكوى.pdf");
    expect(safeFilename("zażalenie ĄĘ.docx", "docx")).toBe("zażalenie ĄĘ.docx");
    expect(safeFilename("e\u0301.pdf", "pdf")).toBe("\u00e9.pdf"); // normalised to NFC
  });

  it("limits names to 120 characters, keeping the extension and whole characters", () => {
    const long = safeFilename(`${"a".repeat(300)}.jpeg`, "jpeg");
    expect(long).toHaveLength(120);
    expect(long.endsWith(".jpeg")).toBe(true);
    const emoji = safeFilename(`${"😀".repeat(200)}.pdf`, "pdf");
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji.endsWith("😀.pdf")).toBe(true);
  });

  it("always gives a short, clean name with the type's extension", () => {
    const types = Object.keys(ALLOWED_EXTENSIONS) as FileType[];
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.constantFrom(...types), (name, type) => {
        const safe = safeFilename(name, type);
        expect(Array.from(safe).length).toBeLessThanOrEqual(120);
        expect(safe).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(ALLOWED_EXTENSIONS[type].some((ext) => safe.toLowerCase().endsWith(ext))).toBe(true);
        expect(safe.length).toBeGreaterThan(ALLOWED_EXTENSIONS[type][0]!.length);
      }),
    );
  });

  it("gives refused files a name safe to show in the message", () => {
    expect(displayFilename("C:\\tmp\\evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(displayFilename("")).toBe("file");
    expect(Array.from(displayFilename("x".repeat(500)))).toHaveLength(120);
  });
});
