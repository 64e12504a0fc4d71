import { describe, expect, it } from "vitest";
import {
  type ComplaintAnswers,
  titleKeyOf,
  datePartsInError,
  dateFromParts,
  isOutOfTime,
  mergeAnswers,
  savedValues,
  validateStep,
} from "./complaint-steps";
import { canVisit, firstUnanswered, journey, nextPage, STEP_IDS, stepById } from "./journey-order.server";
import { serverCheck } from "./server-checks";

const TODAY = "2026-11-23";
const step = (id: string) => stepById(id)!;
const NO_TEXTS = { textMessages: false };

const COMPLETE: ComplaintAnswers = {
  serviceArea: "parking", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01", proceedings: "no", complainingFor: "myself",
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
    expect(dateFromParts("1", "", "2026", TODAY)).toBe("complaint.when.error.missing.month");
    expect(dateFromParts("", "3", "2026", TODAY)).toBe("complaint.when.error.missing.day");
    expect(dateFromParts("1", "3", " ", TODAY)).toBe("complaint.when.error.missing.year");
    expect(dateFromParts("", "", "2026", TODAY)).toBe("complaint.when.error.missing.dayMonth");
    expect(dateFromParts("", "3", "", TODAY)).toBe("complaint.when.error.missing.dayYear");
    expect(dateFromParts("1", "", "", TODAY)).toBe("complaint.when.error.missing.monthYear");
    expect(dateFromParts("31", "2", "2026", TODAY)).toBe("complaint.when.error.invalid");
    expect(dateFromParts("1", "1", "26", TODAY)).toBe("complaint.when.error.invalid");
    expect(dateFromParts("24", "11", "2026", TODAY)).toBe("complaint.when.error.future");
  });
});

describe("digits typed in the resident's own script", () => {
  it("make the same dates as ASCII digits", () => {
    expect(dateFromParts("٢٣", "١١", "٢٠٢٦", TODAY)).toBe("2026-11-23"); // Arabic
    expect(dateFromParts("۲۳", "۱۱", "۲۰۲۶", TODAY)).toBe("2026-11-23"); // Urdu
    expect(dateFromParts("੨੩", "੧੧", "੨੦੨੬", TODAY)).toBe("2026-11-23"); // Gurmukhi
    expect(dateFromParts("２３", "１１", "２０２６", TODAY)).toBe("2026-11-23"); // full-width
    expect(dateFromParts("٣١", "٢", "٢٠٢٦", TODAY)).toBe("complaint.when.error.invalid");
  });

  it("make a phone number stored as ASCII", () => {
    expect(validateStep(step("contact"), { email: "", phone: "۰۷۷۰۰ ۹۰۰۱۲۳", address: "" }, TODAY)).toEqual({
      ok: true,
      answers: { email: "", phone: "07700 900123", address: "" },
    });
  });
});

describe("a date's boxes marked as wrong", () => {
  it("are only the missing ones when parts are missing, and all three otherwise", () => {
    expect(datePartsInError("complaint.when.error.missing.month")).toEqual(["month"]);
    expect(datePartsInError("complaint.when.error.missing.dayYear")).toEqual(["day", "year"]);
    expect(datePartsInError("complaint.when.error.invalid")).toEqual(["day", "month", "year"]);
    expect(datePartsInError(undefined)).toEqual([]);
  });
});

