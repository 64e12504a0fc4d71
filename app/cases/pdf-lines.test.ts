import { describe, expect, it } from "vitest";
import { directionOf, fontsFor, paragraphLines, visualLine, type FontKey, type FontMetrics } from "./pdf-lines";

// Every character 1 unit wide; the Latin font lacks Arabic-Indic digits, the others have everything.
const metrics: FontMetrics = {
  hasGlyph: (font, codePoint) => !(font === "latin" && codePoint >= 0x0660 && codePoint <= 0x0669),
  width: (_font, text) => Array.from(text).length,
};
const ARABIC = { base: "latin" as FontKey, arabic: "naskh" as FontKey };

describe("lines for the case file's PDF", () => {
  it("sets out an Arabic line right to left: the reference and the date's digits in their own order, the words shaped whole", () => {
    const line = visualLine("المرجع CCC-ABCD في ٥ مارس ٢٠٢٦", "rtl", metrics, ARABIC);
    // Drawn left to right: the font lays each Arabic run out right to left, so it gets them in logical order;
    // the digits, which the font would also reverse, go reversed so they come out as written.
    expect(line.runs).toEqual([
      { text: "٦٢٠٢", font: "naskh" },
      { text: " مارس ", font: "naskh" },
      { text: "٥", font: "naskh" },
      { text: "في ", font: "naskh" },
      { text: " ", font: "latin" },
      { text: "CCC-ABCD", font: "latin" },
      { text: "المرجع ", font: "naskh" },
    ]);
    expect(line.hasRtl).toBe(true);
    expect(line.width).toBe(Array.from("المرجع CCC-ABCD في ٥ مارس ٢٠٢٦").length);
  });

  it("keeps an English line in order with an Arabic phrase in it handed over whole", () => {
    expect(visualLine("I wrote: مرحبا بالعالم and more", "ltr", metrics, ARABIC).runs).toEqual([
      { text: "I wrote: ", font: "latin" },
      { text: "مرحبا بالعالم", font: "naskh" },
      { text: " ", font: "naskh" },
      { text: "and more", font: "latin" },
    ]);
  });

  it("reverses and mirrors brackets at a right-to-left level that the font would not", () => {
    expect(visualLine("(1)", "rtl", metrics, ARABIC).runs).toEqual([
      { text: "(", font: "latin" },
      { text: "1", font: "latin" },
      { text: ")", font: "latin" },
    ]);
  });

  it("gives Gurmukhi its font and keeps the spaces and digits beside it in the same run", () => {
    const fonts = fontsFor("ਪੜਾਅ 1 CCC", metrics, { base: "latin", arabic: "naskh" });
    expect(fonts.join(",")).toBe([...Array(7).fill("gurmukhi"), ...Array(3).fill("latin")].join(","));
  });

  it("takes a written line's direction from its first letter, else the document's", () => {
    expect(directionOf("123 مرحبا", "ltr")).toBe("rtl");
    expect(directionOf("Damp since March", "rtl")).toBe("ltr");
    expect(directionOf("2026-11-02", "rtl")).toBe("rtl");
  });

  it("breaks at spaces to fit, keeps the writer's own line breaks and cuts a word longer than a line", () => {
    const lines = paragraphLines("one two three\n\nfour abcdefghijkl", 9, "ltr", metrics, { base: "latin", arabic: "naskh" });
    expect(lines.map((line) => line.logical)).toEqual(["one two", "three", "", "four", "abcdefghi", "jkl"]);
    expect(Math.max(...lines.map((line) => line.width))).toBeLessThanOrEqual(9);
  });
});
