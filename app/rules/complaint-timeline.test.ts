import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidayOn } from "./bank-holidays";
import { addCalendarDays, fromDayNumber, isWeekend, toDayNumber } from "./calendar-dates";
import type { CaseEvent } from "./complaint-events";
import { computeTimeline, dueDatesByKey, timelineFromState, type DueDateId, type Timeline, type TimelineOptions } from "./complaint-timeline";
import { applyEvent, openComplaint } from "./stage-machine";
import { rulesConfig } from "./rules-config";
import type { Pathway } from "./timescales";
import { workingCalendar } from "./working-days";

const calendar = workingCalendar();

// An independent, day-by-day reading of Appendix C: "Day N" is the Nth working day after day zero.
function isWorking(date: string): boolean {
  return !isWeekend(date) && bankHolidayOn(date) === undefined;
}
function dayZeroOf(received: string): string {
  let date = received;
  while (!isWorking(date)) date = addCalendarDays(date, 1);
  return date;
}
function day(dayZero: string, n: number): string {
  let date = dayZero;
  for (let left = n; left > 0; ) {
    date = addCalendarDays(date, 1);
    if (isWorking(date)) left--;
  }
  return date;
}

function timelineOf(pathway: Pathway, events: CaseEvent[], options: TimelineOptions = {}): Timeline {
  const result = computeTimeline({ pathway, events }, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.timeline;
}
function datesOf(pathway: Pathway, events: CaseEvent[], options: TimelineOptions = {}) {
  return dueDatesByKey(timelineOf(pathway, events, options));
}
function due(timeline: Timeline, id: DueDateId) {
  const found = timeline.dueDates.find((d) => d.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const STARTS: [label: string, date: string][] = [
  ["an ordinary Tuesday", "2026-03-10"],
  ["a Friday", "2026-06-05"],
  ["a Saturday", "2026-06-06"],
  ["a Sunday", "2025-11-30"],
  ["the Thursday before Easter", "2026-04-02"],
  ["Good Friday", "2027-03-26"],
  ["Easter Monday", "2026-04-06"],
  ["the week before Christmas", "2026-12-18"],
  ["Christmas Eve", "2027-12-24"],
  ["Boxing Day", "2026-12-26"],
  ["New Year's Eve", "2025-12-31"],
  ["late December with substitute days", "2021-12-23"],
  ["the Platinum Jubilee weekend", "2022-06-01"],
];

const R = (date: string): CaseEvent => ({ type: "received", date });

describe("Appendix C day numbers, corporate", () => {
  describe.each(STARTS)("received on %s (%s)", (_label, received) => {
    const d0 = dayZeroOf(received);

    it("acknowledges by Day 5 and responds to Stage 1 by Day 15", () => {
      const dates = datesOf("corporate", [R(received)]);
      expect(dates.dayZero).toBe(d0);
      expect(dates.triageBy).toBe(day(d0, 1));
      expect(dates.informalResolutionBy).toBe(day(d0, 3));
      expect(dates.acknowledgeBy).toBe(day(d0, 5));
      expect(dates.stage1ResponseBy).toBe(day(d0, 15));
    });

    it("responds to Stage 1 by Day 25 with the full extension", () => {
      const dates = datesOf("corporate", [R(received), { type: "extended", stage: 1, days: 10, reason: "complex" }]);
      expect(dates.stage1ResponseBy).toBe(day(d0, 25));
    });

    it("counts Stage 2 from the request: acknowledge by Day 5, respond by Day 25 (Day 45 extended)", () => {
      const respondedOn = "2020-01-20";
      const events: CaseEvent[] = [
        R("2020-01-06"),
        { type: "acknowledged", stage: 1, date: "2020-01-07" },
        { type: "responded", stage: 1, date: respondedOn, outcome: "not_upheld" },
        { type: "escalation_requested", stage: 2, date: received },
      ];
      const dates = datesOf("corporate", events);
      expect(dates.stage2AcknowledgeBy).toBe(day(d0, 5));
      expect(dates.stage2ResponseBy).toBe(day(d0, 25));
      const extended = datesOf("corporate", [...events, { type: "extended", stage: 2, days: 20, reason: "complex" }]);
      expect(extended.stage2ResponseBy).toBe(day(d0, 45));
    });

    it("gives 20 working days from the Stage 1 response to ask for Stage 2", () => {
      const dates = datesOf("corporate", [
        R("2020-01-06"),
        { type: "responded", stage: 1, date: received, outcome: "upheld" },
      ]);
      expect(dates.stage2RequestBy).toBe(day(received, 20));
    });
  });
});

describe("Appendix C day numbers, children's statutory", () => {
  describe.each(STARTS)("received on %s (%s)", (_label, received) => {
    const d0 = dayZeroOf(received);

    it("acknowledges by Day 3 and responds to Stage 1 by Day 13 (Day 23 extended)", () => {
      const dates = datesOf("childrens", [R(received)]);
      expect(dates.acknowledgeBy).toBe(day(d0, 3));
      expect(dates.stage1ResponseBy).toBe(day(d0, 13));
      const extended = datesOf("childrens", [R(received), { type: "extended", stage: 1, days: 10, reason: "complex" }]);
      expect(extended.stage1ResponseBy).toBe(day(d0, 23));
    });

    it("counts Stage 2 from the request: acknowledge by Day 3, respond by Day 28 (Day 68 extended)", () => {
      const events: CaseEvent[] = [
        R("2020-01-06"),
        { type: "responded", stage: 1, date: "2020-01-20", outcome: "partially_upheld" },
        { type: "escalation_requested", stage: 2, date: received },
      ];
      const dates = datesOf("childrens", events);
      expect(dates.stage2AcknowledgeBy).toBe(day(d0, 3));
      expect(dates.stage2ResponseBy).toBe(day(d0, 28));
      const extended = datesOf("childrens", [...events, { type: "extended", stage: 2, days: 40, reason: "complex" }]);
      expect(extended.stage2ResponseBy).toBe(day(d0, 68));
    });

    it("counts Stage 3 from the request: acknowledge Day 2, panel Day 32, report Day 37, response Day 52", () => {
      const events: CaseEvent[] = [
        R("2020-01-06"),
        { type: "responded", stage: 1, date: "2020-01-20", outcome: "not_upheld" },
        { type: "escalation_requested", stage: 2, date: "2020-01-21" },
        { type: "responded", stage: 2, date: "2020-02-20", outcome: "not_upheld" },
        { type: "escalation_requested", stage: 3, date: received },
      ];
      const dates = datesOf("childrens", events);
      expect(dates.stage3AcknowledgeBy).toBe(day(d0, 2));
      expect(dates.panelBy).toBe(day(d0, 32));
      expect(dates.panelReportBy).toBe(day(d0, 37));
      expect(dates.stage3ResponseBy).toBe(day(d0, 52));
      // §22.6: invited at least 10 working days before the panel, i.e. by Day 22 when it meets on Day 32.
      expect(dates.panelInviteBy).toBe(day(d0, 22));
    });

    it("gives 20 working days from each response to ask for the next stage", () => {
      const dates = datesOf("childrens", [
        R("2020-01-06"),
        { type: "responded", stage: 1, date: "2020-01-20", outcome: "not_upheld" },
        { type: "escalation_requested", stage: 2, date: "2020-01-21" },
        { type: "responded", stage: 2, date: received, outcome: "not_upheld" },
      ]);
      expect(dates.stage2RequestBy).toBe(day("2020-01-20", 20));
      expect(dates.stage3RequestBy).toBe(day(received, 20));
    });
  });
});

describe("Appendix C day numbers, adults' statutory", () => {
  describe.each(STARTS)("received on %s (%s)", (_label, received) => {
    const d0 = dayZeroOf(received);

    it("acknowledges by Day 3, aims to respond by Day 20 and must by Day 133", () => {
      const dates = datesOf("adults", [R(received)]);
      expect(dates.acknowledgeBy).toBe(day(d0, 3));
      expect(dates.stage1TargetBy).toBe(day(d0, 20));
      expect(dates.stage1ResponseBy).toBe(day(d0, 133));
    });

    it("has no Stage 2 dates after the response", () => {
      const dates = datesOf("adults", [R(received), { type: "responded", stage: 1, date: day(d0, 15), outcome: "upheld" }]);
      expect(dates.stage2RequestBy).toBeUndefined();
      expect(dates.stage2AcknowledgeBy).toBeUndefined();
    });
  });
});

describe("hand-counted dates over Christmas 2026", () => {
  it("corporate received Friday 18 December: acknowledge by 29 December, respond by 13 January", () => {
    const dates = datesOf("corporate", [R("2026-12-18")]);
    expect(dates.acknowledgeBy).toBe("2026-12-29");
    expect(dates.stage1ResponseBy).toBe("2027-01-13");
  });

  it("children's received Christmas Eve: acknowledge by 31 December, respond by 15 January", () => {
    // Day zero Thu 24 Dec; 29 (1), 30 (2), 31 (3); then 4–8 Jan (4–8), 11–15 Jan (9–13).
    const dates = datesOf("childrens", [R("2026-12-24")]);
    expect(dates.acknowledgeBy).toBe("2026-12-31");
    expect(dates.stage1ResponseBy).toBe("2027-01-15");
  });
});

describe("the corporate example case", () => {
  const events: CaseEvent[] = [
    R("2026-11-30"),
    { type: "acknowledged", stage: 1, date: "2026-12-02" },
    { type: "extended", stage: 1, days: 10, reason: "awaiting contractor records" },
    { type: "responded", stage: 1, date: "2026-12-15", outcome: "partially_upheld" },
    { type: "escalation_requested", stage: 2, date: "2026-12-24" },
    { type: "acknowledged", stage: 2, date: "2026-12-29" },
  ];

  it("gives every applicable date", () => {
    expect(datesOf("corporate", events)).toEqual({
      dayZero: "2026-11-30",
      triageBy: "2026-12-01",
      informalResolutionBy: "2026-12-03",
      acknowledgeBy: "2026-12-07",
      stage1ResponseBy: "2027-01-04",
      stage2RequestBy: "2027-01-15",
      stage2LateRequestBy: "2027-06-15",
      stage2AcknowledgeBy: "2027-01-05",
      stage2ResponseBy: "2027-01-27",
    });
  });

  it("explains the Stage 1 date with the count, the acknowledgement date and the holidays skipped", () => {
    expect(due(timelineOf("corporate", events), "stage1ResponseBy").explanation).toEqual({
      key: "timeline.due.afterAcknowledgementExtended",
      params: {
        count: 20,
        from: "2026-12-02",
        skippedDates: ["2026-12-25", "2026-12-28", "2027-01-01"],
        stage: 1,
        baseDays: 10,
        extensionDays: 10,
        context: "holidays",
      },
    });
  });

  it("marks what was done on time as met", () => {
    const timeline = timelineOf("corporate", events);
    expect(due(timeline, "acknowledgeBy")).toMatchObject({ status: "met", doneOn: "2026-12-02" });
    expect(due(timeline, "stage1ResponseBy")).toMatchObject({ status: "met", doneOn: "2026-12-15" });
    expect(due(timeline, "stage2RequestBy")).toMatchObject({ status: "met", party: "complainant" });
    expect(due(timeline, "stage2AcknowledgeBy").status).toBe("met");
  });

  it("marks the Stage 2 response pending before its date and missed after it", () => {
    expect(due(timelineOf("corporate", events, { today: "2027-01-27" }), "stage2ResponseBy").status).toBe("pending");
    expect(due(timelineOf("corporate", events, { today: "2027-01-28" }), "stage2ResponseBy").status).toBe("missed");
  });

  it("leaves undone dates pending when no today is given", () => {
    expect(due(timelineOf("corporate", events), "stage2ResponseBy").status).toBe("pending");
  });
});

describe("counting from the acknowledgement (RULES §3 [interpretation])", () => {
  it("counts Stage 1 from the acknowledgement due date until it is acknowledged", () => {
    const timeline = timelineOf("corporate", [R("2026-11-30")]);
    expect(due(timeline, "stage1ResponseBy").date).toBe(calendar.addWorkingDays("2026-12-07", 10));
    expect(due(timeline, "stage1ResponseBy").explanation.key).toBe("timeline.due.afterAcknowledgementDue");
  });

  it("counts Stage 1 from the actual acknowledgement once known", () => {
    const timeline = timelineOf("corporate", [R("2026-11-30"), { type: "acknowledged", stage: 1, date: "2026-12-01" }]);
    expect(due(timeline, "stage1ResponseBy").date).toBe("2026-12-15");
    expect(due(timeline, "stage1ResponseBy").explanation.key).toBe("timeline.due.afterAcknowledgement");
  });

  it("counts from a late acknowledgement, so the response date moves later", () => {
    const dates = datesOf("childrens", [R("2026-03-02"), { type: "acknowledged", stage: 1, date: "2026-03-09" }]);
    expect(dates.stage1ResponseBy).toBe(calendar.addWorkingDays("2026-03-09", 10));
  });

  it("can be configured to count from the due date always", () => {
    const config = rulesConfig({ countFromAcknowledgement: "due_date" });
    const dates = datesOf("corporate", [R("2026-11-30"), { type: "acknowledged", stage: 1, date: "2026-12-01" }], { config });
    expect(dates.stage1ResponseBy).toBe(day("2026-11-30", 15));
  });

  it("counts the adults' 130-day limit from the actual acknowledgement", () => {
    const dates = datesOf("adults", [R("2026-03-02"), { type: "acknowledged", stage: 1, date: "2026-03-03" }]);
    expect(dates.stage1ResponseBy).toBe(calendar.addWorkingDays("2026-03-03", 130));
    expect(dates.stage1TargetBy).toBe(calendar.addWorkingDays("2026-03-02", 20));
  });

  it("counts the review panel from the actual Stage 3 acknowledgement", () => {
    const dates = datesOf("childrens", [
      R("2026-01-05"),
      { type: "responded", stage: 1, date: "2026-01-16", outcome: "not_upheld" },
      { type: "escalation_requested", stage: 2, date: "2026-01-19" },
      { type: "responded", stage: 2, date: "2026-02-23", outcome: "not_upheld" },
      { type: "escalation_requested", stage: 3, date: "2026-03-02" },
      { type: "acknowledged", stage: 3, date: "2026-03-03" },
    ]);
    expect(dates.panelBy).toBe(calendar.addWorkingDays("2026-03-03", 30));
  });
});

describe("the review panel (Appendix A §22)", () => {
  const base: CaseEvent[] = [
    R("2026-01-05"),
    { type: "responded", stage: 1, date: "2026-01-16", outcome: "not_upheld" },
    { type: "escalation_requested", stage: 2, date: "2026-01-19" },
    { type: "responded", stage: 2, date: "2026-02-23", outcome: "not_upheld" },
    { type: "escalation_requested", stage: 3, date: "2026-03-02" },
    { type: "acknowledged", stage: 3, date: "2026-03-04" },
  ];

  it("counts the report from the day the panel actually met", () => {
    const dates = datesOf("childrens", [...base, { type: "panel_held", stage: 3, date: "2026-03-20" }]);
    expect(dates.panelReportBy).toBe(calendar.addWorkingDays("2026-03-20", 5));
    expect(dates.panelInviteBy).toBe(calendar.addWorkingDays("2026-03-20", -10));
  });

  it("counts the council's response from the day the report was received", () => {
    const dates = datesOf("childrens", [
      ...base,
      { type: "panel_held", stage: 3, date: "2026-03-20" },
      { type: "panel_reported", stage: 3, date: "2026-03-24" },
    ]);
    expect(dates.stage3ResponseBy).toBe(calendar.addWorkingDays("2026-03-24", 15));
  });

  it("points to the Ombudsman after the council's response to the panel", () => {
    const timeline = timelineOf("childrens", [
      ...base,
      { type: "panel_held", stage: 3, date: "2026-03-20" },
      { type: "panel_reported", stage: 3, date: "2026-03-24" },
      { type: "responded", stage: 3, date: "2026-04-10", outcome: "partially_upheld" },
    ]);
    expect(timeline.ombudsman?.from).toBe("2026-04-10");
    expect(timeline.ombudsman?.referral.key).toBe("ombudsman.referral.final_response");
  });
});

describe("due date statuses", () => {
  it("marks a response after its date as missed", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02"), { type: "responded", stage: 1, date: "2026-04-01", outcome: "upheld" }]);
    expect(due(timeline, "stage1ResponseBy").status).toBe("missed");
  });

  it("marks a response on its date as met", () => {
    const on = day("2026-03-02", 15);
    const timeline = timelineOf("corporate", [R("2026-03-02"), { type: "responded", stage: 1, date: on, outcome: "upheld" }]);
    expect(due(timeline, "stage1ResponseBy").status).toBe("met");
  });

  it("marks a missing acknowledgement as missed once its date has passed", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02")], { today: "2026-03-10" });
    expect(due(timeline, "acknowledgeBy").status).toBe("missed");
    expect(due(timeline, "stage1ResponseBy").status).toBe("pending");
  });

  it("cancels dates still to come when the complaint is withdrawn (§11)", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02"), { type: "acknowledged", stage: 1, date: "2026-03-03" }, { type: "withdrawn", date: "2026-03-05" }], {
      today: "2026-06-01",
    });
    expect(timeline.status).toBe("withdrawn");
    expect(due(timeline, "stage1ResponseBy").status).toBe("cancelled");
    expect(due(timeline, "acknowledgeBy").status).toBe("met");
  });

  it("cancels the acknowledgement of a complaint triaged out as a service request", () => {
    const state = applyEvent(openComplaint("corporate", "2026-03-02"), { type: "triaged", outcome: "service_request", date: "2026-03-03" });
    if (!state.ok) throw new Error(state.error.message);
    const result = timelineFromState(state.state, { today: "2026-06-01" });
    if (!result.ok) throw new Error(result.error.message);
    expect(due(result.timeline, "acknowledgeBy").status).toBe("cancelled");
    expect(due(result.timeline, "stage1ResponseBy").status).toBe("cancelled");
  });

  it("keeps a date missed before the withdrawal as missed", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02"), { type: "withdrawn", date: "2026-03-20" }]);
    expect(due(timeline, "acknowledgeBy").status).toBe("missed");
  });

  it("closes the complainant's window when it passes without a request", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02"), { type: "responded", stage: 1, date: "2026-03-10", outcome: "upheld" }], {
      today: "2026-05-01",
    });
    expect(due(timeline, "stage2RequestBy")).toMatchObject({ status: "closed", party: "complainant" });
    expect(due(timeline, "stage2LateRequestBy").status).toBe("pending");
  });

  it("shows a late Stage 2 request as a missed window, within the six-month late window (§14.4)", () => {
    const timeline = timelineOf("corporate", [
      R("2026-03-02"),
      { type: "responded", stage: 1, date: "2026-03-10", outcome: "upheld" },
      { type: "escalation_requested", stage: 2, date: "2026-06-01" },
    ]);
    expect(due(timeline, "stage2RequestBy").status).toBe("missed");
    expect(due(timeline, "stage2LateRequestBy")).toMatchObject({ date: "2026-09-10", status: "met" });
  });

  it("marks triage, informal resolution and the panel invitation as untracked", () => {
    const timeline = timelineOf("corporate", [R("2026-03-02")], { today: "2027-01-01" });
    expect(due(timeline, "triageBy").status).toBe("untracked");
    expect(due(timeline, "informalResolutionBy").status).toBe("untracked");
  });

  it("uses the request's day zero for a request made at a weekend", () => {
    // The window ends on Monday 2026-04-13; a request on Saturday 11th is in time.
    const timeline = timelineOf("corporate", [
      R("2026-03-02"),
      { type: "responded", stage: 1, date: "2026-03-12", outcome: "upheld" },
      { type: "escalation_requested", stage: 2, date: "2026-04-11" },
    ]);
    expect(due(timeline, "stage2RequestBy").date).toBe("2026-04-13");
    expect(due(timeline, "stage2RequestBy").status).toBe("met");
    expect(due(timeline, "stage2AcknowledgeBy").date).toBe(calendar.addWorkingDays("2026-04-13", 5));
  });
});

