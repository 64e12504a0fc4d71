import { describe, expect, it } from "vitest";
import {
  canVisitEquality,
  checkEqualityAnswer,
  equalityJourney,
  equalityPage,
  type EqualityProgress,
  givenAnswers,
  nextEqualityPage,
  resumeEqualityAt,
  withAnswer,
} from "./equality-questions";

const page = (id: string) => equalityPage(id)!;
const ids = (progress: EqualityProgress) => equalityJourney(progress).map((p) => p.id);
const allowed = (id: string, progress: EqualityProgress = { optIn: "yes", answers: {} }) => page(id).options(progress).map((o) => o.value);

describe("the equality questions", () => {
  it("ask only whether to answer, until the resident says yes", () => {
    expect(ids({ answers: {} })).toEqual(["questions"]);
    expect(ids({ optIn: "no", answers: {} })).toEqual(["questions"]);
    expect(ids({ optIn: "yes", answers: {} })).toEqual([
      "questions", "age", "disability", "sex", "gender-identity", "sexual-orientation", "religion", "ethnic-group", "pregnancy",
    ]);
  });

  it("ask about a condition's impact, and an ethnic background, only when they follow from an answer", () => {
    const progress: EqualityProgress = { optIn: "yes", answers: { disability: "yes", ethnicGroup: "asian" } };
    expect(ids(progress)).toContain("disability-impact");
    expect(ids(progress)).toContain("ethnic-background");
    expect(allowed("ethnic-background", progress)).toEqual(["indian", "pakistani", "bangladeshi", "chinese", "other_asian", "prefer_not_to_say"]);
    expect(ids({ optIn: "yes", answers: { ethnicGroup: "prefer_not_to_say" } })).not.toContain("ethnic-background");
  });

  it("need an answer to the opt-in, and let every question be skipped or answered 'prefer not to say', nothing else", () => {
    expect(checkEqualityAnswer(page("questions"), undefined, allowed("questions"))).toEqual({ ok: false, error: "complaint.equality.optIn.error.required" });
    expect(checkEqualityAnswer(page("questions"), "yes", allowed("questions"))).toEqual({ ok: true, value: "yes" });
    expect(checkEqualityAnswer(page("age"), "", allowed("age"))).toEqual({ ok: true, value: "" });
    expect(checkEqualityAnswer(page("age"), undefined, allowed("age"))).toEqual({ ok: true, value: "" });
    expect(checkEqualityAnswer(page("age"), "prefer_not_to_say", allowed("age"))).toEqual({ ok: true, value: "prefer_not_to_say" });
    expect(checkEqualityAnswer(page("age"), "42", allowed("age"))).toEqual({ ok: false, error: "errors.form.invalid" });
  });

  it("go in order, and cannot be reached out of it", () => {
    const started = withAnswer({ answers: {} }, page("questions"), "yes");
    expect(nextEqualityPage("questions", started)).toBe("age");
    expect(canVisitEquality("age", started)).toBe(true);
    expect(canVisitEquality("religion", started)).toBe(false);
    expect(resumeEqualityAt(started)).toBe("age");
    expect(nextEqualityPage("questions", withAnswer({ answers: {} }, page("questions"), "no"))).toBeNull();
  });

  it("forget answers that no longer apply, and keep only those given", () => {
    let progress = withAnswer({ answers: {} }, page("questions"), "yes");
    progress = withAnswer(progress, page("age"), "");
    progress = withAnswer(progress, page("disability"), "yes");
    progress = withAnswer(progress, page("disability-impact"), "a_lot");
    progress = withAnswer(progress, page("ethnic-group"), "white");
    progress = withAnswer(progress, page("ethnic-background"), "roma");
    expect(givenAnswers(progress)).toEqual({ disability: "yes", disabilityImpact: "a_lot", ethnicGroup: "white", ethnicBackground: "roma" });
    progress = withAnswer(progress, page("disability"), "no");
    progress = withAnswer(progress, page("ethnic-group"), "asian");
    expect(givenAnswers(progress)).toEqual({ disability: "no", ethnicGroup: "asian" });
    expect(givenAnswers(withAnswer(progress, page("questions"), "no"))).toEqual({});
  });
});
