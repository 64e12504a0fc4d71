import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADVICE_CODES,
  CHILDRENS_SCOPE_EXCLUSIONS,
  complaintTimeLimit,
  OUT_OF_SCOPE_SUBJECTS,
  OWN_APPEAL_ROUTE_SUBJECTS,
  screenComplaint,
  SUBJECTS,
  subjectsFor,
  suggestPathway,
  type ScreeningAnswers,
  type Subject,
} from "./eligibility";
import { PATHWAYS } from "./timescales";

const plain: ScreeningAnswers = {
  serviceAreaPathway: "corporate",
  firstReport: false,
  subject: "none_of_these",
  happenedOn: "2026-02-01",
  today: "2026-03-01",
  courtOrTribunalProceedings: false,
  onBehalfOfSomeoneElse: false,
};

const screen = (changes: Partial<ScreeningAnswers>) => screenComplaint({ ...plain, ...changes });
const codes = (changes: Partial<ScreeningAnswers>) => screen(changes).advice.map((a) => a.code);

describe("screening a complaint (RULES §5)", () => {
  it("accepts a recent complaint about none of the excluded matters", () => {
    const result = screen({});
    expect(result.decision).toBe("accept");
    expect(result.advice).toEqual([]);
    expect(result.suggestedPathway).toBe("corporate");
  });

  it("always lets the resident send it anyway (RULES §5 [interpretation])", () => {
    fc.assert(
      fc.property(
        fc.record({
          serviceAreaPathway: fc.constantFrom(...PATHWAYS),
          firstReport: fc.boolean(),
          subject: fc.constantFrom(...SUBJECTS),
          courtOrTribunalProceedings: fc.boolean(),
          onBehalfOfSomeoneElse: fc.boolean(),
          anonymous: fc.boolean(),
          months: fc.integer({ min: 0, max: 40 }),
        }),
        ({ months, ...answers }) => {
          const result = screenComplaint({ ...plain, ...answers, happenedOn: "2023-01-01", today: `${2023 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, "0")}-01` });
          expect(result.canStillSend).toBe(true);
          expect(result.canStillSendKey).toBe("eligibility.canStillSend");
          expect(result.decision).toBe(result.advice.length === 0 ? "accept" : "advise");
        },
      ),
    );
  });

  describe("service requests (§5)", () => {
    it("routes a first report to the service-request channel", () => {
      const result = screen({ firstReport: true });
      expect(result.decision).toBe("advise");
      expect(result.advice[0]).toMatchObject({
        code: "service_request",
        reasonKey: "eligibility.advice.service_request.reason",
        goToKey: "eligibility.advice.service_request.goTo",
        sendAnywayKey: "eligibility.advice.service_request.sendAnyway",
        policy: "§5",
      });
    });

    it("does not treat a repeat report as a service request", () => {
      expect(codes({ firstReport: false })).not.toContain("service_request");
    });
  });

  describe("the 12-month time limit (§9)", () => {
    it("accepts something that happened exactly 12 months ago", () => {
      expect(codes({ happenedOn: "2025-03-01", today: "2026-03-01" })).toEqual([]);
    });

    it("advises that something older than 12 months is out of time", () => {
      expect(codes({ happenedOn: "2025-02-28", today: "2026-03-01" })).toEqual(["out_of_time"]);
    });

    it("lets an out-of-time complaint be sent with the exceptional circumstances explained (§9.4)", () => {
      const [item] = screen({ happenedOn: "2024-06-10", today: "2026-03-01" }).advice;
      expect(item).toMatchObject({ code: "out_of_time", canSendAnyway: true, params: { months: 12, happenedOn: "2024-06-10", limit: "2025-06-10" } });
    });

    it("counts 12 months from the last day of a shorter month", () => {
      expect(complaintTimeLimit("2024-02-29")).toBe("2025-02-28");
    });
  });

  describe("matters with their own appeal or review route (§6.2)", () => {
    it.each(OWN_APPEAL_ROUTE_SUBJECTS)("advises %s goes elsewhere", (subject) => {
      const result = screen({ subject });
      expect(result.decision).toBe("advise");
      expect(result.advice).toHaveLength(1);
      expect(result.advice[0]).toMatchObject({
        code: subject,
        policy: "§6.2",
        reasonKey: `eligibility.advice.${subject}.reason`,
        goToKey: `eligibility.advice.${subject}.goTo`,
      });
    });

    it("lets a complaint about how a planning decision was made be sent anyway", () => {
      expect(screen({ subject: "planning_decision" }).advice[0]?.canSendAnyway).toBe(true);
      expect(screen({ subject: "parking_or_penalty_charge" }).advice[0]?.canSendAnyway).toBe(false);
    });
  });

  describe("matters outside the policy (§6.3, Appendix B)", () => {
    it.each(OUT_OF_SCOPE_SUBJECTS)("advises %s goes elsewhere", (subject) => {
      const result = screen({ subject });
      expect(result.decision).toBe("advise");
      expect(result.advice.map((a) => a.code)).toEqual([subject]);
    });

    it("sends information rights complaints to the Information Commissioner's Office", () => {
      expect(screen({ subject: "information_rights" }).advice[0]?.destinations).toEqual([
        { name: "informationCommissioner", url: "https://ico.org.uk/make-a-complaint/" },
      ]);
    });

    it("gives the police's and the Community Safety team's numbers for hate crime not about council services", () => {
      expect(screen({ subject: "hate_crime_not_council_service" }).advice[0]?.destinations).toEqual([
        { name: "police", telephone: "101" },
        { name: "communitySafety", telephone: "024 7683 2118" },
      ]);
    });

    it("points a complaint already through every stage, and privately arranged care, to the Ombudsman", () => {
      for (const subject of ["already_through_all_stages_or_ombudsman", "private_care_arrangement"] as const) {
        expect(screen({ serviceAreaPathway: "adults", subject }).advice[0]?.destinations).toEqual([
          { name: "ombudsman", url: "https://www.lgo.org.uk/how-to-complain" },
          { name: "ombudsmanTelephone", telephone: "0300 061 0614" },
        ]);
      }
    });

    it("sends councillor conduct and recruitment to the council's own forms, whose addresses are configured", () => {
      expect(screen({ subject: "councillor_conduct" }).advice[0]?.destinations).toEqual([
        { name: "councillorComplaintForm", councilLink: "councillorComplaintForm" },
      ]);
      expect(screen({ subject: "recruitment" }).advice[0]?.destinations).toEqual([
        { name: "recruitmentComplaintForm", councilLink: "recruitmentComplaintForm" },
      ]);
    });

    it("sends a first report to the service's own reporting page", () => {
      expect(screen({ firstReport: true }).advice[0]?.destinations).toEqual([{ name: "reportingPage", serviceReportingPage: true }]);
    });

    it("lets a policy complaint be sent anyway when of wider public interest", () => {
      expect(screen({ subject: "council_policy_not_directly_affected" }).advice[0]?.canSendAnyway).toBe(true);
    });

    it("sends privately arranged adult care to the provider", () => {
      expect(codes({ serviceAreaPathway: "adults", subject: "private_care_arrangement" })).toEqual(["private_care_arrangement"]);
    });
  });

  describe("court and tribunal proceedings", () => {
    it("advises a corporate matter in legal proceedings is not accepted (§6.3)", () => {
      expect(codes({ courtOrTribunalProceedings: true })).toEqual(["legal_proceedings"]);
    });

    it("advises a statutory complaint waits and may be resubmitted within a year (Appendices A–B)", () => {
      for (const serviceAreaPathway of ["childrens", "adults"] as const) {
        const result = screen({ serviceAreaPathway, courtOrTribunalProceedings: true });
        expect(result.advice.map((a) => a.code)).toEqual(["concurrent_proceedings"]);
        expect(result.advice[0]?.params.months).toBe(12);
      }
    });
  });

  it("lists every reason that applies", () => {
    expect(codes({ firstReport: true, subject: "insurance_claim", happenedOn: "2020-01-01", courtOrTribunalProceedings: true })).toEqual([
      "service_request",
      "insurance_claim",
      "out_of_time",
      "legal_proceedings",
    ]);
  });

  it("has sentences for every advice code", () => {
    expect(new Set(ADVICE_CODES)).toEqual(
      new Set([...OWN_APPEAL_ROUTE_SUBJECTS, ...OUT_OF_SCOPE_SUBJECTS, "service_request", "out_of_time", "legal_proceedings", "concurrent_proceedings"]),
    );
  });
});

