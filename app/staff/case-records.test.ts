import { describe, expect, it } from "vitest";
import { readClassificationForm, readConductForm, recordsConductOutcome } from "./classification";
import { readDecisionForm, readEnquiryForm } from "./ombudsman-enquiry";

const form = (entries: [string, string][]) => new URLSearchParams(entries);

describe("the team and categories of concern", () => {
  it("takes a team and every known category chosen, tidying the team's spaces", () => {
    expect(readClassificationForm(form([["team", "  Team   West "], ["categories", "communication"], ["categories", "staff_conduct"]]))).toEqual({
      ok: true,
      input: { team: "Team West", categories: ["communication", "staff_conduct"] },
    });
  });
  it("asks for a team and at least one category, ignoring categories it does not know", () => {
    expect(readClassificationForm(form([["team", " "], ["categories", "gossip"]]))).toEqual({
      ok: false,
      errors: { team: "staff:classify.error.team", categories: "staff:classify.error.categories" },
    });
    expect(readClassificationForm(form([["team", "x".repeat(121)], ["categories", "delay"]]))).toMatchObject({ ok: false, errors: { team: "staff:classify.error.teamTooLong" } });
  });
  it("§15.4: only a staff-conduct concern has a conduct outcome", () => {
    expect(recordsConductOutcome(["communication", "staff_conduct"])).toBe(true);
    expect(recordsConductOutcome(["communication"])).toBe(false);
  });
  it("reads a conduct outcome, asking for the outcome and the notes", () => {
    expect(readConductForm(form([["outcome", "partially_upheld"], ["notes", " Spoken to. "]]))).toEqual({ ok: true, input: { outcome: "partially_upheld", notes: "Spoken to." } });
    expect(readConductForm(form([["outcome", "maybe"]]))).toEqual({ ok: false, errors: { outcome: "staff:conduct.error.outcome", notes: "staff:conduct.error.notes" } });
  });
});

describe("an Ombudsman enquiry", () => {
  const today = "2026-12-02" as const;
  it("takes the Ombudsman's reference and a real date that is not in the future", () => {
    expect(readEnquiryForm(form([["ombudsmanReference", " 24 001 234 "], ["receivedOn-day", "1"], ["receivedOn-month", "12"], ["receivedOn-year", "2026"]]), today)).toEqual({
      ok: true,
      input: { ombudsmanReference: "24 001 234", receivedOn: "2026-12-01" },
    });
    expect(readEnquiryForm(form([["receivedOn-day", "31"], ["receivedOn-month", "2"], ["receivedOn-year", "2026"]]), today)).toEqual({
      ok: false,
      errors: { ombudsmanReference: "staff:ombudsman.error.reference", receivedOn: "staff:ombudsman.error.receivedOn" },
    });
    expect(readEnquiryForm(form([["ombudsmanReference", "A"], ["receivedOn-day", "3"], ["receivedOn-month", "12"], ["receivedOn-year", "2026"]]), today)).toMatchObject({
      errors: { receivedOn: "staff:ombudsman.error.receivedOnFuture" },
    });
  });
  it("takes a decision on or after the enquiry came, with any remedy and payment in pence", () => {
    const decided = form([["decision", "upheld_with_injustice"], ["decidedOn-day", "20"], ["decidedOn-month", "11"], ["decidedOn-year", "2026"], ["remedy", " Apologise and pay "], ["payment", "£1,250.50"]]);
    expect(readDecisionForm(decided, "2026-10-01", today)).toEqual({
      ok: true,
      input: { decision: "upheld_with_injustice", decidedOn: "2026-11-20", remedy: "Apologise and pay", remedyPence: 125050 },
    });
    expect(readDecisionForm(decided, "2026-11-21", today)).toMatchObject({ ok: false, errors: { decidedOn: "staff:ombudsman.error.decidedOnBeforeReceived" } });
    const noPayment = form([["decision", "not_upheld"], ["decidedOn-day", "2"], ["decidedOn-month", "12"], ["decidedOn-year", "2026"]]);
    expect(readDecisionForm(noPayment, "2026-10-01", today)).toMatchObject({ ok: true, input: { remedy: "", remedyPence: null } });
  });
  it("refuses a decision it does not know, a payment that is not an amount, and one over the limit", () => {
    const wrong = form([["decision", "guilty"], ["decidedOn-day", "2"], ["decidedOn-month", "12"], ["decidedOn-year", "2026"], ["payment", "lots"]]);
    expect(readDecisionForm(wrong, "2026-10-01", today)).toEqual({ ok: false, errors: { decision: "staff:ombudsman.error.decision", payment: "staff:ombudsman.error.payment" } });
    const huge = form([["decision", "not_upheld"], ["decidedOn-day", "2"], ["decidedOn-month", "12"], ["decidedOn-year", "2026"], ["payment", "100000.01"]]);
    expect(readDecisionForm(huge, "2026-10-01", today)).toMatchObject({ ok: false, errors: { payment: "staff:ombudsman.error.payment" } });
  });
});
