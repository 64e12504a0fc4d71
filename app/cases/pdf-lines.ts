// Lines of text for the case file's PDF (issue 12, item 4), in any of the portal's scripts. pdfkit draws one run
// of glyphs at a time and does not apply the Unicode Bidirectional Algorithm (UAX #9), so this module does what a
// browser would: picks the font for each character (Latin, Arabic Naskh, Urdu Nastaliq, Gurmukhi), breaks a
// paragraph into lines that fit, and puts each line's runs in visual order using bidi-js's embedding levels.
// fontkit, inside pdfkit, then shapes each run (Arabic joining, Nastaliq, Gurmukhi reordering) and lays out a
// right-to-left run itself; a run of neutral characters at a right-to-left level is reversed and mirrored here.
import bidiFactory from "bidi-js";

export type FontKey = "latin" | "latinBold" | "naskh" | "nastaliq" | "gurmukhi";
export type Direction = "ltr" | "rtl";

/** What the layout needs to know of the fonts: whether one has a character, and how wide a run is. */
export type FontMetrics = {
  hasGlyph(font: FontKey, codePoint: number): boolean;
  width(font: FontKey, text: string): number;
};

/** One run of a line, ready to draw left to right: `text` is handed to the font as it is. */
export type VisualRun = { text: string; font: FontKey };
export type Line = { logical: string; runs: VisualRun[]; width: number; hasRtl: boolean };

const bidi = bidiFactory();

const GURMUKHI = /[\u0A00-\u0A7F]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// Characters of a right-to-left script, which the font engine lays out right to left (fontkit picks a run's direction
// from its script, and Arabic-Indic digits are of the Arabic script).
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
// Letters and marks decide a font; spaces, digits and punctuation go with the text around them.
const LETTER = /[\p{L}\p{M}]/u;

/** The font a character of a strong script needs, or null for a neutral one (space, digit, punctuation). */
function scriptFont(char: string, base: FontKey, arabic: FontKey): FontKey | null {
  if (GURMUKHI.test(char)) return "gurmukhi";
  if (ARABIC.test(char)) return arabic;
  return LETTER.test(char) ? base : null;
}

/**
 * Each character's font: its script's, or, for a neutral character, the font of the text before it when that font
 * has it (so "٢٠٢٦" and the spaces between Arabic words stay in the Arabic run), else the base font.
 */
export function fontsFor(text: string, metrics: FontMetrics, options: { base: FontKey; arabic: FontKey }): FontKey[] {
  const chars = Array.from(text);
  const fonts: FontKey[] = [];
  let previous: FontKey | null = null;
  for (const char of chars) {
    const own = scriptFont(char, options.base, options.arabic);
    const codePoint = char.codePointAt(0)!;
    const font: FontKey = own ?? (previous && metrics.hasGlyph(previous, codePoint) ? previous : options.base);
    // A character of one code unit or two: the font applies to each unit, so indices match the string's.
    for (let unit = 0; unit < char.length; unit++) fonts.push(font);
    previous = font;
  }
  return fonts;
}

/** Where the text runs: the direction of its first strong character, else the document's (UAX #9, P2–P3). */
export function directionOf(text: string, fallback: Direction): Direction {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return fallback;
}

type LogicalRun = { start: number; end: number; level: number; font: FontKey };

function logicalRuns(text: string, levels: Uint8Array, fonts: FontKey[]): LogicalRun[] {
  const runs: LogicalRun[] = [];
  for (let index = 0; index < text.length; index++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[index] && last.font === fonts[index]) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, level: levels[index]!, font: fonts[index]! });
  }
  return runs;
}

/** UAX #9, L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above. */
function reorder<T extends { level: number }>(runs: T[]): T[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < ordered.length; start++) {
      if (ordered[start]!.level < level) continue;
      let end = start;
      while (end + 1 < ordered.length && ordered[end + 1]!.level >= level) end++;
      ordered.splice(start, end - start + 1, ...ordered.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return ordered;
}

/**
 * One line, its runs in visual order. The font lays a run of right-to-left script (Arabic letters and Arabic-Indic
 * digits alike) out right to left: a run at a right-to-left level goes to it in logical order, as shaping needs;
 * Arabic-Indic digits at a left-to-right level (a number inside Arabic text) go reversed, so they come out in
 * order; a run of neutral characters at a right-to-left level is reversed here, brackets mirrored (UAX #9, L4).
 */
export function visualLine(text: string, direction: Direction, metrics: FontMetrics, options: { base: FontKey; arabic: FontKey }): Line {
  const trimmed = text.replace(/\s+$/u, "");
  const fonts = fontsFor(trimmed, metrics, options);
  const { levels } = bidi.getEmbeddingLevels(trimmed, direction);
  const runs = reorder(logicalRuns(trimmed, levels, fonts)).map(({ start, end, level, font }): VisualRun => {
    const part = trimmed.slice(start, end);
    const fontReverses = RTL_SCRIPT.test(part);
    const rightToLeft = level % 2 === 1;
    if (rightToLeft === fontReverses) return { text: part, font };
    const reversed = Array.from(part).reverse();
    return { text: (rightToLeft ? reversed.map((char) => bidi.getMirroredCharacter(char) ?? char) : reversed).join(""), font };
  });
  return { logical: trimmed, runs, width: runs.reduce((sum, run) => sum + metrics.width(run.font, run.text), 0), hasRtl: RTL_SCRIPT.test(trimmed) };
}

/** How wide a piece of text is, each run in its own font. */
function widthOf(text: string, metrics: FontMetrics, options: { base: FontKey; arabic: FontKey }): number {
  const fonts = fontsFor(text, metrics, options);
  let width = 0;
  let start = 0;
  for (let index = 1; index <= text.length; index++) {
    if (index === text.length || fonts[index] !== fonts[start]) {
      width += metrics.width(fonts[start]!, text.slice(start, index));
      start = index;
    }
  }
  return width;
}

/**
 * A paragraph broken into lines no wider than `maxWidth`: at spaces, a word too long for a line broken where it
 * must, and the writer's own line breaks kept (an empty line stays, as space between paragraphs of a letter).
 */
export function paragraphLines(text: string, maxWidth: number, direction: Direction, metrics: FontMetrics, options: { base: FontKey; arabic: FontKey }): Line[] {
  const lines: string[] = [];
  for (const written of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    // Words are measured once each and added up: shaping never joins across a space, so a line is as wide as its words.
    let lineWidth = 0;
    for (const word of written.match(/\S+\s*/gu) ?? [""]) {
      const wordWidth = widthOf(word, metrics, options);
      if (lineWidth + widthOf(word.trimEnd(), metrics, options) <= maxWidth || line === "") {
        line += word;
        lineWidth += wordWidth;
      } else {
        lines.push(line);
        line = word;
        lineWidth = wordWidth;
      }
      // A single word wider than the line (a checksum, a long address) is cut where it must be.
      while (widthOf(line.trimEnd(), metrics, options) > maxWidth && Array.from(line).length > 1) {
        const chars = Array.from(line);
        let fits = 1;
        while (fits < chars.length && widthOf(chars.slice(0, fits + 1).join(""), metrics, options) <= maxWidth) fits++;
        lines.push(chars.slice(0, fits).join(""));
        line = chars.slice(fits).join("");
        lineWidth = widthOf(line, metrics, options);
      }
    }
    lines.push(line);
  }
  return lines.map((line) => visualLine(line, direction, metrics, options));
}
