import { describe, expect, it } from "vitest";
import { newComplaintReference, normaliseComplaintReference } from "./complaint-reference";

describe("complaint references", () => {
  it("are CCC- and two groups of four unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      expect(newComplaintReference()).toMatch(/^CCC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
  });

  it("are not a sequence: a thousand in a row are all different and not ordered", () => {
    const references = Array.from({ length: 1000 }, () => newComplaintReference());
    expect(new Set(references).size).toBe(1000);
    expect([...references].sort()).not.toEqual(references);
  });

  it("use every byte the random source gives", () => {
    const fixed = (bytes: Uint8Array) => bytes.map((_, i) => i * 5);
    expect(newComplaintReference(fixed)).toBe("CCC-05AF-MSY3");
  });

  it("accept what a resident types, in any case and spacing, with look-alike letters", () => {
    expect(normaliseComplaintReference(" ccc 7k3m 9qxd ")).toBe("CCC-7K3M-9QXD");
    expect(normaliseComplaintReference("7K3M9QXD")).toBe("CCC-7K3M-9QXD");
    expect(normaliseComplaintReference("CCC-OIL0-0000")).toBe("CCC-0110-0000");
  });

  it("reject anything that cannot be a reference", () => {
    expect(normaliseComplaintReference("CCC-7K3M-9QX")).toBeNull();
    expect(normaliseComplaintReference("CCC-7K3M-9QXU")).toBeNull();
    expect(normaliseComplaintReference("<script>")).toBeNull();
  });
});