describe("suggesting a pathway (RULES §2)", () => {
  it("follows the service area's pathway", () => {
    expect(suggestPathway("corporate", "none_of_these")).toBe("corporate");
    expect(suggestPathway("childrens", "none_of_these")).toBe("childrens");
    expect(suggestPathway("adults", "none_of_these")).toBe("adults");
  });

  it.each(CHILDRENS_SCOPE_EXCLUSIONS)("moves a children's matter about %s to corporate", (subject: Subject) => {
    expect(suggestPathway("childrens", subject)).toBe("corporate");
  });

  it("accepts a children's scope exclusion on the corporate pathway and says why", () => {
    const result = screen({ serviceAreaPathway: "childrens", subject: "child_protection" });
    expect(result.decision).toBe("accept");
    expect(result.suggestedPathway).toBe("corporate");
    expect(result.notes.map((n) => n.code)).toEqual(["pathway_moved_to_corporate"]);
  });

  it("leaves other service areas' pathways alone", () => {
    expect(suggestPathway("adults", "early_help")).toBe("adults");
  });

  it("uses the suggested pathway for court proceedings advice", () => {
    expect(codes({ serviceAreaPathway: "childrens", subject: "early_help", courtOrTribunalProceedings: true })).toEqual(["legal_proceedings"]);
  });
});

