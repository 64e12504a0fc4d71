import { describe, expect, it } from "vitest";
import code from "~/config/complaint-handling-code.json";
import { CODE_SECTIONS, codeSection, COMMENTARY_LIMIT, readCode, readCommentary } from "./self-assessment";

describe("the Complaint Handling Code's sections", () => {
  it("are read from the council's file, each with the evidence it shows", () => {
    expect(CODE_SECTIONS.map((section) => section.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(codeSection("6")?.evidence).toEqual(["responses", "extensions", "escalations"]);
    expect(codeSection("10")).toBeUndefined();
  });

  it("refuses a file with evidence the portal has not got, or two sections of one id", () => {
    expect(() => readCode({ ...code, sections: [{ id: "1", title: "A", evidence: ["satisfaction"] }] })).toThrow();
    expect(() => readCode({ ...code, sections: [{ id: "1", title: "A", evidence: [] }, { id: "1", title: "B", evidence: [] }] })).toThrow();
  });
});

describe("the council's commentary", () => {
  const form = (commentary: string) => new URLSearchParams({ commentary });
  it("is kept trimmed, may be cleared, and is refused over the limit", () => {
    expect(readCommentary(form("  We acknowledge on time.\r\nMostly.  "))).toEqual({ ok: true, commentary: "We acknowledge on time.\nMostly." });
    expect(readCommentary(form(""))).toEqual({ ok: true, commentary: "" });
    expect(readCommentary(form("x".repeat(COMMENTARY_LIMIT)))).toMatchObject({ ok: true });
    expect(readCommentary(form("x".repeat(COMMENTARY_LIMIT + 1)))).toEqual({ ok: false, errors: { commentary: "staff:selfAssessment.error.tooLong" } });
  });
});
