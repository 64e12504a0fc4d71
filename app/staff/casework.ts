// What staff may do to a complaint now (issue 11, item 3), from its status, pathway and stage, and who may send a
// response: the pages offer these, and the case service checks each against the stage machine again when it is
// done. Pure.
import { maxExtension } from "~/rules/extensions";
import type { ComplaintStatus } from "~/rules/stage-machine";
import type { Pathway, Stage } from "~/rules/timescales";
import type { StaffRole } from "./staff-roles";

export const CASE_ACTIONS = ["accept", "resolve", "pass-on", "not-accept", "join", "acknowledge", "extend", "respond", "panel-held", "panel-reported", "decide-late"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseAt {
  readonly status: ComplaintStatus;
  readonly pathway: Pathway;
  readonly stage: Stage;
  /** §14.4: a late request for the next stage is waiting for the council's decision. */
  readonly lateRequestWaiting?: boolean;
}

export function actionsFor({ status, pathway, stage, lateRequestWaiting }: CaseAt): CaseAction[] {
  // Appendix A §22: children's Stage 3 is the review panel; the council responds to its report.
  const panelStage = pathway === "childrens" && stage === 3;
  switch (status) {
    // RULES §7: accepted on a pathway, resolved informally, passed on as a service request, or not accepted;
    // §13.10: or joined to the person's complaint still at Stage 1.
    case "triage":
      return ["accept", "resolve", "pass-on", "not-accept", "join"];
    // §13.8: acknowledged, with our understanding, the officer and the response date.
    case "awaiting_acknowledgement":
      return ["acknowledge"];
    // §13.11, §14.9, §21.6, §23.6: extended with a reason, where the stage allows it; §13.13–13.16: responded.
    case "investigating":
      if (panelStage) return ["panel-held"];
      return maxExtension(pathway, stage) === 0 ? ["respond"] : ["extend", "respond"];
    case "panel_held":
      return ["panel-reported"];
    case "panel_reported":
      return ["respond"];
    // §14.3–14.4: a late request for Stage 2 is accepted or refused by the council.
    case "responded":
      return lateRequestWaiting ? ["decide-late"] : [];
    default:
      return [];
  }
}

/** Who acts on complaints: complaints officers and managers (investigating officers draft; they do not send). */
export function actsOnComplaints(role: StaffRole): boolean {
  return role === "complaints_officer" || role === "manager";
}

/**
 * Who drafts a stage response for a complaint assigned to them (issue 11, item 1): investigating officers and
 * independent investigators. A complaints officer or manager checks the draft and sends it.
 */
export function draftsResponses(role: StaffRole): boolean {
  return role === "investigating_officer" || role === "independent_investigator";
}

/** Issue 11: a manager sends the responses after Stage 1 (corporate Stage 2, children's Stages 2 and 3). */
export function maySendResponse(role: StaffRole, stage: Stage): boolean {
  return stage === 1 ? actsOnComplaints(role) : role === "manager";
}
