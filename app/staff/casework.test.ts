import { describe, expect, it } from "vitest";
import { actionsFor, actsOnComplaints, maySendResponse } from "./casework";
import { STAFF_ROLES } from "./staff-roles";

describe("actionsFor", () => {
  it("offers accepting at triage, acknowledging once accepted, and extending or responding while investigated", () => {
    expect(actionsFor({ status: "triage", pathway: "corporate", stage: 1 })).toEqual(["accept", "resolve", "pass-on", "not-accept", "join"]);
    expect(actionsFor({ status: "awaiting_acknowledgement", pathway: "corporate", stage: 2 })).toEqual(["acknowledge"]);
    expect(actionsFor({ status: "investigating", pathway: "corporate", stage: 1 })).toEqual(["extend", "respond"]);
    expect(actionsFor({ status: "investigating", pathway: "adults", stage: 1 })).toEqual(["extend", "respond"]);
  });
  it("walks the children's review panel: held, reported, then the council's response, with no extension (Appendix A)", () => {
    expect(actionsFor({ status: "investigating", pathway: "childrens", stage: 3 })).toEqual(["panel-held"]);
    expect(actionsFor({ status: "panel_held", pathway: "childrens", stage: 3 })).toEqual(["panel-reported"]);
    expect(actionsFor({ status: "panel_reported", pathway: "childrens", stage: 3 })).toEqual(["respond"]);
    expect(actionsFor({ status: "investigating", pathway: "childrens", stage: 2 })).toEqual(["extend", "respond"]);
  });
  it("offers the decision on a late request for Stage 2 while one waits (§14.4)", () => {
    expect(actionsFor({ status: "responded", pathway: "corporate", stage: 1, lateRequestWaiting: true })).toEqual(["decide-late"]);
  });
  it("offers nothing on a complaint responded to, closed or withdrawn", () => {
    for (const status of ["responded", "closed", "withdrawn", "not_accepted"] as const) {
      expect(actionsFor({ status, pathway: "corporate", stage: 1 })).toEqual([]);
    }
  });
});

describe("who sends a response", () => {
  it("lets complaints officers and managers send Stage 1, and only managers the later stages", () => {
    const stage1 = STAFF_ROLES.filter((role) => maySendResponse(role, 1));
    const stage2 = STAFF_ROLES.filter((role) => maySendResponse(role, 2));
    const stage3 = STAFF_ROLES.filter((role) => maySendResponse(role, 3));
    expect(stage1).toEqual(["complaints_officer", "manager"]);
    expect(stage2).toEqual(["manager"]);
    expect(stage3).toEqual(["manager"]);
    expect(STAFF_ROLES.filter(actsOnComplaints)).toEqual(["complaints_officer", "manager"]);
  });
});
