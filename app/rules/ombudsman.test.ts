import { describe, expect, it } from "vitest";
import { isFinalStage, OMBUDSMAN_CONTACT, ombudsmanReferral } from "./ombudsman";

describe("the Local Government and Social Care Ombudsman (§16)", () => {
  it("keeps its contact details as data", () => {
    expect(OMBUDSMAN_CONTACT.name).toBe("Local Government and Social Care Ombudsman");
    expect(OMBUDSMAN_CONTACT.website).toBe("https://www.lgo.org.uk");
    expect(OMBUDSMAN_CONTACT.websiteLabel).toBe("lgo.org.uk");
    expect(OMBUDSMAN_CONTACT.telephone).toBe("0300 061 0614");
    expect(OMBUDSMAN_CONTACT.postalAddress).toEqual(["Local Government and Social Care Ombudsman", "PO Box 4771", "Coventry", "CV4 0EH"]);
  });

  it("puts the contact details into the referral sentence", () => {
    expect(ombudsmanReferral("final_response")).toEqual({
      key: "ombudsman.referral.final_response",
      params: {
        website: "lgo.org.uk",
        websiteUrl: "https://www.lgo.org.uk",
        telephone: "0300 061 0614",
        address: "Local Government and Social Care Ombudsman, PO Box 4771, Coventry, CV4 0EH",
        months: 12,
      },
    });
  });

  it("follows Stage 2 of corporate, Stage 3 of children's and Stage 1 of adults' complaints", () => {
    expect(isFinalStage("corporate", 2)).toBe(true);
    expect(isFinalStage("corporate", 1)).toBe(false);
    expect(isFinalStage("childrens", 3)).toBe(true);
    expect(isFinalStage("childrens", 2)).toBe(false);
    expect(isFinalStage("adults", 1)).toBe(true);
  });
});
