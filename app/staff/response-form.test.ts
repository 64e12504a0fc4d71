import { describe, expect, it } from "vitest";
import { isoDateFromParts, penceFrom, readAcceptForm, readExtensionForm, readLateDecisionForm, readResponseForm, readTriageEndingForm, responseFormFields } from "./response-form";

const form = (entries: Array<[string, string]>) => new URLSearchParams(entries);
const today = "2026-12-02" as const;

describe("penceFrom", () => {
  it("reads pounds as people type them", () => {
    expect(penceFrom("150")).toBe(15000);
    expect(penceFrom("£1,250.50")).toBe(125050);
    expect(penceFrom("12.5")).toBe(1250);
    expect(penceFrom("٧٥")).toBe(7500);
  });
  it("refuses what is not an amount", () => {
    for (const typed of ["", "abc", "1,25", "12.345", "-5", "1e3", "£"]) expect(penceFrom(typed)).toBeNull();
  });
});

describe("isoDateFromParts", () => {
  it("takes a real date and refuses an impossible one", () => {
    expect(isoDateFromParts("5", "1", "2027")).toBe("2027-01-05");
    expect(isoDateFromParts("31", "2", "2027")).toBeNull();
    expect(isoDateFromParts("5", "1", "27")).toBeNull();
  });
});

describe("readResponseForm", () => {
  it("asks for the outcome and reasons", () => {
    const read = readResponseForm(form([]), "corporate", 1, today);
    expect(read.ok ? null : read.errors).toEqual({ outcome: "staff:action.respond.error.outcome", reasons: "staff:action.respond.error.reasons" });
  });
  it("asks an upheld response for the apology and how things are put right (§13.17)", () => {
    const read = readResponseForm(form([["outcome", "partially_upheld"], ["reasons", "We found some of it."]]), "corporate", 1, today);
    expect(read.ok ? null : read.errors).toEqual({ apology: "staff:action.respond.error.apology", remedies: "staff:action.respond.error.remedies" });
  });
  it("takes a response not upheld with reasons alone", () => {
    const read = readResponseForm(form([["outcome", "not_upheld"], ["reasons", "We found nothing wrong."]]), "corporate", 1, today);
    expect(read).toEqual({ ok: true, input: { outcome: "not_upheld", reasons: "We found nothing wrong.", remedies: [], actions: [] } });
  });
  it("records the remedy, the payment in pence and the actions with their dates", () => {
    const read = readResponseForm(
      form([
        ["outcome", "upheld"],
        ["reasons", "We were wrong."],
        ["apology", "We are sorry."],
        ["remedies", "payment"],
        ["remedies", "apology"],
        ["remedies", "made_up"],
        ["payment", "£150"],
        ["action2", "Fix the boiler"],
        ["action2By-day", "15"],
        ["action2By-month", "1"],
        ["action2By-year", "2027"],
      ]),
      "corporate",
      1,
      today,
    );
    expect(read).toEqual({ ok: true, input: { outcome: "upheld", reasons: "We were wrong.", apology: "We are sorry.", remedies: ["apology", "payment"], paymentPence: 15000, actions: [{ what: "Fix the boiler", by: "2027-01-15" }] } });
  });
  it("names what is wrong with a payment or an action", () => {
    const base: Array<[string, string]> = [["outcome", "upheld"], ["reasons", "R"], ["apology", "Sorry"], ["remedies", "payment"]];
    const errors = (extra: Array<[string, string]>) => {
      const read = readResponseForm(form([...base, ...extra]), "corporate", 1, today);
      return read.ok ? {} : read.errors;
    };
    expect(errors([])).toEqual({ payment: "staff:action.respond.error.payment" });
    expect(errors([["payment", "lots"]])).toEqual({ payment: "staff:action.respond.error.paymentInvalid" });
    expect(errors([["payment", "100001"]])).toEqual({ payment: "staff:action.respond.error.paymentTooLarge" });
    expect(errors([["payment", "50"], ["action1", "Fix it"]])).toEqual({ action1By: "staff:action.respond.error.actionDate" });
    expect(errors([["payment", "50"], ["action1By-day", "1"], ["action1By-month", "1"], ["action1By-year", "2027"]])).toEqual({ action1: "staff:action.respond.error.actionWhat" });
    expect(errors([["payment", "50"], ["action3", "Fix it"], ["action3By-day", "1"], ["action3By-month", "12"], ["action3By-year", "2026"]])).toEqual({ action3By: "staff:action.respond.error.actionDatePast" });
    const notUpheld = readResponseForm(form([["outcome", "not_upheld"], ["reasons", "R"], ["payment", "50"]]), "corporate", 1, today);
    expect(notUpheld.ok ? {} : notUpheld.errors).toEqual({ payment: "staff:action.respond.error.paymentWithoutRemedy" });
  });
});

