// The one part of fontkit (pdfkit's font engine) the case file's PDF uses directly: whether a font has a character.
declare module "fontkit" {
  export function create(buffer: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
}
