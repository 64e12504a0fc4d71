// RULES §7: what each stage decision is and what the response must then contain.
import type { IsoDate } from "./calendar-dates";
import type { DueDateId, Timeline } from "./complaint-timeline";
import { explanation, type Explanation } from "./explanations";
import { ombudsmanReferral } from "./ombudsman";
import { finalStage, stageTimescale, type Pathway, type Stage } from "./timescales";

/** §13.13–§13.16: every stage decision is one of these. */
export const OUTCOMES = ["upheld", "partially_upheld", "not_upheld"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === "string" && (OUTCOMES as readonly string[]).includes(value);
}

/** §15.1: the ways of putting things right. */
export const REMEDIES = [
  "apology",
  "explanation",
  "action_or_service",
  "decision_changed",
  "record_corrected",
  "payment",
  "policy_changed",
] as const;
export type Remedy = (typeof REMEDIES)[number];

export interface ResponseRequirements {
  /** §13.13, §14.10: the response gives the issues investigated, the decision and why. */
  readonly reasons: true;
  /** §13.17, §14.11: an upheld (fully or partly) complaint gets an apology … */
  readonly apology: boolean;
  /** … the remedy offered and any actions still to be taken with their completion dates. */
  readonly remedyAndActionsWithDates: boolean;
  /** What the response tells the person about the next step: the next stage or the Ombudsman. */
  readonly nextStep: Explanation;
}

/** What a response at a stage with a given outcome must contain (RULES §7). */
export function responseRequirements(pathway: Pathway, stage: Stage, outcome: Outcome): ResponseRequirements {
  const upheld = outcome !== "not_upheld";
  let nextStep: Explanation;
  if (stage >= finalStage(pathway)) {
    // §14.12, §22.11, §23.8: the final response says how to go to the Ombudsman.
    nextStep = ombudsmanReferral("final_response");
  } else {
    // §13.13: the response explains how to escalate to the next stage and by when.
    const next = (stage + 1) as Stage;
    const window = stageTimescale(pathway, next).requestWindow ?? 0;
    nextStep = explanation("outcomes.nextStage", { stage: next, count: window });
  }
  return { reasons: true, apology: upheld, remedyAndActionsWithDates: upheld, nextStep };
}

/** §13.8: what every acknowledgement sets out. */
export const ACKNOWLEDGEMENT_CONTENTS = [
  "understanding_of_complaint",
  "outcome_sought",
  "investigating_officer",
  "response_date",
] as const;

const RESPONSE_DUE: Record<Stage, DueDateId> = { 1: "stage1ResponseBy", 2: "stage2ResponseBy", 3: "stage3ResponseBy" };

/** §13.8: the acknowledgement of a stage, with the response date it must give (from the timeline). */
export function acknowledgementContents(
  timeline: Timeline,
  stage: Stage,
): { readonly contents: typeof ACKNOWLEDGEMENT_CONTENTS; readonly responseBy: IsoDate | undefined } {
  const responseBy = timeline.dueDates.find((due) => due.id === RESPONSE_DUE[stage])?.date;
  return { contents: ACKNOWLEDGEMENT_CONTENTS, responseBy };
}