describe("readExtensionForm", () => {
  it("takes working days and a reason on the corporate and children's processes", () => {
    expect(readExtensionForm(form([["days", "5"], ["reason", "Waiting for a report"]]), "corporate", 1, today)).toEqual({ ok: true, input: { days: 5, reason: "Waiting for a report" } });
    const read = readExtensionForm(form([["days", "0"]]), "childrens", 2, today);
    expect(read.ok ? null : read.errors).toEqual({ days: "staff:action.extend.error.daysInvalid", reason: "staff:action.extend.error.reason" });
  });
  it("takes a new date agreed with the person on the adults' process (§23.6), after today", () => {
    const agreed = (day: string) => form([["agreedDate-day", day], ["agreedDate-month", "3"], ["agreedDate-year", "2027"], ["reason", "Agreed by phone"]]);
    expect(readExtensionForm(agreed("27"), "adults", 1, today)).toEqual({ ok: true, input: { agreedDate: "2027-03-27", reason: "Agreed by phone" } });
    const past = readExtensionForm(form([["agreedDate-day", "1"], ["agreedDate-month", "12"], ["agreedDate-year", "2026"], ["reason", "R"]]), "adults", 1, today);
    expect(past.ok ? null : past.errors).toEqual({ agreedDate: "staff:action.extend.error.agreedDatePast" });
  });
});

describe("the triage and late-request forms", () => {
  it("accepts on the suggested process without a reason, and on another only with one (RULES §2)", () => {
    expect(readAcceptForm(form([]), "corporate")).toEqual({ ok: true, input: { pathway: "corporate" } });
    const moved = readAcceptForm(form([["pathway", "adults"]]), "corporate");
    expect(moved.ok ? null : moved.errors).toEqual({ reason: "staff:action.accept.error.reason" });
    expect(readAcceptForm(form([["pathway", "adults"], ["reason", "Care"]]), "corporate")).toEqual({ ok: true, input: { pathway: "adults", reason: "Care" } });
    const unknown = readAcceptForm(form([["pathway", "housing"]]), "corporate");
    expect(unknown.ok ? null : unknown.errors).toEqual({ pathway: "staff:action.accept.error.pathway" });
  });
  it("asks a complaint not accepted for the exclusion that applies (§6.5) and the explanation", () => {
    const empty = readTriageEndingForm(form([["exclusion", "made_up"]]), "not_accepted");
    expect(empty.ok ? null : empty.errors).toEqual({ exclusion: "staff:action.not-accept.error.exclusion", reason: "staff:action.not-accept.error.reason" });
    expect(readTriageEndingForm(form([["exclusion", "planning_decision"], ["reason", "Appeal"]]), "not_accepted")).toEqual({ ok: true, input: { outcome: "not_accepted", exclusion: "planning_decision", reason: "Appeal" } });
    expect(readTriageEndingForm(form([["reason", "Passed on"]]), "service_request")).toEqual({ ok: true, input: { outcome: "service_request", reason: "Passed on" } });
  });
  it("asks the late-request decision for accept or refuse and the reasons", () => {
    const empty = readLateDecisionForm(form([["decision", "maybe"]]));
    expect(empty.ok ? null : empty.errors).toEqual({ decision: "staff:action.decide-late.error.decision", reason: "staff:action.decide-late.error.reason" });
    expect(readLateDecisionForm(form([["decision", "refuse"], ["reason", "New matter"]]))).toEqual({ ok: true, input: { accept: false, reason: "New matter" } });
  });
});

describe("the response form's fields kept as a draft", () => {
  it("keeps only the form's own fields, each cut to its limit, and the remedies it knows", () => {
    const form = new URLSearchParams({ outcome: "upheld", reasons: "r".repeat(20_050), payment: "45", "action1By-day": "1", formId: "x", version: "3", intruder: "y" });
    form.append("remedies", "payment");
    form.append("remedies", "bribe");
    const kept = responseFormFields(form);
    expect(Object.keys(kept.values).sort()).toEqual(["action1By-day", "outcome", "payment", "reasons"]);
    expect(kept.values.reasons).toHaveLength(20_000);
    expect(kept.remedies).toEqual(["payment"]);
  });
});
