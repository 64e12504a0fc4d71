import { describe, expect, it } from "vitest";
import { computeTimeline } from "./complaint-timeline";
import { acknowledgementContents, OUTCOMES, REMEDIES, responseRequirements } from "./stage-outcomes";

describe("stage decisions (§13.13–§13.17)", () => {
  it("are upheld, partially upheld or not upheld", () => {
    expect(OUTCOMES).toEqual(["upheld", "partially_upheld", "not_upheld"]);
  });

  it("lists the ways of putting things right from §15.1", () => {
    expect(REMEDIES).toHaveLength(7);
    expect(REMEDIES).toContain("apology");
    expect(REMEDIES).toContain("payment");
  });

  it("need an apology, the remedy and dated actions when upheld fully or partly", () => {
    for (const outcome of ["upheld", "partially_upheld"] as const) {
      const needs = responseRequirements("corporate", 1, outcome);
      expect(needs.apology, outcome).toBe(true);
      expect(needs.remedyAndActionsWithDates, outcome).toBe(true);
    }
  });

  it("need only the reasons when not upheld", () => {
    const needs = responseRequirements("corporate", 1, "not_upheld");
    expect(needs.reasons).toBe(true);
    expect(needs.apology).toBe(false);
    expect(needs.remedyAndActionsWithDates).toBe(false);
  });

  it("explain how to ask for the next stage before the last stage", () => {
    expect(responseRequirements("childrens", 2, "not_upheld").nextStep).toEqual({ key: "outcomes.nextStage", params: { stage: 3, count: 20 } });
  });

  it("explain how to go to the Ombudsman after the last stage", () => {
    expect(responseRequirements("corporate", 2, "upheld").nextStep.key).toBe("ombudsman.referral.final_response");
    expect(responseRequirements("adults", 1, "upheld").nextStep.key).toBe("ombudsman.referral.final_response");
  });
});

describe("the acknowledgement (§13.8)", () => {
  it("sets out our understanding, the outcome sought, the investigating officer and the response date from the timeline", () => {
    const result = computeTimeline({
      pathway: "corporate",
      events: [
        { type: "received", date: "2026-11-30" },
        { type: "acknowledged", stage: 1, date: "2026-12-02" },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(acknowledgementContents(result.timeline, 1)).toEqual({
      contents: ["understanding_of_complaint", "outcome_sought", "investigating_officer", "response_date"],
      responseBy: "2026-12-16",
    });
  });
});
