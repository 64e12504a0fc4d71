import { describe, expect, it } from "vitest";
import {
  canVisit,
  type ComplaintAnswers,
  dateFromParts,
  firstUnanswered,
  isOutOfTime,
  journey,
  mergeAnswers,
  nextPage,
  savedValues,
  stepById,
  validateStep,
} from "./complaint-steps";

const TODAY = "2026-11-23";
const step = (id: string) => stepById(id)!;

const COMPLETE: ComplaintAnswers = {
  serviceArea: "parking", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01", proceedings: "no",
  whatWentWrong: "w", howAffected: "h", outcomeWanted: "o", referenceNumbers: "", filesReviewed: "yes",
  giveDetails: "no", supportNeeds: "", interpreter: "no", interpreterLanguage: "",
};

describe("dates typed as day, month and year", () => {
  it("become an ISO date when real and not in the future", () => {
    expect(dateFromParts("1", "2", "2026", TODAY)).toBe("2026-02-01");
    expect(dateFromParts(" 23 ", "11", "2026", TODAY)).toBe("2026-11-23");
  });

  it("name what is wrong otherwise", () => {
    expect(dateFromParts("", "", "", TODAY)).toBe("complaint.when.error.required");
    expect(dateFromParts("1", "", "2026", TODAY)).toBe("complaint.when.error.incomplete");
    expect(dateFromParts("31", "2", "2026", TODAY)).toBe("complaint.when.error.invalid");
    expect(dateFromParts("1", "1", "26", TODAY)).toBe("complaint.when.error.invalid");
    expect(dateFromParts("24", "11", "2026", TODAY)).toBe("complaint.when.error.future");
  });
});

describe("checking a page's answer", () => {
  it("accepts a valid answer and returns what to save", () => {
    expect(validateStep(step("reported-before"), { reportedBefore: "no" }, TODAY)).toEqual({ ok: true, answers: { reportedBefore: "no" } });
    expect(validateStep(step("when"), { "happenedOn-day": "1", "happenedOn-month": "10", "happenedOn-year": "2026" }, TODAY)).toEqual({
      ok: true,
      answers: { happenedOn: "2026-10-01" },
    });
  });

  it("gives translation keys for missing, over-long and hidden-character answers", () => {
    expect(validateStep(step("what-went-wrong"), { whatWentWrong: "   " }, TODAY)).toEqual({ ok: false, errors: { whatWentWrong: "complaint.whatWentWrong.error.required" } });
    expect(validateStep(step("what-went-wrong"), { whatWentWrong: "x".repeat(5001) }, TODAY)).toEqual({ ok: false, errors: { whatWentWrong: "complaint.whatWentWrong.error.tooLong" } });
    expect(validateStep(step("what-went-wrong"), { whatWentWrong: "a\u0000b" }, TODAY)).toEqual({ ok: false, errors: { whatWentWrong: "errors.form.controlCharacters" } });
    expect(validateStep(step("reported-before"), { reportedBefore: "maybe" }, TODAY)).toEqual({ ok: false, errors: { reportedBefore: "complaint.reportedBefore.error.required" } });
  });

  it("keeps markup as text, to be escaped where it is shown", () => {
    const result = validateStep(step("outcome"), { outcomeWanted: "<script>alert(1)</script>" }, TODAY);
    expect(result).toEqual({ ok: true, answers: { outcomeWanted: "<script>alert(1)</script>" } });
  });

  it("needs at least one way to contact, and a well-formed email", () => {
    expect(validateStep(step("contact"), { email: "", phone: "", address: "" }, TODAY)).toEqual({ ok: false, errors: { email: "complaint.contact.error.required" } });
    expect(validateStep(step("contact"), { email: "not-an-email", phone: "", address: "" }, TODAY)).toEqual({ ok: false, errors: { email: "complaint.contact.error.emailInvalid" } });
    expect(validateStep(step("contact"), { email: "", phone: "024 7683 1234", address: "" }, TODAY).ok).toBe(true);
  });

  it("asks for the language only when an interpreter is wanted, and drops it otherwise", () => {
    expect(validateStep(step("interpreter"), { interpreter: "yes", interpreterLanguage: "" }, TODAY)).toEqual({ ok: false, errors: { interpreterLanguage: "complaint.interpreter.error.languageRequired" } });
    expect(validateStep(step("interpreter"), { interpreter: "no", interpreterLanguage: "Polish" }, TODAY)).toEqual({ ok: true, answers: { interpreter: "no", interpreterLanguage: "" } });
  });

  it("lets every equality question be skipped or answered 'prefer not to say', and nothing else", () => {
    expect(validateStep(step("equality-age"), {}, TODAY)).toEqual({ ok: true, answers: { equality: { ageBand: "" } } });
    expect(validateStep(step("equality-age"), { ageBand: "prefer_not_to_say" }, TODAY).ok).toBe(true);
    expect(validateStep(step("equality-age"), { ageBand: "42" }, TODAY).ok).toBe(false);
  });

  it("reads only the page's own fields, whatever else is posted", () => {
    expect(validateStep(step("reported-before"), { reportedBefore: "yes", serviceArea: "tampered" }, TODAY)).toEqual({ ok: true, answers: { reportedBefore: "yes" } });
  });
});

