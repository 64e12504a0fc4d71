// What staff may do to a complaint now (issue 11, item 3), from its status: the pages offer these, and the case
// service checks each against the stage machine again when it is done. Pure.
import type { ComplaintStatus } from "~/rules/stage-machine";

export const CASE_ACTIONS = ["accept", "acknowledge", "respond"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export function actionsFor(status: ComplaintStatus): CaseAction[] {
  switch (status) {
    // RULES §7: checked and accepted on its pathway.
    case "triage":
      return ["accept"];
    // §13.8: acknowledged, with our understanding, the officer and the response date.
    case "awaiting_acknowledgement":
      return ["acknowledge"];
    // §13.13–13.16: responded with the outcome and reasons.
    case "investigating":
      return ["respond"];
    default:
      return [];
  }
}
