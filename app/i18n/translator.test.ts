import { describe, expect, it } from "vitest";
import { createTranslator } from "./translator";

const resources = {
  common: {
    title: "Contact us",
    page: "{{title}} – Complaints",
    nested: { deep: "Deep {{name}}" },
    limit_one: "Up to {{count}} character",
    limit_other: "Up to {{count}} characters",
  },
  rules: { pathway: { corporate: "Corporate complaint" } },
};

const arabic = {
  common: {
    limit_zero: "لا أحرف",
    limit_one: "حرف واحد",
    limit_two: "حرفان",
    limit_few: "{{count}} أحرف",
    limit_many: "{{count}} حرفًا",
    limit_other: "{{count}} حرف",
  },
};

describe("the page translator", () => {
  it("finds nested keys, other namespaces, and fills in values", () => {
    const t = createTranslator("en-GB", resources);
    expect(t("title")).toBe("Contact us");
    expect(t("nested.deep", { name: "water" })).toBe("Deep water");
    expect(t("page", { title: t("title") })).toBe("Contact us – Complaints");
    expect(t("rules:pathway.corporate")).toBe("Corporate complaint");
  });

  it("writes a count as the language writes numbers", () => {
    expect(createTranslator("en-GB", resources)("limit", { count: 5000 })).toBe("Up to 5,000 characters");
    expect(createTranslator("ro", { common: { limit_other: "{{count}} caractere" } })("limit", { count: 5000 })).toBe("5.000 caractere");
    expect(createTranslator("pl", { common: { limit_other: "{{count}} znaków" } })("limit", { count: 12345 })).toBe(`12${"\u00a0"}345 znaków`);
    // Other values are shown as they are: a year is not a count.
    expect(createTranslator("en-GB", resources)("nested.deep", { name: 2026 })).toBe("Deep 2026");
  });

  it("chooses the plural form the language uses for the count", () => {
    const en = createTranslator("en-GB", resources);
    expect(en("limit", { count: 1 })).toBe("Up to 1 character");
    expect(en("limit", { count: 5000 })).toBe("Up to 5,000 characters");
    const ar = createTranslator("ar", arabic);
    expect([0, 1, 2, 3, 11, 100].map((count) => ar("limit", { count }))).toEqual([
      "لا أحرف",
      "حرف واحد",
      "حرفان",
      "3 أحرف",
      "11 حرفًا",
      "100 حرف",
    ]);
  });

  it("shows the key, not nothing, for a missing text, and leaves unknown placeholders alone", () => {
    const t = createTranslator("en-GB", resources);
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t("page", {})).toBe("{{title}} – Complaints");
  });

  it("does not interpret markup in values: React escapes what it renders", () => {
    const t = createTranslator("en-GB", resources);
    expect(t("nested.deep", { name: "<b>x</b>" })).toBe("Deep <b>x</b>");
  });
});
