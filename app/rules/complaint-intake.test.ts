import { describe, expect, it } from "vitest";
import {
  ageBand,
  contactMethodFor,
  EQUALITY_QUESTIONS,
  INTAKE_QUESTIONS,
  separateEqualityAnswers,
} from "./complaint-intake";
import { screenComplaint } from "./eligibility";

describe("making a complaint (RULES §6)", () => {
  it("asks what went wrong, how it affected people and what outcome is wanted (§10.4)", () => {
    expect(INTAKE_QUESTIONS).toEqual(["what_went_wrong", "how_it_affected_people", "outcome_wanted"]);
  });

  it("replies by email unless another method is preferred (§13.7)", () => {
    expect(contactMethodFor(undefined)).toBe("email");
    expect(contactMethodFor("letter")).toBe("letter");
  });

  it("asks the equality questions of §10.7 and §4.5", () => {
    expect(EQUALITY_QUESTIONS).toEqual([
      "age",
      "disability",
      "sex",
      "ethnicity",
      "sexual_orientation",
      "religion_or_belief",
      "gender_reassignment",
      "pregnancy_and_maternity",
    ]);
  });

  it("puts ages in the annual reports' bands", () => {
    expect([0, 15, 16, 24, 25, 34, 35, 49, 50, 64, 65, 99].map(ageBand)).toEqual([
      "under_16",
      "under_16",
      "16_24",
      "16_24",
      "25_34",
      "25_34",
      "35_49",
      "35_49",
      "50_64",
      "50_64",
      "65_plus",
      "65_plus",
    ]);
  });

  it("keeps equality answers apart from the complaint", () => {
    const { complaint, equality } = separateEqualityAnswers({
      whatWentWrong: "bins not collected",
      sex: "prefer_not_to_say",
      ethnicity: "white_british",
      disability: "",
    });
    expect(complaint).toEqual({ whatWentWrong: "bins not collected" });
    expect(equality).toEqual({ sex: "prefer_not_to_say", ethnicity: "white_british" });
  });

  it("never lets equality answers change the screening result", () => {
    const answers = {
      serviceAreaPathway: "corporate" as const,
      firstReport: false,
      subject: "none_of_these" as const,
      happenedOn: "2026-02-01",
      today: "2026-03-01",
      courtOrTribunalProceedings: false,
      onBehalfOfSomeoneElse: false,
    };
    const { complaint } = separateEqualityAnswers({ ...answers, age: "65_plus", disability: "yes" });
    expect(screenComplaint(complaint)).toEqual(screenComplaint(answers));
  });
});
