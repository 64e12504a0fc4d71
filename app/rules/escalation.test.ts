import { describe, expect, it } from "vitest";
import { weekdayOf } from "./calendar-dates";
import { assessEscalationRequest, escalationWindow, nextStepAfterResponse } from "./escalation";
import { rulesConfig } from "./rules-config";
import { workingCalendar } from "./working-days";

const calendar = workingCalendar();

describe("the window to ask for the next stage (§14.2, §21.1, §22.3)", () => {
  it("closes 20 working days after a corporate Stage 1 response", () => {
    const window = escalationWindow("corporate", 1, "2026-12-15");
    expect(window?.nextStage).toBe(2);
    expect(window?.requestBy).toBe("2027-01-15");
    expect(calendar.workingDaysBetween("2026-12-15", window?.requestBy ?? "")).toBe(20);
  });

  it("explains the window with the holidays it skips", () => {
    expect(escalationWindow("corporate", 1, "2026-12-15")?.requestByExplanation).toEqual({
      key: "timeline.due.afterResponse",
      params: { count: 20, from: "2026-12-15", skippedDates: ["2026-12-25", "2026-12-28", "2027-01-01"], stage: 1, context: "holidays" },
    });
  });

  it("closes 20 working days after each children's response, up to Stage 3", () => {
    expect(escalationWindow("childrens", 1, "2026-03-02")?.requestBy).toBe(calendar.addWorkingDays("2026-03-02", 20));
    expect(escalationWindow("childrens", 2, "2026-03-02")?.nextStage).toBe(3);
    expect(escalationWindow("childrens", 2, "2026-03-02")?.requestBy).toBe(calendar.addWorkingDays("2026-03-02", 20));
  });

  it("gives corporate Stage 1 a late window of six calendar months (§14.4)", () => {
    expect(escalationWindow("corporate", 1, "2026-12-15")?.lateRequestBy).toBe("2027-06-15");
  });

  it("clamps the late window to the end of a shorter month", () => {
    expect(escalationWindow("corporate", 1, "2026-08-31")?.lateRequestBy).toBe("2027-02-28");
  });

  it("does not move the late window to a working day by default", () => {
    const window = escalationWindow("corporate", 1, "2026-12-13");
    expect(window?.lateRequestBy).toBe("2027-06-13");
    expect(weekdayOf("2027-06-13")).toBe(0);
    expect(window?.lateRequestByExplanation?.key).toBe("timeline.due.calendarMonthsAfterResponse");
  });

  it("can be configured to move the late window to the next working day", () => {
    const config = rulesConfig({ calendarLimitOnNonWorkingDay: "next_working_day" });
    const window = escalationWindow("corporate", 1, "2026-12-13", { config });
    expect(window?.lateRequestBy).toBe("2027-06-14");
    expect(window?.lateRequestByExplanation?.params.context).toBe("moved");
  });

  it("has no late window on the children's pathway", () => {
    expect(escalationWindow("childrens", 1, "2026-03-02")?.lateRequestBy).toBeUndefined();
  });

  it("has no next stage after the final stage", () => {
    expect(escalationWindow("corporate", 2, "2026-03-02")).toBeUndefined();
    expect(escalationWindow("childrens", 3, "2026-03-02")).toBeUndefined();
    expect(escalationWindow("adults", 1, "2026-03-02")).toBeUndefined();
  });
});

describe("the next step after a response", () => {
  it("is the Ombudsman after the last stage (§14.12, §22.11, §23.8)", () => {
    for (const [pathway, stage] of [["corporate", 2], ["childrens", 3], ["adults", 1]] as const) {
      const step = nextStepAfterResponse(pathway, stage, "2026-03-02");
      expect(step.kind, pathway).toBe("ombudsman");
      if (step.kind === "ombudsman") expect(step.referral.params.telephone).toBe("0300 061 0614");
    }
  });

  it("is the next stage before the last one", () => {
    const step = nextStepAfterResponse("corporate", 1, "2026-03-02");
    expect(step.kind).toBe("next_stage");
  });
});

describe("assessing a request for the next stage", () => {
  it("accepts a request on the last day of the window", () => {
    expect(assessEscalationRequest("corporate", 1, "2026-12-15", "2027-01-15").decision).toBe("in_time");
  });

  it("leaves a corporate request after 20 days but within six months to staff, with the reasons they may accept it for", () => {
    const assessment = assessEscalationRequest("corporate", 1, "2026-12-15", "2027-01-18");
    expect(assessment.decision).toBe("late_staff_decision");
    expect(assessment.lateReasons).toEqual(["same_issues_recurred", "agreed_action_delayed_or_not_taken"]);
  });

  it("accepts for staff decision a request on the last day of the six months", () => {
    expect(assessEscalationRequest("corporate", 1, "2026-12-15", "2027-06-15").decision).toBe("late_staff_decision");
  });

  it("refuses a corporate request more than six months after the response, with the Ombudsman and a new Stage 1 (§14.3)", () => {
    const assessment = assessEscalationRequest("corporate", 1, "2026-12-15", "2027-06-16");
    expect(assessment.decision).toBe("out_of_time");
    expect(assessment.ombudsman?.key).toBe("ombudsman.referral.late_escalation_refused");
    expect(assessment.newStage1ComplaintPossible).toBe(true);
  });

  it("refuses a children's request after 20 working days", () => {
    const requestBy = calendar.addWorkingDays("2026-03-02", 20);
    expect(assessEscalationRequest("childrens", 1, "2026-03-02", requestBy).decision).toBe("in_time");
    const late = assessEscalationRequest("childrens", 1, "2026-03-02", calendar.addWorkingDays(requestBy, 1));
    expect(late.decision).toBe("out_of_time");
    expect(late.newStage1ComplaintPossible).toBeUndefined();
  });

  it("treats a request received at the weekend as received on the next working day (RULES §1)", () => {
    // Window ends Friday 2027-01-15; a request on Saturday the 16th counts from Monday the 18th.
    const assessment = assessEscalationRequest("corporate", 1, "2026-12-15", "2027-01-16");
    expect(assessment.requestDayZero).toBe("2027-01-18");
    expect(assessment.decision).toBe("late_staff_decision");
  });

  it("sends a request after the final stage to the Ombudsman", () => {
    const assessment = assessEscalationRequest("adults", 1, "2026-03-02", "2026-03-05");
    expect(assessment.decision).toBe("no_further_stage");
    expect(assessment.ombudsman?.key).toBe("ombudsman.referral.final_response");
  });
});
