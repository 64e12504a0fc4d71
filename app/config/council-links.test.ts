import { describe, expect, it } from "vitest";
import { councilLinks, isSafeLink } from "./council-links";

describe("the council's links", () => {
  it("fall back to the contact page, so no advice is a dead end", () => {
    expect(councilLinks({})).toEqual({
      contact: "/contact",
      councillorComplaintForm: "/contact",
      recruitmentComplaintForm: "/contact",
      feedback: "/contact",
    });
    expect(councilLinks({ COUNCIL_CONTACT_URL: "https://www.coventry.gov.uk/contact" }).feedback).toBe(
      "https://www.coventry.gov.uk/contact",
    );
  });

  it("take each configured address", () => {
    const links = councilLinks({
      COUNCILLOR_COMPLAINT_FORM_URL: "https://www.coventry.gov.uk/councillor-complaint",
      RECRUITMENT_COMPLAINT_FORM_URL: "https://www.coventry.gov.uk/recruitment-complaint",
      FEEDBACK_URL: "/contact#feedback",
    });
    expect(links.councillorComplaintForm).toBe("https://www.coventry.gov.uk/councillor-complaint");
    expect(links.recruitmentComplaintForm).toBe("https://www.coventry.gov.uk/recruitment-complaint");
    expect(links.feedback).toBe("/contact#feedback");
  });

  it("ignore addresses that are not https:// or a path on this site", () => {
    for (const bad of ["javascript:alert(1)", "http://example.com", "//evil.example", "/\\evil.example", "data:text/html,x", "/a b"]) {
      expect(isSafeLink(bad), bad).toBe(false);
      expect(councilLinks({ FEEDBACK_URL: bad }).feedback).toBe("/contact");
    }
  });
});
