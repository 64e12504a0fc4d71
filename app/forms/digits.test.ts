import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiDigits } from "./digits";

describe("digits as residents type them", () => {
  it("reads Arabic-Indic, Urdu, Devanagari, Gurmukhi and full-width digits as ASCII", () => {
    expect(asciiDigits("٢٧/٣/٢٠٢٦")).toBe("27/3/2026");
    expect(asciiDigits("۰۷۷۰۰ ۹۰۰۱۲۳")).toBe("07700 900123");
    expect(asciiDigits("੨੭")).toBe("27");
    expect(asciiDigits("२०२६")).toBe("2026");
    expect(asciiDigits("０７７００")).toBe("07700");
  });

  it("leaves everything else as it is", () => {
    expect(asciiDigits("+44 (0) 24 7683 3333")).toBe("+44 (0) 24 7683 3333");
    expect(asciiDigits("شكوى ਸ਼ਿਕਾਇਤ")).toBe("شكوى ਸ਼ਿਕਾਇਤ");
    fc.assert(fc.property(fc.string(), (text) => asciiDigits(asciiDigits(text)) === asciiDigits(text)));
    fc.assert(fc.property(fc.string({ unit: "binary-ascii" }), (text) => asciiDigits(text) === text));
  });
});
