import { describe, expect, it } from "vitest";
import common from "../../locales/en/common.json";
import { stepTextKeys } from "~/journey/complaint-steps";
import { ALL_STEPS } from "~/journey/journey-order.server";
import { mergeTexts, PAGE_SECTIONS, pickTexts, shellTexts, textsIn } from "./page-texts";

const all = { common, meta: { reviewed: true } };

/** Every key below a tree, as "a.b.c". */
function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

describe("page texts", () => {
  it("leaves the page sections out of the shell and keeps every other namespace", () => {
    const shell = shellTexts(all);
    for (const section of PAGE_SECTIONS) expect(shell.common).not.toHaveProperty(section);
    expect(shell.common).toHaveProperty("errors.form.summaryTitle");
    // The character count comes only with the pages that have a long text box.
    expect(shell.common).not.toHaveProperty("errors.form.limit_other");
    expect(shell.common).not.toHaveProperty("errors.form.remaining_one");
    expect(shell.common).toHaveProperty("footer");
    expect(shell.meta).toEqual({ reviewed: true });
  });

  it("picks a branch, a single text, and a plural with all its forms", () => {
    const picked = pickTexts(all, ["complaint.service", "complaint.advice.subject.title", "errors.form.limit"]);
    expect(keysOf(picked.common).sort()).toEqual(
      [
        ...keysOf(common.complaint.service, "complaint.service"),
        "complaint.advice.subject.title",
        "errors.form.limit_one",
        "errors.form.limit_other",
      ].sort(),
    );
  });

  it("picks nothing for a key that does not exist", () => {
    expect(pickTexts(all, ["complaint.noSuchPage", "nowhere.at.all"])).toEqual({ common: {} });
  });

  it("merges trees without changing either", () => {
    const shell = { common: { errors: { a: "A" } } };
    const page = { common: { errors: { b: "B" }, complaint: { c: "C" } } };
    expect(mergeTexts(shell, page)).toEqual({ common: { errors: { a: "A", b: "B" }, complaint: { c: "C" } } });
    expect(shell).toEqual({ common: { errors: { a: "A" } } });
  });

  it("finds texts in route data only where a route sent them", () => {
    expect(textsIn({ texts: { common: {} } })).toEqual({ common: {} });
    expect(textsIn({ rows: [] })).toBeUndefined();
    expect(textsIn(undefined)).toBeUndefined();
  });

  it("gives every question page the texts its title, hint, fields and errors name", () => {
    for (const step of ALL_STEPS) {
      const picked = keysOf(pickTexts(all, stepTextKeys(step)).common);
      const has = (key: string) => picked.some((found) => found === key || found.startsWith(`${key}.`));
      expect(has(step.titleKey), `${step.id}: ${step.titleKey}`).toBe(true);
      if (step.them) expect(has(step.titleKey.replace(/\.title$/, ".them")), `${step.id}: them`).toBe(true);
      for (const field of step.fields) {
        if (field.kind === "text" || (field.kind === "textarea" && field.labelKey)) expect(has(field.labelKey!), `${step.id}: ${field.labelKey}`).toBe(true);
      }
      if (step.hintKey) expect(has(step.hintKey), `${step.id}: ${step.hintKey}`).toBe(true);
      for (const field of step.fields) {
        if (field.kind === "radios" && typeof field.options !== "string")
          for (const option of field.options) expect(has(option.labelKey), `${step.id}: ${option.labelKey}`).toBe(true);
      }
      if (step.fields.some((field) => field.kind === "textarea")) expect(has("errors.form.remaining_other"), step.id).toBe(true);
      // Only this page's branch of the complaint texts, not the whole journey's.
      expect(picked.length).toBeLessThan(keysOf(common.complaint).length / 4);
    }
  });
});