describe("the order of pages", () => {
  it("shows advice only to those it applies to (RULES §5, §9)", () => {
    const ids = (answers: ComplaintAnswers) => journey(answers, TODAY, "complaint").map((page) => page.id);
    expect(ids(COMPLETE)).not.toContain("service-request");
    expect(ids({ ...COMPLETE, reportedBefore: "no" })).toContain("service-request");
    expect(ids({ ...COMPLETE, subject: "parking_or_penalty_charge" })).toContain("subject-advice");
    expect(ids({ ...COMPLETE, happenedOn: "2025-11-22" })).toContain("out-of-time");
    expect(ids({ ...COMPLETE, happenedOn: "2025-11-23" })).not.toContain("out-of-time");
    expect(ids(COMPLETE)).not.toContain("name");
    expect(isOutOfTime("2025-11-22", TODAY)).toBe(true);
  });

  it("refuses a page whose earlier questions are unanswered", () => {
    expect(canVisit("service", {}, TODAY)).toBe(true);
    expect(canVisit("outcome", {}, TODAY)).toBe(false);
    expect(canVisit("outcome", { ...COMPLETE, outcomeWanted: undefined }, TODAY)).toBe(true);
    expect(canVisit("equality", { ...COMPLETE, whatWentWrong: undefined }, TODAY)).toBe(false);
    expect(canVisit("name", COMPLETE, TODAY)).toBe(false);
  });

  it("goes forward in order, and back to check answers after a change unless something new needs an answer", () => {
    expect(nextPage("service", COMPLETE, TODAY)).toBe("/complaint/reported-before");
    expect(nextPage("interpreter", COMPLETE, TODAY)).toBe("/complaint/check-answers");
    expect(nextPage("outcome", COMPLETE, TODAY, true)).toBe("/complaint/check-answers");
    expect(nextPage("give-details", { ...COMPLETE, giveDetails: "yes" }, TODAY, true)).toBe("/complaint/name?returnTo=check-answers");
    expect(nextPage("subject", { ...COMPLETE, subject: "blue_badge_decision" }, TODAY, true)).toBe("/complaint/subject-advice?returnTo=check-answers");
    expect(firstUnanswered(COMPLETE, TODAY, "complaint")).toBeNull();
    expect(nextPage("equality", { ...COMPLETE, equalityOptIn: "no" }, TODAY)).toBe("/complaint/send");
  });

  it("puts saved answers back in the form, dates as day, month and year", () => {
    expect(savedValues(step("when"), COMPLETE)).toEqual({ "happenedOn-day": "1", "happenedOn-month": "10", "happenedOn-year": "2026" });
    expect(savedValues(step("equality-sex"), { equality: { sex: "female" } })).toEqual({ sex: "female" });
  });

  it("merges equality answers without losing earlier ones", () => {
    expect(mergeAnswers({ equality: { sex: "male" } }, { equality: { ageBand: "16_24" } }).equality).toEqual({ sex: "male", ageBand: "16_24" });
  });
});
