import { describe, expect, it } from "vitest";
import { i18nFor } from "./instance";
import { serverT } from "./translate.server";

describe("translating", () => {
  it("writes ISO dates in messages as each language writes dates", () => {
    const resources = { common: { due: "{{on, date}}", skipped: "{{dates, dateList}}" } };
    expect(i18nFor("en", resources).t("due", { on: "2026-12-02" })).toBe("2 December 2026");
    expect(i18nFor("pl", resources).t("due", { on: "2026-12-02" })).toBe("2 grudnia 2026");
    expect(i18nFor("en", resources).t("skipped", { dates: ["2026-12-25", "2026-12-28"] })).toBe(
      "25 December 2026 and 28 December 2026",
    );
    expect(i18nFor("ar", resources).t("due", { on: "2026-12-02" })).toMatch(/ديسمبر/);
  });

  it("gives the server every namespace, including the rules' explanations", () => {
    const t = serverT("en");
    expect(t("rules:pathway.corporate")).toBe("Corporate complaint");
    expect(t("common:contact.title")).toBe("Contact us");
  });

});
