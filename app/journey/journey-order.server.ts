// The whole online complaint in order, on the server: the pages the browser also checks (complaint-steps.ts),
// with issue 10's questions for someone complaining for another person put in after the screening questions.
import { journeyOver, STEPS, type Step } from "./complaint-steps";
import { REPRESENTATION_STEPS } from "./representation-steps";

const AFTER_SCREENING = STEPS.findIndex((step) => step.id === "proceedings-advice") + 1;

/** Every page of the complaint, in the order a resident meets them. */
export const ALL_STEPS: readonly Step[] = [...STEPS.slice(0, AFTER_SCREENING), ...REPRESENTATION_STEPS, ...STEPS.slice(AFTER_SCREENING)];

export const STEP_IDS = ALL_STEPS.map((step) => step.id);

export const { journey, firstUnanswered, canVisit, nextPage, stepById } = journeyOver(ALL_STEPS);
