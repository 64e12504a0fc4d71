import { describe, expect, it } from "vitest";
import { namespaceTexts, textsFor } from "./page-texts.server";

describe("texts from another namespace, sent with a page", () => {
  it("brings the rules' texts under the paths asked for, and nothing else", () => {
    const texts = namespaceTexts("pl", "rules", ["bankHoliday", "eligibility.decision"]) as { rules: Record<string, Record<string, unknown>> };
    expect(typeof texts.rules.bankHoliday!.christmas_day).toBe("string");
    expect(Object.keys(texts.rules.eligibility!)).toEqual(["decision"]);
    expect(Object.keys(texts.rules)).toEqual(["bankHoliday", "eligibility"]);
  });
  it("is needed: a page's own texts come from the common namespace only, so a 'rules:' key there brings nothing", () => {
    expect(textsFor("en", ["rules:bankHoliday"])).toEqual({ common: {} });
  });
});