describe("day zero explanations (RULES §1)", () => {
  it("says a working-day receipt is day zero", () => {
    expect(timelineOf("corporate", [R("2026-03-02")]).dayZeroExplanation).toEqual({
      key: "timeline.dayZero.received",
      params: { date: "2026-03-02" },
    });
  });

  it("says a weekend receipt counts from the next working day", () => {
    expect(timelineOf("corporate", [R("2026-03-07")]).dayZeroExplanation).toEqual({
      key: "timeline.dayZero.movedFromNonWorkingDay",
      params: { receivedOn: "2026-03-07", date: "2026-03-09" },
    });
  });

  it("counts from the weekend day itself when configured to", () => {
    const config = rulesConfig({ nonWorkingDayReceipt: "same_day" });
    const dates = datesOf("corporate", [R("2026-03-07")], { config });
    expect(dates.dayZero).toBe("2026-03-07");
    expect(dates.acknowledgeBy).toBe("2026-03-13");
  });

  it("counts council closure days as non-working days and names them", () => {
    const config = rulesConfig({ closureDates: ["2026-12-29", "2026-12-30", "2026-12-31"] });
    const timeline = timelineOf("corporate", [R("2026-12-21")], { config });
    expect(due(timeline, "acknowledgeBy").date).toBe("2027-01-05");
    expect(due(timeline, "acknowledgeBy").explanation.params.skippedDates).toEqual([
      "2026-12-25",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
    ]);
  });
});

