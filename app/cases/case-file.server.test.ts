// The Ombudsman case file (issue 12, item 4) made from a real complaint on both databases: every event and due date
// (met and missed), the letters about it and no others, the files with their checksums, the record of permission;
// then the PDF opened with pdf.js (its text lists every event; it is tagged, with language and embedded fonts) and
// the ZIP unpacked (the PDF, each file as received, and checksums that match).
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { accounts, attachmentChunks, attachments, complaints } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { eq } from "drizzle-orm";
import { createTranslator } from "~/i18n/translator";
import { resourcesFor } from "~/i18n/resources.server";
import { NAMESPACES } from "~/i18n/namespaces";
import { enqueueEmail } from "~/mail/outbox.server";
import { answerConsent, startRepresentation } from "~/representation/representation.server";
import { historySentence } from "./case-record-text";
import { caseFileOf } from "./case-file.server";
import { caseFilePdf } from "./case-file-pdf.server";
import { caseFileZip } from "./case-file-zip.server";
import { changeCase, openCase } from "./case-service.server";

const FILE_BYTES = Buffer.from("Photo of the damp wall, taken on 3 November.\n".repeat(2000));

/** Every piece of text pdf.js finds in a PDF, page by page, with the structure tree of the first page. */
async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const tree = await (await document.getPage(1)).getStructTree();
  const metadata = await document.getMetadata();
  const pages = document.numPages;
  await document.destroy();
  return { text: texts.join(""), tree, metadata, pages };
}

const squeezed = (text: string) => text.replace(/\s+/g, "");

function roles(node: unknown): string[] {
  if (!node || typeof node !== "object") return [];
  const { role, children } = node as { role?: string; children?: unknown[] };
  return [...(role ? [role] : []), ...(children ?? []).flatMap(roles)];
}

