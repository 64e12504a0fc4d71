import { describe, expect, it } from "vitest";
import { readLiftForm, readRestrictionForm } from "./contact-restriction";

const today = "2026-12-02" as const;
const filled = (overrides: Record<string, string> = {}, restrictions = ["written_only", "single_point_of_contact"]) => {
  const form = new URLSearchParams({ reasons: " We had 40 calls in a week. ", contactName: " Jo  Smith ", contactWay: "jo.smith@coventry.gov.uk", "reviewOn-day": "1", "reviewOn-month": "3", "reviewOn-year": "2027", ...overrides });
  for (const restriction of restrictions) form.append("restrictions", restriction);
  return form;
};

describe("§18 contact limits", () => {
  it("takes the limits in the policy's order, the reasons, one person to contact and a review date", () => {
    expect(readRestrictionForm(filled(), today)).toEqual({
      ok: true,
      input: { restrictions: ["single_point_of_contact", "written_only"], reasons: "We had 40 calls in a week.", contactName: "Jo Smith", contactWay: "jo.smith@coventry.gov.uk", reviewOn: "2027-03-01" },
    });
  });
  it("asks for at least one limit it knows, the reasons and a contact", () => {
    expect(readRestrictionForm(filled({ reasons: "", contactName: "", contactWay: "" }, ["banned"]), today)).toEqual({
      ok: false,
      errors: { restrictions: "staff:restriction.error.restrictions", reasons: "staff:restriction.error.reasons", contactName: "staff:restriction.error.contactName", contactWay: "staff:restriction.error.contactWay" },
    });
  });
  it("[interpretation] reviews after today and within 6 months", () => {
    expect(readRestrictionForm(filled({ "reviewOn-day": "2", "reviewOn-month": "12", "reviewOn-year": "2026" }), today)).toMatchObject({ errors: { reviewOn: "staff:restriction.error.reviewOnPast" } });
    expect(readRestrictionForm(filled({ "reviewOn-day": "2", "reviewOn-month": "6", "reviewOn-year": "2027" }), today)).toMatchObject({ ok: true, input: { reviewOn: "2027-06-02" } });
    expect(readRestrictionForm(filled({ "reviewOn-day": "3", "reviewOn-month": "6", "reviewOn-year": "2027" }), today)).toMatchObject({ errors: { reviewOn: "staff:restriction.error.reviewOnTooLate" } });
    expect(readRestrictionForm(filled({ "reviewOn-day": "31", "reviewOn-month": "2", "reviewOn-year": "2027" }), today)).toMatchObject({ errors: { reviewOn: "staff:restriction.error.reviewOn" } });
  });
  it("lifts with reasons the person will read", () => {
    expect(readLiftForm(new URLSearchParams({ reasons: " Reviewed. " }))).toEqual({ ok: true, input: { reasons: "Reviewed." } });
    expect(readLiftForm(new URLSearchParams({ reasons: "" }))).toEqual({ ok: false, errors: { reasons: "staff:restriction.error.liftReasons" } });
  });
});
