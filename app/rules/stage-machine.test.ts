import { describe, expect, it } from "vitest";
import type { CaseEvent } from "./complaint-events";
import { type Exclusion } from "./eligibility";
import {
  applyEvent,
  isOpen,
  openComplaint,
  relatedComplaintJoinsExisting,
  replayCase,
  type ComplaintState,
  type MachineOptions,
  type StageEvent,
  type TransitionErrorCode,
} from "./stage-machine";
import type { Pathway } from "./timescales";

/** Apply events in turn, failing the test if any is refused. */
function run(state: ComplaintState, events: StageEvent[], options?: MachineOptions): ComplaintState {
  let current = state;
  for (const event of events) {
    const result = applyEvent(current, event, options);
    if (!result.ok) throw new Error(`${event.type}: ${result.error.message}`);
    current = result.state;
  }
  return current;
}

function refusal(state: ComplaintState, event: StageEvent, options?: MachineOptions): TransitionErrorCode | "allowed" {
  const result = applyEvent(state, event, options);
  return result.ok ? "allowed" : result.error.code;
}

const received = (pathway: Pathway = "corporate") => openComplaint(pathway, "2026-03-02");
const accepted = (pathway: Pathway = "corporate") => run(received(pathway), [{ type: "triaged", outcome: "accepted", pathway }]);
const acknowledged = (pathway: Pathway = "corporate") => run(received(pathway), [{ type: "acknowledged", stage: 1, date: "2026-03-03" }]);
const respondedAt1 = (pathway: Pathway = "corporate") =>
  run(acknowledged(pathway), [{ type: "responded", stage: 1, date: "2026-03-10", outcome: "not_upheld" }]);
const atStage2 = (pathway: Pathway = "corporate") => run(respondedAt1(pathway), [{ type: "escalation_requested", stage: 2, date: "2026-03-12" }]);
const respondedAt2 = (pathway: Pathway = "corporate") =>
  run(atStage2(pathway), [
    { type: "acknowledged", stage: 2, date: "2026-03-13" },
    { type: "responded", stage: 2, date: "2026-04-01", outcome: "partially_upheld" },
  ]);
const atStage3 = () => run(respondedAt2("childrens"), [{ type: "escalation_requested", stage: 3, date: "2026-04-02" }]);
const panelHeld = () => run(atStage3(), [{ type: "acknowledged", stage: 3, date: "2026-04-03" }, { type: "panel_held", stage: 3, date: "2026-05-01" }]);
const panelReported = () => run(panelHeld(), [{ type: "panel_reported", stage: 3, date: "2026-05-06" }]);