describe.each(DATABASE_KINDS)("the Ombudsman case file on %s", (kind) => {
  let database: OpenDatabase;
  let complaintId: string;
  const reference = `CCC-FILE-${kind === "PGlite" ? "0001" : "0002"}`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { db } = database;
    await seedReferenceData(db);
    const [advocate] = await db.insert(accounts).values({ email: `advocate-${kind}@advice.example` }).returning({ id: accounts.id });
    const opened = await db.transaction(async (tx) => {
      const case_ = await openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-02", whatWentWrong: "The flat has been damp since March.", outcomeWanted: "A proper repair." },
        complainant: { name: "Mrs Begum", email: `begum-${kind}@example.com` },
        actor: "representative",
        accountId: advocate!.id,
      });
      const started = await startRepresentation(
        tx,
        {
          complaintId: case_.id,
          reference,
          today: "2026-11-02",
          representative: { accountId: advocate!.id, email: `advocate-${kind}@advice.example`, name: "Sam Advocate", phone: "" },
          relationship: "advocate",
          relationshipDetail: "Foleshill Advice Centre",
          route: "online",
          personUnder18: false,
          person: { name: "Mrs Begum", email: `begum-${kind}@example.com`, phone: "", language: "en" },
          summary: "The flat has been damp since March.",
        },
        new Date("2026-11-02T10:00:00Z"),
        {},
      );
      return { id: case_.id, token: started.consentToken! };
    });
    complaintId = opened.id;
    expect(await answerConsent(db, opened.token, { agree: true, lettersTo: "both" }, "2026-11-03", new Date("2026-11-03T09:00:00Z"))).toEqual({ ok: true, state: "active" });
    // Acknowledged in time; responded after the 10 working days: one date met, one missed.
    await changeCase(db, { complaintId, event: { type: "acknowledged", stage: 1, date: "2026-11-04", understanding: "You want the damp repaired." }, actor: "staff" });
    await changeCase(db, { complaintId, event: { type: "responded", stage: 1, date: "2026-11-30", outcome: "upheld", summary: "We should have repaired it in April." }, actor: "staff" });
    await enqueueEmail(db, { dedupeKey: `test-letter:${reference}`, template: "caseUpdate", locale: "pl", recipient: `begum-${kind}@example.com`, payload: { kind: "responded", reference, name: "Mrs Begum", date: "2026-11-30", stage: 1, outcome: "upheld", reasons: "Naprawimy ścianę." } });
    await enqueueEmail(db, { dedupeKey: `test-other:${reference}`, template: "caseUpdate", locale: "en", recipient: "someone@example.com", payload: { kind: "withdrawn", reference: "CCC-NOT-THIS-ONE", name: "Someone", date: "2026-11-30", stage: 1 } });
    const [file] = await db
      .insert(attachments)
      .values({ complaintId, filename: "../../damp wall.pdf", contentType: "application/pdf", size: FILE_BYTES.length, sha256: createHash("sha256").update(FILE_BYTES).digest("hex"), kept: true, scan: "clean" })
      .returning({ id: attachments.id });
    await db.insert(attachmentChunks).values([
      { attachmentId: file!.id, seq: 0, data: FILE_BYTES.subarray(0, 50_000) },
      { attachmentId: file!.id, seq: 1, data: FILE_BYTES.subarray(50_000) },
    ]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const row = async () => (await database.db.select().from(complaints).where(eq(complaints.id, complaintId)))[0]!;

  it("holds the complaint as sent, every event and due date, its letters only, the files' checksums and the permission given", async () => {
    const { facts, document } = await caseFileOf(database.db, await row(), "en", "2026-12-01");
    const t = createTranslator("en-GB", resourcesFor("en", NAMESPACES));
    const text = JSON.stringify(document.blocks);
    expect(facts.history.map((item) => item.type)).toEqual(expect.arrayContaining(["received", "representative_added", "representation_consent_given", "acknowledged", "responded"]));
    for (const item of facts.history) expect(text).toContain(JSON.stringify(historySentence(item, t)).slice(1, -1));
    expect(text).toContain("The flat has been damp since March.");
    expect(text).toContain("Done on 4 November 2026");
    expect(text).toContain("Done late, on 30 November 2026");
    expect(facts.letters.map((letter) => letter.to)).toContain(`begum-${kind}@example.com`);
    expect(text).not.toContain("CCC-NOT-THIS-ONE");
    // The letter as it was sent: in Polish, with the officer's words.
    expect(text).toContain("Naprawimy ścianę.");
    expect(text).toContain(createHash("sha256").update(FILE_BYTES).digest("hex"));
    expect(facts.consent).toEqual([
      expect.objectContaining({ name: "Sam Advocate", relationship: "advocate", route: "online", state: "active", requests: [{ sentOn: "2 November 2026", answeredOn: "3 November 2026" }] }),
    ]);
    expect(text).not.toMatch(/caseFile\.|account\./);
  });

  it("makes a PDF that opens, lists every event and is tagged, with its language, title and embedded fonts", async () => {
    const { facts, document } = await caseFileOf(database.db, await row(), "en", "2026-12-01");
    const pdf = await caseFilePdf(document, "en");
    const read = await readPdf(pdf);
    const t = createTranslator("en-GB", resourcesFor("en", NAMESPACES));
    for (const item of facts.history) expect(squeezed(read.text)).toContain(squeezed(historySentence(item, t)));
    expect(squeezed(read.text)).toContain(squeezed("Done late, on 30 November 2026"));
    expect(read.metadata.info).toMatchObject({ Title: `Case file for complaint ${reference}`, Author: "Coventry City Council", Language: "en-GB" });
    expect(roles(read.tree)).toEqual(expect.arrayContaining(["Document", "H1", "H2", "P"]));
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/MarkInfo");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/pdfuaid:part>1</);
    expect(raw).toContain("/FontFile2");
  });

  it("makes the Arabic file right to left, each reordered line carrying its text as written", async () => {
    const { document } = await caseFileOf(database.db, await row(), "ar", "2026-12-01");
    const pdf = await caseFilePdf(document, "ar");
    const read = await readPdf(pdf);
    expect(read.metadata.info).toMatchObject({ Language: "ar" });
    expect(pdf.toString("latin1")).toContain("/ActualText");
    // The resident's own words are there as they wrote them.
    expect(squeezed(read.text)).toContain(squeezed("The flat has been damp since March."));
  });

  it("makes a ZIP of the PDF, each file as it was received and checksums that match", async () => {
    const { document, attachments: files } = await caseFileOf(database.db, await row(), "en", "2026-12-01");
    const pdf = await caseFilePdf(document, "en");
    const zipped = Buffer.from(await new Response(caseFileZip(database.db, { reference, pdf, files, madeAt: new Date() })).arrayBuffer());
    const entries = unzipSync(new Uint8Array(zipped));
    expect(Object.keys(entries)).toEqual([`case-file-${reference}.pdf`, "files/01-_.._damp wall.pdf", "SHA256SUMS.txt"]);
    expect(Buffer.from(entries["files/01-_.._damp wall.pdf"]!).equals(FILE_BYTES)).toBe(true);
    expect(Buffer.from(entries[`case-file-${reference}.pdf`]!).equals(pdf)).toBe(true);
    const sums = new TextDecoder().decode(entries["SHA256SUMS.txt"]);
    for (const line of sums.trim().split("\n")) {
      const [sum, name] = line.split("  ");
      expect(createHash("sha256").update(entries[name!]!).digest("hex")).toBe(sum);
    }
    expect(sums.trim().split("\n")).toHaveLength(2);
  });
});

describe("a case file PDF with text no committed font can draw", () => {
  it("keeps the text as written for reading and copying, where the page shows empty boxes", async () => {
    const plain = await caseFilePdf({ title: "T", author: "A", blocks: [{ kind: "paragraph", text: "Damp since March" }] }, "en");
    expect(plain.toString("latin1")).not.toContain("/ActualText");
    const chinese = await caseFilePdf({ title: "T", author: "A", blocks: [{ kind: "paragraph", text: "我的公寓很潮湿", written: true }] }, "en");
    expect(chinese.toString("latin1")).toContain("/ActualText");
  });
});