describe("one-line answers", () => {
  it("refuse a name, email, phone, reference or language with a line break in it", () => {
    const phishing = "Ada\n\nYour account is locked. Visit evil.example to unlock it.";
    expect(validateStep(step("name"), { name: phishing }, TODAY)).toEqual({ ok: false, errors: { name: "errors.form.oneLine" } });
    expect(validateStep(step("name"), { name: "Ada\u2028Lovelace" }, TODAY)).toEqual({ ok: false, errors: { name: "errors.form.oneLine" } });
    expect(validateStep(step("references"), { hasReferences: "yes", referenceNumbers: "A\tB" }, TODAY)).toEqual({
      ok: false, errors: { referenceNumbers: "errors.form.oneLine" },
    });
    expect(validateStep(step("contact"), { email: "a@example.com\r\nBcc: b@example.com", phone: "", address: "" }, TODAY)).toMatchObject({
      ok: false, errors: { email: "errors.form.oneLine" },
    });
  });

  it("ask for reference numbers only when the resident has some, and keep none when they say no", () => {
    expect(validateStep(step("references"), {}, TODAY)).toEqual({ ok: false, errors: { hasReferences: "complaint.references.error.required" } });
    expect(validateStep(step("references"), { hasReferences: "yes", referenceNumbers: " " }, TODAY)).toEqual({
      ok: false, errors: { referenceNumbers: "complaint.references.error.numbersRequired" },
    });
    expect(validateStep(step("references"), { hasReferences: "no", referenceNumbers: "CT-123" }, TODAY)).toEqual({
      ok: true, answers: { hasReferences: "no", referenceNumbers: "" },
    });
  });

  it("ask for an interpreter's language only on yes, and not English, the council's own (§10.6)", () => {
    expect(validateStep(step("interpreter"), { interpreter: "yes", interpreterLanguage: "" }, TODAY)).toEqual({
      ok: false, errors: { interpreterLanguage: "complaint.interpreter.error.languageRequired" },
    });
    // English is refused on the server, once the answer is posted (server-checks.ts).
    for (const english of ["English", " english ", "angielski", "الإنجليزية", "انگریزی"]) {
      expect(serverCheck("interpreter", { interpreter: "yes", interpreterLanguage: english }, NO_TEXTS), english).toEqual({ interpreterLanguage: "complaint.interpreter.error.english" });
    }
    expect(serverCheck("interpreter", { interpreter: "yes", interpreterLanguage: "polski" }, NO_TEXTS)).toEqual({});
    expect(validateStep(step("interpreter"), { interpreter: "yes", interpreterLanguage: "polski" }, TODAY)).toEqual({
      ok: true, answers: { interpreter: "yes", interpreterLanguage: "polski" },
    });
    expect(validateStep(step("interpreter"), { interpreter: "no", interpreterLanguage: "English" }, TODAY)).toEqual({
      ok: true, answers: { interpreter: "no", interpreterLanguage: "" },
    });
  });

  it("keep names to 100 characters, and take any script", () => {
    expect(validateStep(step("name"), { name: "a".repeat(101) }, TODAY)).toEqual({ ok: false, errors: { name: "complaint.name.error.tooLong" } });
    expect(validateStep(step("name"), { name: "  أميرة خان  " }, TODAY)).toEqual({ ok: true, answers: { name: "أميرة خان" } });
  });

  it("still let long answers run over several lines", () => {
    expect(validateStep(step("what-went-wrong"), { whatWentWrong: "First.\r\nSecond." }, TODAY)).toEqual({
      ok: true, answers: { whatWentWrong: "First.\nSecond." },
    });
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

  it("reads only the page's own fields, whatever else is posted", () => {
    expect(validateStep(step("reported-before"), { reportedBefore: "yes", serviceArea: "tampered" }, TODAY)).toEqual({ ok: true, answers: { reportedBefore: "yes" } });
  });
});

describe("the order of pages", () => {
  it("shows advice only to those it applies to (RULES §5, §9)", () => {
    const ids = (answers: ComplaintAnswers) => journey(answers, TODAY).map((page) => page.id);
    expect(ids(COMPLETE)).not.toContain("service-request");
    expect(ids({ ...COMPLETE, reportedBefore: "no" })).toContain("service-request");
    expect(ids({ ...COMPLETE, subject: "parking_or_penalty_charge" })).toContain("subject-advice");
    // RULES §2: a children's matter outside the statutory scope is told which process it goes through, not
    // shown an advice page with nothing on it.
    expect(ids({ ...COMPLETE, subject: "early_help" })).toContain("pathway-note");
    expect(ids({ ...COMPLETE, subject: "early_help" })).not.toContain("subject-advice");
    expect(ids({ ...COMPLETE, subject: "parking_or_penalty_charge" })).not.toContain("pathway-note");
    expect(ids({ ...COMPLETE, happenedOn: "2025-11-22" })).toContain("out-of-time");
    expect(ids({ ...COMPLETE, happenedOn: "2025-11-23" })).not.toContain("out-of-time");
    expect(ids(COMPLETE)).not.toContain("name");
    expect(isOutOfTime("2025-11-22", TODAY)).toBe(true);
  });

  it("asks again what the complaint is about when the service changes, since the matters offered depend on it", () => {
    const changed = mergeAnswers({ ...COMPLETE, subject: "early_help" }, { serviceArea: "libraries" });
    expect(changed.subject).toBeUndefined();
    expect(nextPage("service", changed, TODAY, true)).toBe("/complaint/subject?returnTo=check-answers");
    expect(mergeAnswers({ ...COMPLETE, subject: "insurance_claim" }, { serviceArea: COMPLETE.serviceArea }).subject).toBe("insurance_claim");
  });

  it("refuses a page whose earlier questions are unanswered", () => {
    expect(canVisit("service", {}, TODAY)).toBe(true);
    expect(canVisit("outcome", {}, TODAY)).toBe(false);
    expect(canVisit("outcome", { ...COMPLETE, outcomeWanted: undefined }, TODAY)).toBe(true);
    expect(canVisit("name", COMPLETE, TODAY)).toBe(false);
  });

  it("goes forward in order, and back to check answers after a change unless something new needs an answer", () => {
    expect(nextPage("service", COMPLETE, TODAY)).toBe("/complaint/reported-before");
    expect(nextPage("interpreter", COMPLETE, TODAY)).toBe("/complaint/check-answers");
    expect(nextPage("outcome", COMPLETE, TODAY, true)).toBe("/complaint/check-answers");
    expect(nextPage("give-details", { ...COMPLETE, giveDetails: "yes" }, TODAY, true)).toBe("/complaint/name?returnTo=check-answers");
    expect(nextPage("subject", { ...COMPLETE, subject: "blue_badge_decision" }, TODAY, true)).toBe("/complaint/subject-advice?returnTo=check-answers");
    expect(firstUnanswered(COMPLETE, TODAY)).toBeNull();
  });

  it("puts saved answers back in the form, dates as day, month and year", () => {
    expect(savedValues(step("when"), COMPLETE)).toEqual({ "happenedOn-day": "1", "happenedOn-month": "10", "happenedOn-year": "2026" });
  });

  it("saves a page's answer over the earlier ones without losing the rest", () => {
    expect(mergeAnswers({ name: "Ada", email: "a@example.com" }, { name: "Ada Lovelace" })).toEqual({ name: "Ada Lovelace", email: "a@example.com" });
  });

  it("asks nothing about equality: those questions come after sending, apart (app/equality)", () => {
    expect(STEP_IDS.some((id) => id.startsWith("equality"))).toBe(false);
  });
});

describe("complaining for someone else (issue 10)", () => {
  const FOR_SOMEONE: ComplaintAnswers = {
    ...COMPLETE, complainingFor: "someone_else", giveDetails: undefined, relationship: "advocate", advocateOrganisation: "Advice Centre",
    representativeName: "Priya", representativePhone: "", personName: "Amira", personEmail: "amira@example.com", personPhone: "", personAddress: "",
    personLanguage: "pl", personUnder18: "no", personCanConsent: "yes", consentRoute: "online",
  };
  const ids = (answers: ComplaintAnswers) => journey(answers, TODAY).map((page) => page.id);

  it("asks who the complaint is for after the screening questions, then about the person and their permission, not the contact questions", () => {
    const pages = ids(FOR_SOMEONE);
    expect(pages.slice(pages.indexOf("proceedings") + 1, pages.indexOf("what-went-wrong"))).toEqual([
      "who-for", "relationship", "your-details", "person-name", "person-contact", "person-language", "person-age", "person-consent", "consent-route",
    ]);
    expect(pages).not.toContain("give-details");
    expect(pages).not.toContain("contact");
    expect(firstUnanswered(FOR_SOMEONE, TODAY)).toBeNull();
    expect(ids(COMPLETE)).toContain("give-details");
    expect(ids(COMPLETE)).not.toContain("relationship");
  });

  it("asks why a person cannot consent, and then what fits: the child's views, the authority for an adult or after a death", () => {
    const cannot = { ...FOR_SOMEONE, personCanConsent: "no" as const, consentRoute: undefined };
    expect(ids({ ...cannot, cannotConsentReason: "child" })).toEqual(expect.arrayContaining(["cannot-consent", "child-views"]));
    expect(ids({ ...cannot, cannotConsentReason: "lacks_capacity" })).toContain("capacity-authority");
    expect(ids({ ...cannot, cannotConsentReason: "died" })).toContain("death-authority");
    expect(ids({ ...cannot, cannotConsentReason: "died" })).not.toContain("consent-route");
    expect(ids({ ...FOR_SOMEONE, consentRoute: "signed_form" })).toContain("consent-form");
    expect(ids({ ...FOR_SOMEONE, personEmail: "" })).not.toContain("person-language");
  });

  it("needs the box under the chosen relationship, and keeps only that one", () => {
    const relationship = stepById("relationship")!;
    expect(validateStep(relationship, { relationship: "councillor", councillorWard: "" }, TODAY)).toEqual({ ok: false, errors: { councillorWard: "complaint.relationship.error.councillorWard" } });
    const saved = validateStep(relationship, { relationship: "councillor", councillorWard: "Foleshill", advocateOrganisation: "left over" }, TODAY);
    expect(saved).toEqual({ ok: true, answers: expect.objectContaining({ relationship: "councillor", councillorWard: "Foleshill", advocateOrganisation: "" }) });
    expect(validateStep(relationship, { relationship: "family_friend_carer" }, TODAY).ok).toBe(true);
    expect(validateStep(relationship, { relationship: "cousin" }, TODAY)).toEqual({ ok: false, errors: { relationship: "complaint.relationship.error.required" } });
  });

  it("asks for the person's email before they can confirm online", () => {
    expect(serverCheck("consent-route", { ...FOR_SOMEONE, personEmail: "", personPhone: "07700 900123" }, NO_TEXTS)).toEqual({ consentRoute: "complaint.consentRoute.error.noEmail" });
    expect(serverCheck("consent-route", FOR_SOMEONE, NO_TEXTS)).toEqual({});
    expect(serverCheck("consent-route", { ...FOR_SOMEONE, personEmail: "", consentRoute: "signed_form" }, NO_TEXTS)).toEqual({});
  });

  it("takes a UK mobile number instead of an email when the council sends texts", () => {
    const texts = { textMessages: true };
    expect(serverCheck("consent-route", { ...FOR_SOMEONE, personEmail: "", personPhone: "07700 900123" }, texts)).toEqual({});
    expect(serverCheck("consent-route", { ...FOR_SOMEONE, personEmail: "", personPhone: "024 7683 3333" }, texts)).toEqual({ consentRoute: "complaint.consentRoute.error.noContact" });
    expect(serverCheck("consent-route", { ...FOR_SOMEONE, personEmail: "", personPhone: "" }, texts)).toEqual({ consentRoute: "complaint.consentRoute.error.noContact" });
  });

  it("asks which language to write in when the person has an email address or a phone number", () => {
    const language = step("person-language");
    expect(language.applies({ ...FOR_SOMEONE, personEmail: "", personPhone: "07700 900123" }, TODAY)).toBe(true);
    expect(language.applies({ ...FOR_SOMEONE, personEmail: "", personPhone: "" }, TODAY)).toBe(false);
  });

  it("speaks of them in the questions about how it affected them", () => {
    expect(titleKeyOf(stepById("how-affected")!, FOR_SOMEONE)).toBe("complaint.howAffected.them");
    expect(titleKeyOf(stepById("how-affected")!, COMPLETE)).toBe("complaint.howAffected.title");
    expect(titleKeyOf(stepById("what-went-wrong")!, FOR_SOMEONE)).toBe("complaint.whatWentWrong.title");
  });
});

