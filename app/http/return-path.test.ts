import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("the path a language link returns to", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/contact")).toBe("/contact");
    expect(safeReturnPath("/complaint/service?returnTo=check-answers")).toBe("/complaint/service?returnTo=check-answers");
    expect(safeReturnPath("/")).toBe("/");
  });

  it("sends anything that could reach another site to the start page", () => {
    for (const hostile of [
      "//evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "https://evil.example/",
      "evil.example",
      "javascript:alert(1)",
    ]) {
      expect(safeReturnPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
  });

  it("sends text a browser would rewrite, or could not put in a header, to the start page", () => {
    for (const odd of ["/a\u0000b", "/caf\u00e9", "/\u0634\u06a9\u0627\u06cc\u062a", "/a b", `/${"a".repeat(2001)}`]) {
      expect(safeReturnPath(odd), JSON.stringify(odd)).toBe("/");
    }
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath("")).toBe("/");
  });
});
