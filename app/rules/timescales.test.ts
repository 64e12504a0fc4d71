import { describe, expect, it } from "vitest";
import { finalStage, stageExists, stageTimescale, TIMESCALES } from "./timescales";

// The "Day N" of Appendix C as sums of the configured working days.
describe("timescales (RULES §3, Appendix C)", () => {
  it("corporate: acknowledge Day 5, Stage 1 Day 15 (25), Stage 2 Day 5 then Day 25 (45)", () => {
    const [s1, s2] = TIMESCALES.corporate.stages;
    expect(s1.acknowledge).toBe(5);
    expect(s1.acknowledge + s1.response).toBe(15);
    expect(s1.acknowledge + s1.response + s1.maxExtension).toBe(25);
    expect(s2.requestWindow).toBe(20);
    expect(s2.lateRequestMonths).toBe(6);
    expect(s2.acknowledge + s2.response).toBe(25);
    expect(s2.acknowledge + s2.response + s2.maxExtension).toBe(45);
  });

  it("children's: Day 3, Day 13 (23); Stage 2 Day 28 (68); Stage 3 Day 2, panel Day 32, report Day 37, response Day 52", () => {
    const [s1, s2, s3] = TIMESCALES.childrens.stages;
    expect(s1.acknowledge).toBe(3);
    expect(s1.acknowledge + s1.response).toBe(13);
    expect(s1.acknowledge + s1.response + s1.maxExtension).toBe(23);
    expect(s2.acknowledge + s2.response).toBe(28);
    expect(s2.acknowledge + s2.response + s2.maxExtension).toBe(68);
    expect(s3.acknowledge).toBe(2);
    expect(s3.acknowledge + s3.convenePanel).toBe(32);
    expect(s3.acknowledge + s3.convenePanel + s3.panelReport).toBe(37);
    expect(s3.acknowledge + s3.convenePanel + s3.panelReport + s3.councilResponse).toBe(52);
    expect(s3.inviteNotice).toBe(10);
  });

  it("adults: Day 3, internal standard 20 days from receipt, statutory limit Day 133", () => {
    const [s1] = TIMESCALES.adults.stages;
    expect(s1.acknowledge).toBe(3);
    expect(s1.internalTargetFromReceipt).toBe(20);
    expect(s1.acknowledge + s1.response).toBe(133);
    expect(s1.maxExtension).toBe("agreed_date");
  });

  it("every pathway triages by Day 1 and tries informal resolution up to Day 3", () => {
    expect(TIMESCALES.common.triage).toBe(1);
    expect(TIMESCALES.common.informalResolution).toBe(3);
  });

  it("corporate has stages 1–2, children's 1–3 and adults stage 1 only", () => {
    expect(finalStage("corporate")).toBe(2);
    expect(finalStage("childrens")).toBe(3);
    expect(finalStage("adults")).toBe(1);
    expect(stageExists("adults", 2)).toBe(false);
    expect(stageExists("corporate", 3)).toBe(false);
    expect(stageExists("childrens", 3)).toBe(true);
    expect(() => stageTimescale("adults", 2)).toThrow(RangeError);
  });
});
