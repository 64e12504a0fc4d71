import { describe, expect, it } from "vitest";
import { pageAsked, pageLinks } from "./pagination";

describe("pageAsked", () => {
  it("takes a whole page number within the list", () => {
    expect(pageAsked("3", 4)).toBe(3);
  });
  it("gives the first page for no number, a word, zero or less", () => {
    expect(pageAsked(null, 4)).toBe(1);
    expect(pageAsked("two", 4)).toBe(1);
    expect(pageAsked("0", 4)).toBe(1);
    expect(pageAsked("-2", 4)).toBe(1);
  });
  it("gives the last page for a number past it, and the first for an empty list", () => {
    expect(pageAsked("99", 4)).toBe(4);
    expect(pageAsked("2", 0)).toBe(1);
  });
});

describe("pageLinks", () => {
  it("lists every page of a short list", () => {
    expect(pageLinks(2, 3)).toEqual([1, 2, 3]);
  });
  it("shows the first, the last and the pages beside the current one, with gaps between", () => {
    expect(pageLinks(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
  });
  it("leaves no gap where no page is left out", () => {
    expect(pageLinks(3, 10)).toEqual([1, 2, 3, 4, "gap", 10]);
    expect(pageLinks(1, 10)).toEqual([1, 2, "gap", 10]);
    expect(pageLinks(10, 10)).toEqual([1, "gap", 9, 10]);
  });
  it("gives one page for a list that fits on one", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
  });
});
