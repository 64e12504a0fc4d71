import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./disposition";

describe("attachmentDisposition", () => {
  it("always saves the file, naming it in UTF-8 with a plain fallback", () => {
    expect(attachmentDisposition("damp wall.png")).toBe(`attachment; filename="damp wall.png"; filename*=UTF-8''damp%20wall.png`);
    expect(attachmentDisposition("zdjęcie ściany.pdf")).toBe(`attachment; filename="zdj_cie _ciany.pdf"; filename*=UTF-8''zdj%C4%99cie%20%C5%9Bciany.pdf`);
  });
  it("cannot be broken out of by quotes, backslashes or line breaks in the name", () => {
    const header = attachmentDisposition('evil".png\r\nSet-Cookie: x=1\\');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="evil_.png__Set-Cookie: x=1_";')).toBe(true);
  });
});