describe("who may complain (RULES §4)", () => {
  it("accepts a complaint made for someone else, with the same decision as if they made it (§7.5)", () => {
    const self = screen({});
    const other = screen({ onBehalfOfSomeoneElse: true });
    expect(other.decision).toBe(self.decision);
    expect(other.advice).toEqual(self.advice);
    expect(other.notes.map((n) => n.code)).toContain("same_standard_of_service");
  });

  it("says written permission may be needed to correspond with a representative (§7.4)", () => {
    expect(screen({ onBehalfOfSomeoneElse: true }).notes.map((n) => n.code)).toContain("representative_permission");
    expect(screen({}).notes.map((n) => n.code)).not.toContain("representative_permission");
  });

  it("says the child's views are checked when complaining for a child (§7.7–7.8)", () => {
    expect(screen({ onBehalfOfSomeoneElse: true, representedPerson: "child" }).notes.map((n) => n.code)).toContain("child_views");
  });

  it("says the Mental Capacity Act applies for an adult who cannot consent (§7.9)", () => {
    expect(screen({ onBehalfOfSomeoneElse: true, representedPerson: "adult_lacking_capacity" }).notes.map((n) => n.code)).toContain(
      "adult_lacking_capacity",
    );
  });

  it("signposts advocacy to representatives and to anyone wanting support (§7.10)", () => {
    expect(screen({ onBehalfOfSomeoneElse: true }).notes.map((n) => n.code)).toContain("advocacy_support");
    expect(screen({ wantsSupport: true }).notes.map((n) => n.code)).toEqual(["advocacy_support"]);
  });

  it("says serious allegations in an anonymous complaint go to a senior manager at once (§8.2)", () => {
    expect(screen({ anonymous: true, seriousAllegation: true }).notes.map((n) => n.code)).toEqual(["anonymous", "serious_allegation"]);
    expect(screen({ seriousAllegation: true }).notes.map((n) => n.code)).toEqual([]);
  });

  it("accepts anonymous complaints, saying they may not be taken further without enough information (§8.1)", () => {
    const result = screen({ anonymous: true });
    expect(result.decision).toBe("accept");
    expect(result.notes.map((n) => n.code)).toEqual(["anonymous"]);
  });
});

describe("the matters a resident is asked about (§6, RULES §2)", () => {
  it("offers the children's matters outside the statutory scope only for children's social care", () => {
    for (const subject of CHILDRENS_SCOPE_EXCLUSIONS) {
      expect(subjectsFor("childrens", [])).toContain(subject);
      expect(subjectsFor("corporate", null)).not.toContain(subject);
      expect(subjectsFor("adults", [])).not.toContain(subject);
    }
  });

  it("offers privately arranged care only for adult social care", () => {
    expect(subjectsFor("adults", [])).toContain("private_care_arrangement");
    expect(subjectsFor("corporate", null)).not.toContain("private_care_arrangement");
  });

  it("puts the service's own matters first and None of these last, each once", () => {
    const offered = subjectsFor("corporate", ["planning_decision"]);
    expect(offered[0]).toBe("planning_decision");
    expect(offered.at(-1)).toBe("none_of_these");
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered).not.toContain("parking_or_penalty_charge");
    expect(offered).toContain("councillor_conduct");
  });

  it("offers every matter with another route when the service names none, and ignores names it does not know", () => {
    expect(subjectsFor("corporate", null)).toEqual(expect.arrayContaining([...OWN_APPEAL_ROUTE_SUBJECTS]));
    expect(subjectsFor("corporate", ["service_request", "nonsense"])).toEqual(subjectsFor("corporate", []));
  });
});
