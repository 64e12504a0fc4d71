// The case file as a tagged, accessible PDF (issue 12, item 4; PDF/UA-1): made on the server with pdfkit, no
// browser. Every block of the case file (case-file.ts) is a structure element — H1, H2, H3, P — in reading order,
// the document's language and title are set and shown, and the Noto fonts committed in app/cases/fonts (from
// Debian's fonts-noto-core, SIL Open Font License) are embedded. Lines are laid out by pdf-lines.ts, which puts
// right-to-left text in visual order; a line so reordered carries its text in logical order as ActualText, so it
// is read and copied as written.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { languageFor, type LanguageCode } from "~/i18n/languages";
import type { CaseFileBlock, CaseFileDocument } from "./case-file";
import { directionOf, paragraphLines, type Direction, type FontKey, type FontMetrics, type Line } from "./pdf-lines";

const FONT_FILES: Record<FontKey, string> = {
  latin: "NotoSans-Regular.ttf",
  latinBold: "NotoSans-Bold.ttf",
  naskh: "NotoNaskhArabic-Regular.ttf",
  nastaliq: "NotoNastaliqUrdu-Regular.ttf",
  gurmukhi: "NotoSansGurmukhi-Regular.ttf",
};

/** Where the fonts are: beside this module in the source tree (the server runs from the project's root). */
const FONT_DIRECTORY = process.env.CASE_FILE_FONTS ?? path.join(process.cwd(), "app", "cases", "fonts");

type LoadedFont = { bytes: Buffer; glyphs: { hasGlyphForCodePoint(codePoint: number): boolean } };
let loadedFonts: Record<FontKey, LoadedFont> | null = null;

/** The fonts, read once per process (about 1.8 MB). */
function fonts(): Record<FontKey, LoadedFont> {
  loadedFonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([key, file]) => {
      const bytes = readFileSync(path.join(FONT_DIRECTORY, file));
      return [key, { bytes, glyphs: fontkit.create(bytes) }];
    }),
  ) as Record<FontKey, LoadedFont>;
  return loadedFonts;
}

const PAGE = { size: "A4" as const, margin: 56 };
const SIZES = { 1: 20, 2: 15, 3: 12.5, body: 11, label: 10 } as const;

/** How tall a line is for the document's script: Nastaliq's stacked letters need the most room. */
function lineFactor(locale: LanguageCode): number {
  if (locale === "ur") return 2.3;
  if (locale === "ar") return 1.9;
  return 1.55;
}

/** The case file as PDF bytes. */
export async function caseFilePdf(document: CaseFileDocument, locale: LanguageCode): Promise<Buffer> {
  const language = languageFor(locale);
  const loaded = fonts();
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    pdfVersion: "1.7",
    // pdfkit 0.20 writes PDF/UA's identification; @types/pdfkit 0.17 does not know the value yet.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: language.tag,
    displayTitle: true,
    info: { Title: document.title, Author: document.author, Subject: document.title },
    autoFirstPage: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [key, font] of Object.entries(loaded)) doc.registerFont(key, font.bytes);

  let size: number = SIZES.body;
  const metrics: FontMetrics = {
    hasGlyph: (font, codePoint) => loaded[font].glyphs.hasGlyphForCodePoint(codePoint),
    // Measured word by word, as pdfkit does without features, each word's shaping kept for the document.
    width: (font, text) => doc.font(font).fontSize(size).widthOfString(text),
  };
  const arabic: FontKey = locale === "ur" ? "nastaliq" : "naskh";
  const lacksGlyph = (text: string) => Array.from(text).some((char) => !/\s/u.test(char) && !Object.values(loaded).some((font) => font.glyphs.hasGlyphForCodePoint(char.codePointAt(0)!)));
  const documentDirection = language.dir as Direction;
  const left = PAGE.margin;
  const width = doc.page.width - PAGE.margin * 2;
  let y = PAGE.margin;

  const root = doc.struct("Document");
  doc.addStructure(root);

  /** One paragraph or heading: each line its own marked content, so a page can break between any two lines. */
  function draw(tag: "H1" | "H2" | "H3" | "P", text: string, options: { size: number; bold?: boolean; written?: boolean; after: number }) {
    size = options.size;
    const direction = options.written ? directionOf(text, documentDirection) : documentDirection;
    const base: FontKey = options.bold ? "latinBold" : "latin";
    const lines = paragraphLines(text, width, direction, metrics, { base, arabic });
    const reordered = lines.some((line) => line.hasRtl);
    // A line drawn in visual order, or with a character none of the fonts has (drawn as an empty box), is read
    // and copied as written: ActualText on the element (PDF 1.7, 14.9.4).
    const element = doc.struct(tag, reordered || lacksGlyph(text) ? { actual: text } : {});
    root.add(element);
    const lineHeight = options.size * lineFactor(locale);
    for (const line of lines) {
      if (y + lineHeight > doc.page.height - PAGE.margin) {
        doc.addPage();
        y = PAGE.margin;
      }
      const content = doc.markStructureContent(tag);
      drawLine(line, direction, y + lineHeight * 0.72);
      doc.endMarkedContent();
      element.add(content);
      y += lineHeight;
    }
    element.end();
    y += options.after;
  }

  function drawLine(line: Line, direction: Direction, baseline: number) {
    let x = direction === "rtl" ? left + width - line.width : left;
    for (const run of line.runs) {
      doc.font(run.font).fontSize(size);
      // With features given, pdfkit shapes the run whole rather than word by word, so fontkit sets out a
      // right-to-left run's words right to left as well as its letters.
      doc.text(run.text, x, baseline, { lineBreak: false, baseline: "alphabetic", features: [] });
      x += doc.widthOfString(run.text);
    }
  }

  for (const block of document.blocks) drawBlock(block);

  function drawBlock(block: CaseFileBlock) {
    switch (block.kind) {
      case "heading":
        if (block.level > 1) y += SIZES[block.level] * 0.6;
        // A heading is never left alone at the foot of a page: it starts a new one unless a few lines fit under it.
        if (y + (SIZES[block.level] + SIZES.body * 3) * lineFactor(locale) > doc.page.height - PAGE.margin) {
          doc.addPage();
          y = PAGE.margin;
        }
        draw(`H${block.level}`, block.text, { size: SIZES[block.level], bold: true, written: block.written, after: 4 });
        break;
      case "paragraph":
        draw("P", block.text, { size: SIZES.body, written: block.written, after: 8 });
        break;
      case "rows":
        for (const row of block.rows) {
          draw("P", row.label, { size: SIZES.label, bold: true, after: 0 });
          draw("P", row.value, { size: SIZES.body, written: row.written, after: 6 });
        }
        break;
    }
  }

  root.end();
  doc.end();
  return finished;
}