describe("triage (RULES §7)", () => {
  it("starts a received complaint in triage at stage 1", () => {
    expect(received()).toMatchObject({ status: "triage", stage: 1, pathway: "corporate", receivedOn: "2026-03-02" });
  });

  it("can resolve it informally", () => {
    expect(run(received(), [{ type: "triaged", outcome: "resolved_informally" }]).status).toBe("resolved_informally");
  });

  it("§13.10: can join it to the person's Stage 1 complaint, which must be named", () => {
    expect(run(received(), [{ type: "triaged", outcome: "joined", joinedTo: "CCC-AB12-CD34" }]).status).toBe("joined");
    expect(refusal(received(), { type: "triaged", outcome: "joined", joinedTo: " " })).toBe("joined_to_required");
  });

  it("can treat it as a service request", () => {
    expect(run(received(), [{ type: "triaged", outcome: "service_request" }]).status).toBe("service_request");
  });

  it("can decline it, naming the exclusion (§6.5)", () => {
    const state = run(received(), [{ type: "triaged", outcome: "not_accepted", exclusion: "parking_or_penalty_charge" }]);
    expect(state).toMatchObject({ status: "not_accepted", exclusion: "parking_or_penalty_charge" });
  });

  it("refuses to decline without naming a known exclusion", () => {
    expect(refusal(received(), { type: "triaged", outcome: "not_accepted", exclusion: "" as Exclusion })).toBe("exclusion_required");
  });

  it("can accept it on its pathway", () => {
    expect(accepted()).toMatchObject({ status: "awaiting_acknowledgement", pathway: "corporate" });
  });

  it("can accept it on a different pathway with a reason for the resident", () => {
    const state = run(received("childrens"), [{ type: "triaged", outcome: "accepted", pathway: "corporate", reason: "early help is outside the statutory scope" }]);
    expect(state.pathway).toBe("corporate");
    expect(state.pathwayChanges).toEqual([{ from: "childrens", to: "corporate", reason: "early help is outside the statutory scope" }]);
  });

  it("refuses to accept on a different pathway without a reason", () => {
    expect(refusal(received("childrens"), { type: "triaged", outcome: "accepted", pathway: "corporate" })).toBe("reason_required");
  });

  it("refuses to accept on an unknown pathway", () => {
    expect(refusal(received(), { type: "triaged", outcome: "accepted", pathway: "housing" as Pathway })).toBe("unknown_pathway");
  });

  it("can change the pathway at triage with a reason", () => {
    const state = run(received("corporate"), [{ type: "pathway_changed", pathway: "adults", reason: "about adult social care" }]);
    expect(state).toMatchObject({ status: "triage", pathway: "adults" });
  });

  it("refuses a change of pathway without a reason", () => {
    expect(refusal(received(), { type: "pathway_changed", pathway: "adults", reason: " " })).toBe("reason_required");
  });

  it("refuses a change to the same pathway", () => {
    expect(refusal(received(), { type: "pathway_changed", pathway: "corporate", reason: "x" })).toBe("pathway_unchanged");
  });

  it("refuses a change to an unknown pathway", () => {
    expect(refusal(received(), { type: "pathway_changed", pathway: "x" as Pathway, reason: "x" })).toBe("unknown_pathway");
  });

  it("refuses a change of pathway after triage", () => {
    expect(refusal(accepted(), { type: "pathway_changed", pathway: "adults", reason: "x" })).toBe("not_in_triage");
  });

  it("refuses a second triage decision", () => {
    expect(refusal(accepted(), { type: "triaged", outcome: "service_request" })).toBe("not_in_triage");
  });

  it("treats acknowledging a complaint in triage as logging and acknowledging it (Appendix C)", () => {
    expect(acknowledged()).toMatchObject({ status: "investigating", stage: 1 });
    expect(acknowledged().stages[0]?.acknowledgedOn).toBe("2026-03-03");
  });

  it("refuses a response before the complaint is accepted", () => {
    expect(refusal(received(), { type: "responded", stage: 1, date: "2026-03-05", outcome: "upheld" })).toBe("not_accepted_yet");
  });

  it("refuses an extension before the complaint is accepted", () => {
    expect(refusal(received(), { type: "extended", stage: 1, days: 5, reason: "x" })).toBe("not_accepted_yet");
  });
});