describe("adults' extensions (§23.6)", () => {
  it("replaces the response date with the date agreed with the complainant", () => {
    const timeline = timelineOf("adults", [
      R("2026-01-05"),
      { type: "extended", stage: 1, agreedDate: "2026-09-30", reason: "health records from the NHS trust" },
    ]);
    expect(due(timeline, "stage1ResponseBy").date).toBe("2026-09-30");
    expect(due(timeline, "stage1ResponseBy").explanation.key).toBe("timeline.due.agreedWithComplainant");
  });

  it("refuses an agreed date that is not after the 6-month limit", () => {
    const result = computeTimeline({
      pathway: "adults",
      events: [R("2026-01-05"), { type: "extended", stage: 1, agreedDate: "2026-03-01", reason: "x" }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("extension_not_later");
      expect(result.error.eventIndex).toBe(1);
    }
  });
});

describe("invalid cases", () => {
  it("needs a received event", () => {
    const result = computeTimeline({ pathway: "corporate", events: [{ type: "acknowledged", stage: 1, date: "2026-03-02" }] });
    expect(result.ok ? "ok" : result.error.code).toBe("missing_received");
  });

  it("refuses an extension beyond the maximum", () => {
    const result = computeTimeline({
      pathway: "corporate",
      events: [R("2026-03-02"), { type: "extended", stage: 1, days: 11, reason: "x" }],
    });
    expect(result.ok ? "ok" : result.error.code).toBe("extension_refused");
  });

  it("refuses review panel events outside the children's pathway", () => {
    const result = computeTimeline({
      pathway: "corporate",
      events: [R("2026-03-02"), { type: "panel_held", stage: 3, date: "2026-03-03" }],
    });
    expect(result.ok ? "ok" : result.error.code).toBe("event_not_in_pathway");
  });
});

describe("timeline properties", () => {
  const PATHWAY = fc.constantFrom<Pathway>("corporate", "childrens", "adults");

  /** A case built from gaps in calendar days between successive events. */
  function buildCase(pathway: Pathway, start: number, gaps: number[], extension: number): CaseEvent[] {
    let t = start;
    const next = (i: number) => fromDayNumber((t += gaps[i] ?? 1));
    const events: CaseEvent[] = [R(fromDayNumber(start))];
    events.push({ type: "acknowledged", stage: 1, date: next(0) });
    if (pathway === "adults") {
      events.push({ type: "responded", stage: 1, date: next(1), outcome: "upheld" });
      return events;
    }
    events.push({ type: "extended", stage: 1, days: extension, reason: "x" });
    events.push({ type: "responded", stage: 1, date: next(1), outcome: "not_upheld" });
    events.push({ type: "escalation_requested", stage: 2, date: next(2) });
    events.push({ type: "acknowledged", stage: 2, date: next(3) });
    events.push({ type: "responded", stage: 2, date: next(4), outcome: "not_upheld" });
    if (pathway === "corporate") return events;
    events.push({ type: "escalation_requested", stage: 3, date: next(5) });
    events.push({ type: "acknowledged", stage: 3, date: next(6) });
    events.push({ type: "panel_held", stage: 3, date: next(7) });
    events.push({ type: "panel_reported", stage: 3, date: next(8) });
    return events;
  }

  const arbitraryCase = fc.record({
    pathway: PATHWAY,
    start: fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2030-06-30") }),
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 9, maxLength: 9 }),
    extension: fc.integer({ min: 1, max: 10 }),
    cut: fc.integer({ min: 1, max: 11 }),
  });

  it("every due date of the council is a working day", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ pathway, start, gaps, extension, cut }) => {
        const timeline = timelineOf(pathway, buildCase(pathway, start, gaps, extension).slice(0, cut));
        for (const d of timeline.dueDates) {
          if (d.id === "stage2LateRequestBy") continue; // a calendar limit (RULES §1)
          expect(calendar.isWorkingDay(d.date), `${d.id} ${d.date}`).toBe(true);
        }
      }),
    );
  });

  it("never moves a date earlier when an event is recorded later", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.nat(), fc.integer({ min: 1, max: 30 }), ({ pathway, start, gaps, extension, cut }, pick, shift) => {
        const events = buildCase(pathway, start, gaps, extension).slice(0, cut);
        const dated = events.map((e, i) => ({ e, i })).filter(({ e }) => "date" in e && e.date !== undefined);
        const target = dated[pick % dated.length];
        if (!target) return;
        const nextDate = events.slice(target.i + 1).find((e) => "date" in e && e.date !== undefined)?.date;
        const own = (target.e as { date: string }).date;
        const maxShift = nextDate === undefined ? shift : Math.min(shift, toDayNumber(nextDate) - toDayNumber(own));
        if (maxShift <= 0) return;
        const later = events.map((e, i) => (i === target.i ? { ...e, date: addCalendarDays(own, maxShift) } : e)) as CaseEvent[];
        const before = datesOf(pathway, events);
        const after = datesOf(pathway, later);
        for (const [id, date] of Object.entries(before)) {
          const moved = after[id as keyof typeof after];
          if (moved !== undefined) expect(moved >= date, `${id}: ${date} → ${moved}`).toBe(true);
        }
      }),
    );
  });

  it("recording a further event never removes a date that already applied", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ pathway, start, gaps, extension, cut }) => {
        const events = buildCase(pathway, start, gaps, extension);
        const before = datesOf(pathway, events.slice(0, cut));
        const after = datesOf(pathway, events.slice(0, cut + 1));
        for (const id of Object.keys(before)) expect(after[id as keyof typeof after], id).toBeDefined();
      }),
    );
  });
});
