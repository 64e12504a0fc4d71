import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExtension, extensionNotice, maxExtension } from "./extensions";
import type { Pathway, Stage } from "./timescales";

describe("extension limits (RULES §3)", () => {
  it.each([
    ["corporate", 1, 10],
    ["corporate", 2, 20],
    ["childrens", 1, 10],
    ["childrens", 2, 40],
    ["childrens", 3, 0],
  ] as const)("allows %s Stage %i at most %i working days", (pathway, stage, max) => {
    expect(maxExtension(pathway, stage)).toBe(max);
  });

  it("allows adults only a new date agreed with the complainant", () => {
    expect(maxExtension("adults", 1)).toBe("agreed_date");
  });

  it("grants an extension up to the maximum", () => {
    expect(checkExtension({ pathway: "corporate", stage: 1, days: 10, reason: "complex" })).toEqual({ ok: true, totalDays: 10 });
    expect(checkExtension({ pathway: "childrens", stage: 2, days: 40, reason: "complex" })).toEqual({ ok: true, totalDays: 40 });
  });

  it.each([
    ["corporate", 1, 11],
    ["corporate", 2, 21],
    ["childrens", 1, 11],
    ["childrens", 2, 41],
  ] as const)("refuses %s Stage %i an extension of %i days, with the reason", (pathway, stage, days) => {
    const check = checkExtension({ pathway, stage, days, reason: "complex" });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.refusal.code).toBe("beyond_maximum");
      expect(check.refusal.explanation.key).toBe("extensions.refused.beyond_maximum");
      expect(check.refusal.message).toContain(`maximum of ${maxExtension(pathway, stage)}`);
    }
  });

  it("adds up successive extensions against the maximum", () => {
    expect(checkExtension({ pathway: "corporate", stage: 1, days: 5, alreadyExtendedDays: 5, reason: "x" }).ok).toBe(true);
    const check = checkExtension({ pathway: "corporate", stage: 1, days: 6, alreadyExtendedDays: 5, reason: "x" });
    expect(check.ok ? undefined : check.refusal.explanation.params.remaining).toBe(5);
  });

  it("refuses any extension of the children's review panel stage", () => {
    const check = checkExtension({ pathway: "childrens", stage: 3, days: 1, reason: "x" });
    expect(check.ok ? "ok" : check.refusal.code).toBe("no_extension_at_stage");
  });

  it("refuses an adults' extension given in days", () => {
    const check = checkExtension({ pathway: "adults", stage: 1, days: 20, reason: "x" });
    expect(check.ok ? "ok" : check.refusal.code).toBe("agreed_date_required");
  });

  it("grants an adults' extension to a later agreed date", () => {
    expect(checkExtension({ pathway: "adults", stage: 1, agreedDate: "2026-10-01", currentDueDate: "2026-09-01", reason: "x" }).ok).toBe(true);
  });

  it("refuses an adults' agreed date that is not later than the current one", () => {
    const check = checkExtension({ pathway: "adults", stage: 1, agreedDate: "2026-09-01", currentDueDate: "2026-09-01", reason: "x" });
    expect(check.ok ? "ok" : check.refusal.code).toBe("not_later");
  });

  it("refuses an extension without a reason (§13.11: the complainant is told why)", () => {
    const check = checkExtension({ pathway: "corporate", stage: 1, days: 5, reason: "  " });
    expect(check.ok ? "ok" : check.refusal.code).toBe("reason_required");
  });

  it("refuses a corporate or children's extension without days, or with days that are not whole and positive", () => {
    const none = checkExtension({ pathway: "corporate", stage: 1, reason: "x" });
    expect(none.ok ? "ok" : none.refusal.code).toBe("days_required");
    for (const days of [0, -3, 2.5]) {
      const check = checkExtension({ pathway: "childrens", stage: 1, days, reason: "x" });
      expect(check.ok ? "ok" : check.refusal.code, String(days)).toBe("invalid_days");
    }
  });

  it("refuses an extension of a stage the pathway does not have", () => {
    const check = checkExtension({ pathway: "corporate", stage: 3, days: 1, reason: "x" });
    expect(check.ok ? "ok" : check.refusal.code).toBe("stage_not_in_pathway");
  });

  it("never lets the granted total exceed the maximum, whatever the sequence of requests", () => {
    const limited = fc.constantFrom<[Pathway, Stage]>(["corporate", 1], ["corporate", 2], ["childrens", 1], ["childrens", 2]);
    fc.assert(
      fc.property(limited, fc.array(fc.integer({ min: -2, max: 45 }), { maxLength: 12 }), ([pathway, stage], requests) => {
        const max = maxExtension(pathway, stage) as number;
        let total = 0;
        for (const days of requests) {
          const check = checkExtension({ pathway, stage, days, alreadyExtendedDays: total, reason: "x" });
          if (check.ok) total = check.totalDays;
          else expect(days <= 0 || total + days > max).toBe(true);
        }
        expect(total).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe("telling the complainant about an extension", () => {
  it("gives the reason and the new date", () => {
    expect(extensionNotice("childrens", 1, "2026-04-01", "waiting for records").explanation).toEqual({
      key: "extensions.notice",
      params: { stage: 1, date: "2026-04-01", reason: "waiting for records" },
    });
  });

  it("adds the right to take a corporate extension to the Ombudsman (§13.11, §14.9)", () => {
    expect(extensionNotice("corporate", 2, "2026-04-01", "x").ombudsman?.key).toBe("ombudsman.referral.extension");
    expect(extensionNotice("childrens", 2, "2026-04-01", "x").ombudsman).toBeUndefined();
  });
});