describe("a stage (§13, §14, Appendices A–B)", () => {
  it("acknowledges an accepted complaint", () => {
    expect(run(accepted(), [{ type: "acknowledged", stage: 1, date: "2026-03-04" }]).status).toBe("investigating");
  });

  it("refuses a second acknowledgement", () => {
    expect(refusal(acknowledged(), { type: "acknowledged", stage: 1, date: "2026-03-04" })).toBe("already_acknowledged");
  });

  it("refuses an acknowledgement after the response", () => {
    expect(refusal(respondedAt1(), { type: "acknowledged", stage: 1, date: "2026-03-11" })).toBe("already_responded");
  });

  it("refuses to acknowledge a stage the complaint is not at", () => {
    expect(refusal(acknowledged(), { type: "acknowledged", stage: 2, date: "2026-03-04" })).toBe("wrong_stage");
    expect(refusal(received(), { type: "acknowledged", stage: 2, date: "2026-03-04" })).toBe("wrong_stage");
  });

  it("refuses events for a stage the pathway does not have", () => {
    expect(refusal(acknowledged("adults"), { type: "acknowledged", stage: 2, date: "2026-03-04" })).toBe("stage_not_in_pathway");
    expect(refusal(acknowledged("corporate"), { type: "responded", stage: 3, date: "2026-03-04", outcome: "upheld" })).toBe("stage_not_in_pathway");
  });

  it("extends the response within the maximum, keeping the reason", () => {
    const state = run(acknowledged(), [{ type: "extended", stage: 1, days: 10, reason: "waiting for contractor records" }]);
    expect(state.stages[0]).toMatchObject({ extensionDays: 10, extensions: [{ days: 10, reason: "waiting for contractor records" }] });
  });

  it("refuses an extension beyond the maximum with the reason why", () => {
    const result = applyEvent(acknowledged(), { type: "extended", stage: 1, days: 11, reason: "x" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("extension_refused");
      expect(result.error.params.reason).toBe("beyond_maximum");
      expect(result.error.message).toContain("maximum of 10");
    }
  });

  it("refuses a second extension that takes the total beyond the maximum", () => {
    const state = run(acknowledged(), [{ type: "extended", stage: 1, days: 6, reason: "x" }]);
    expect(refusal(state, { type: "extended", stage: 1, days: 5, reason: "x" })).toBe("extension_refused");
  });

  it("refuses an extension after the response", () => {
    expect(refusal(respondedAt1(), { type: "extended", stage: 1, days: 2, reason: "x" })).toBe("already_responded");
  });

  it("extends an adults' response to a date agreed with the complainant, each one later", () => {
    const state = run(acknowledged("adults"), [{ type: "extended", stage: 1, agreedDate: "2026-10-01", reason: "x" }]);
    expect(state.stages[0]?.agreedResponseDate).toBe("2026-10-01");
    expect(refusal(state, { type: "extended", stage: 1, agreedDate: "2026-09-01", reason: "x" })).toBe("extension_refused");
  });

  it("records the response and its outcome", () => {
    expect(respondedAt1()).toMatchObject({ status: "responded" });
    expect(respondedAt1().stages[0]).toMatchObject({ respondedOn: "2026-03-10", outcome: "not_upheld" });
  });

  it("refuses a second response", () => {
    expect(refusal(respondedAt1(), { type: "responded", stage: 1, date: "2026-03-11", outcome: "upheld" })).toBe("already_responded");
  });

  it("refuses a response without a valid outcome", () => {
    expect(refusal(acknowledged(), { type: "responded", stage: 1, date: "2026-03-11", outcome: "resolved" as "upheld" })).toBe("outcome_required");
  });

  it("refuses an event dated before the previous one", () => {
    const result = applyEvent(acknowledged(), { type: "responded", stage: 1, date: "2026-03-02", outcome: "upheld" });
    expect(result.ok ? "allowed" : result.error.code).toBe("date_out_of_order");
    expect(result.ok ? "" : result.error.message).toContain("2026-03-03");
  });
});

describe("escalation (§14, §21, §22)", () => {
  it("moves a corporate complaint to Stage 2 awaiting acknowledgement", () => {
    expect(atStage2()).toMatchObject({ stage: 2, status: "awaiting_acknowledgement" });
    expect(atStage2().stages[1]?.requestedOn).toBe("2026-03-12");
  });

  it("refuses escalation before the stage has been responded to", () => {
    expect(refusal(acknowledged(), { type: "escalation_requested", stage: 2, date: "2026-03-05" })).toBe("not_responded");
  });

  it("refuses to skip a stage", () => {
    expect(refusal(respondedAt1("childrens"), { type: "escalation_requested", stage: 3, date: "2026-03-12" })).toBe("wrong_stage");
  });

  it("refuses escalation past the final stage, pointing to the Ombudsman", () => {
    const adults = applyEvent(respondedAt1("adults"), { type: "escalation_requested", stage: 2, date: "2026-03-12" });
    expect(adults.ok ? "allowed" : adults.error.code).toBe("no_further_stage");
    expect(adults.ok ? "" : adults.error.message).toContain("Ombudsman");
    expect(refusal(respondedAt2("corporate"), { type: "escalation_requested", stage: 3, date: "2026-04-02" })).toBe("no_further_stage");
  });

  it("needs a staff decision for a corporate request after 20 working days (§14.4)", () => {
    expect(refusal(respondedAt1(), { type: "escalation_requested", stage: 2, date: "2026-05-01" })).toBe("late_escalation_needs_staff_decision");
  });

  it("accepts a late corporate request that staff accepted for a recognised reason", () => {
    const state = run(respondedAt1(), [
      { type: "escalation_requested", stage: 2, date: "2026-05-01", lateAccepted: true, lateReason: "same_issues_recurred" },
    ]);
    expect(state.stages[1]).toMatchObject({ stage: 2, lateAccepted: true });
  });

  it("refuses a corporate request more than six months after the Stage 1 response", () => {
    expect(
      refusal(respondedAt1(), { type: "escalation_requested", stage: 2, date: "2026-09-11", lateAccepted: true, lateReason: "same_issues_recurred" }),
    ).toBe("escalation_out_of_time");
  });

  it("refuses a children's request after 20 working days", () => {
    expect(refusal(respondedAt1("childrens"), { type: "escalation_requested", stage: 2, date: "2026-05-01" })).toBe("escalation_out_of_time");
  });

  it("can leave escalation windows to be reported rather than enforced", () => {
    expect(refusal(respondedAt1("childrens"), { type: "escalation_requested", stage: 2, date: "2026-05-01" }, { enforceEscalationWindows: false })).toBe(
      "allowed",
    );
  });
});

describe("the children's review panel (Appendix A §22)", () => {
  it("runs request, acknowledgement, panel, report and response in order", () => {
    const state = run(panelReported(), [{ type: "responded", stage: 3, date: "2026-05-20", outcome: "upheld" }]);
    expect(state).toMatchObject({ status: "responded", stage: 3 });
    expect(state.stages[2]).toMatchObject({ panelHeldOn: "2026-05-01", panelReportedOn: "2026-05-06", respondedOn: "2026-05-20" });
  });

  it("refuses review panel events on the corporate and adults' pathways", () => {
    expect(refusal(respondedAt2("corporate"), { type: "panel_held", stage: 3, date: "2026-04-05" })).toBe("event_not_in_pathway");
    expect(refusal(acknowledged("adults"), { type: "panel_reported", stage: 3, date: "2026-04-05" })).toBe("event_not_in_pathway");
  });

  it("refuses a panel before Stage 3", () => {
    expect(refusal(atStage2("childrens"), { type: "panel_held", stage: 3, date: "2026-04-05" })).toBe("wrong_stage");
  });

  it("refuses a second panel", () => {
    expect(refusal(panelHeld(), { type: "panel_held", stage: 3, date: "2026-05-02" })).toBe("panel_already_held");
  });

  it("refuses a report before the panel has met", () => {
    expect(refusal(atStage3(), { type: "panel_reported", stage: 3, date: "2026-05-02" })).toBe("panel_not_held");
  });

  it("refuses a second report", () => {
    expect(refusal(panelReported(), { type: "panel_reported", stage: 3, date: "2026-05-07" })).toBe("panel_already_reported");
  });

  it("refuses the council's Stage 3 response before the panel has reported", () => {
    expect(refusal(panelHeld(), { type: "responded", stage: 3, date: "2026-05-02", outcome: "upheld" })).toBe("panel_not_reported");
  });

  it("refuses an acknowledgement after the panel has met", () => {
    const noAck = run(atStage3(), [{ type: "panel_held", stage: 3, date: "2026-05-01" }]);
    expect(refusal(noAck, { type: "acknowledged", stage: 3, date: "2026-05-02" })).toBe("panel_already_held");
  });

  it("refuses any extension at Stage 3", () => {
    expect(refusal(atStage3(), { type: "extended", stage: 3, days: 1, reason: "x" })).toBe("extension_refused");
  });

  it("refuses panel events once Stage 3 is responded to", () => {
    const done = run(panelReported(), [{ type: "responded", stage: 3, date: "2026-05-20", outcome: "upheld" }]);
    expect(refusal(done, { type: "panel_held", stage: 3, date: "2026-05-21" })).toBe("already_responded");
  });
});

describe("withdrawal and closure (§11)", () => {
  const openStates: [string, () => ComplaintState][] = [
    ["in triage", received],
    ["accepted", accepted],
    ["under investigation", acknowledged],
    ["responded to", respondedAt1],
    ["at Stage 2", atStage2],
    ["after the panel", panelHeld],
  ];

  it.each(openStates)("can be withdrawn %s", (_label, make) => {
    const state = run(make(), [{ type: "withdrawn", date: "2026-06-01" }]);
    expect(state).toMatchObject({ status: "withdrawn", withdrawnOn: "2026-06-01" });
  });

  it("takes no further events once withdrawn", () => {
    const state = run(acknowledged(), [{ type: "withdrawn", date: "2026-03-05" }]);
    expect(refusal(state, { type: "responded", stage: 1, date: "2026-03-06", outcome: "upheld" })).toBe("complaint_not_open");
    expect(refusal(state, { type: "withdrawn", date: "2026-03-06" })).toBe("complaint_not_open");
  });

  it("closes a complaint after a response", () => {
    expect(run(respondedAt1(), [{ type: "closed", date: "2026-04-15" }]).status).toBe("closed");
  });

  it("refuses to close a complaint that has not been responded to", () => {
    expect(refusal(acknowledged(), { type: "closed", date: "2026-03-05" })).toBe("not_responded");
  });

  it.each([
    ["closed", () => run(respondedAt1(), [{ type: "closed" }])],
    ["resolved informally", () => run(received(), [{ type: "triaged", outcome: "resolved_informally" }])],
    ["a service request", () => run(received(), [{ type: "triaged", outcome: "service_request" }])],
    ["not accepted", () => run(received(), [{ type: "triaged", outcome: "not_accepted", exclusion: "vexatious" }])],
    ["joined to another", () => run(received(), [{ type: "triaged", outcome: "joined", joinedTo: "CCC-AB12-CD34" }])],
  ] as const)("takes no further events once %s", (_label, make) => {
    const state = make();
    expect(isOpen(state.status)).toBe(false);
    expect(refusal(state, { type: "withdrawn", date: "2026-06-01" })).toBe("complaint_not_open");
  });
});

describe("related complaints (§13.10)", () => {
  it("join a Stage 1 complaint that has not been responded to", () => {
    expect(relatedComplaintJoinsExisting(acknowledged())).toBe(true);
    expect(relatedComplaintJoinsExisting(received())).toBe(true);
  });

  it("are a new complaint once Stage 1 has been responded to", () => {
    expect(relatedComplaintJoinsExisting(respondedAt1())).toBe(false);
    expect(relatedComplaintJoinsExisting(atStage2())).toBe(false);
  });
});

describe("replaying a recorded case", () => {
  const events: CaseEvent[] = [
    { type: "received", date: "2026-03-02" },
    { type: "responded", stage: 1, date: "2026-03-10", outcome: "upheld" },
  ];

  it("treats a Stage 1 response recorded without triage as accepted", () => {
    const result = replayCase({ pathway: "corporate", events });
    expect(result.ok && result.state.status).toBe("responded");
  });

  it("needs a received event", () => {
    const result = replayCase({ pathway: "corporate", events: events.slice(1) });
    expect(result.ok ? "ok" : result.error.code).toBe("missing_received");
  });

  it("refuses a second received event", () => {
    const result = replayCase({ pathway: "corporate", events: [...events, { type: "received", date: "2026-03-11" }] });
    expect(result.ok ? "ok" : result.error.code).toBe("already_received");
  });

  it("names the event that is wrong", () => {
    const result = replayCase({ pathway: "adults", events: [...events, { type: "escalation_requested", stage: 2, date: "2026-03-11" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.eventIndex).toBe(2);
      expect(result.error.message).toMatch(/^events\[2\] escalation_requested/);
    }
  });
});
