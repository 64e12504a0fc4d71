// RULES §2–§3 and the policy's Appendix C: the pathways, their stages and every time limit, in council
// working days unless a name says months. Received = day zero.

/** RULES §2: corporate (§13–§14), children's statutory (Appendix A), adults' statutory (Appendix B). */
export const PATHWAYS = ["corporate", "childrens", "adults"] as const;
export type Pathway = (typeof PATHWAYS)[number];

export type Stage = 1 | 2 | 3;

export function isPathway(value: unknown): value is Pathway {
  return typeof value === "string" && (PATHWAYS as readonly string[]).includes(value);
}

export interface ResponseStageTimescale {
  readonly kind: "response";
  /** Working days after the previous stage's response within which this stage may be requested. */
  readonly requestWindow?: number;
  /** Calendar months after the previous response within which a late request may be accepted. */
  readonly lateRequestMonths?: number;
  /** Working days from receipt of the complaint or request (day zero) to acknowledge it. */
  readonly acknowledge: number;
  /** Working days from the acknowledgement to respond. */
  readonly response: number;
  /** Extra working days the response may be extended by, or 'agreed_date' for a date agreed with the complainant. */
  readonly maxExtension: number | "agreed_date";
  /** Internal standard in working days from receipt (adults §23.5). */
  readonly internalTargetFromReceipt?: number;
}

export interface ReviewPanelStageTimescale {
  readonly kind: "review_panel";
  readonly requestWindow: number;
  readonly acknowledge: number;
  /** Working days from the acknowledgement to convene the panel. */
  readonly convenePanel: number;
  /** Working days before the panel by which the complainant is invited. */
  readonly inviteNotice: number;
  /** Working days after the panel for it to report. */
  readonly panelReport: number;
  /** Working days after receiving the report for the council to respond. */
  readonly councilResponse: number;
  readonly maxExtension: 0;
}

export type StageTimescale = ResponseStageTimescale | ReviewPanelStageTimescale;

export interface PathwayTimescales {
  readonly stages: readonly StageTimescale[];
}

export const TIMESCALES = {
  /** Appendix C, every pathway. */
  common: {
    triage: 1, // Appendix C: initial review and triage, Day 1
    informalResolution: 3, // §13.3, §20.1, §23.1, Appendix C: informal resolution up to Day 3
    complaintTimeLimitMonths: 12, // §9.2: within 12 months of the issue or of first becoming aware of it
    resubmitAfterProceedingsMonths: 12, // Appendices A–B: up to one year after concurrent proceedings end
  },
  corporate: {
    stages: [
      {
        kind: "response",
        acknowledge: 5, // §13.6: log and acknowledge within five working days of receipt (Day 5)
        response: 10, // §13.9: respond within 10 working days of acknowledgement (Day 15)
        maxExtension: 10, // §13.11: extend by up to a further 10 working days (Day 25)
      },
      {
        kind: "response",
        requestWindow: 20, // §14.2: 20 working days from the Stage 1 response to ask for Stage 2
        lateRequestMonths: 6, // §14.4: late requests within six months of the Stage 1 response, staff decide
        acknowledge: 5, // §14.6: acknowledge within five working days of contact (Day 5)
        response: 20, // §14.8: respond within 20 working days of acknowledgement (Day 25)
        maxExtension: 20, // §14.9: extend by up to a further 20 working days (Day 45)
      },
    ],
  },
  childrens: {
    stages: [
      {
        kind: "response",
        acknowledge: 3, // §20.2: log and acknowledge within three working days (Day 3)
        response: 10, // §20.1 with §13.9, Appendix C: Day 13
        maxExtension: 10, // Appendix C: additional 10 days maximum (Day 23)
      },
      {
        kind: "response",
        requestWindow: 20, // §21.1: 20 working days from the Stage 1 response
        acknowledge: 3, // §21.2: acknowledge within three working days (Day 3)
        response: 25, // Appendix C: up to 25 days from acknowledgement (Day 28); §21.6
        maxExtension: 40, // Appendix C: additional 40 days maximum (Day 68); §21.6: up to 65 in all
      },
      {
        kind: "review_panel",
        requestWindow: 20, // §22.3: 20 working days from the Stage 2 response
        acknowledge: 2, // §22.4: acknowledge within two working days (Day 2)
        convenePanel: 30, // Appendix C: convene the review panel up to 30 days (Day 32); §22.6
        inviteNotice: 10, // §22.6: invited at least 10 working days before the panel meets
        panelReport: 5, // §22.9: the panel reports within five working days (Day 37)
        councilResponse: 15, // §22.10: respond within 15 working days of receiving the report (Day 52)
        maxExtension: 0, // Appendix A and C give no extension at Stage 3
      },
    ],
  },
  adults: {
    stages: [
      {
        kind: "response",
        acknowledge: 3, // §23.2: log and acknowledge within three working days (Day 3)
        internalTargetFromReceipt: 20, // §23.5: internal standard of 20 working days from receipt
        response: 130, // §23.5, Appendix C: up to 6 months (130 days), by Day 133
        maxExtension: "agreed_date", // §23.6, Appendix C: beyond that only a new date agreed with the complainant
      },
    ],
  },
} as const satisfies { common: Record<string, number> } & Record<Pathway, PathwayTimescales>;

/** The last stage of a pathway: corporate 2, children's 3 (review panel), adults 1 (RULES §2). */
export function finalStage(pathway: Pathway): Stage {
  return TIMESCALES[pathway].stages.length as Stage;
}

export function stageExists(pathway: Pathway, stage: number): stage is Stage {
  return Number.isInteger(stage) && stage >= 1 && stage <= finalStage(pathway);
}

/** The time limits of one stage; throws for a stage the pathway does not have. */
export function stageTimescale(pathway: Pathway, stage: Stage): StageTimescale {
  const timescale: StageTimescale | undefined = TIMESCALES[pathway].stages[stage - 1];
  if (!timescale) throw new RangeError(`the ${pathway} pathway has no stage ${stage}`);
  return timescale;
}
