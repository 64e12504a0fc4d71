// The recorded case a timeline is computed from, as a zod schema shared by the timeline command and the
// web app. Shape errors come from zod; what the events mean together (order, pathway, extension limits)
// is checked by replaying them through the rules, so the schema and the timeline never disagree.
import { z } from "zod";
import { isIsoDate } from "./calendar-dates";
import { CASE_EVENT_TYPES, type CaseEvent } from "./complaint-events";
import { computeTimeline } from "./complaint-timeline";
import { LATE_ESCALATION_REASONS } from "./escalation";
import { OUTCOMES } from "./stage-outcomes";
import { PATHWAYS, type Pathway, stageExists } from "./timescales";

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

export const isoDateSchema = z
  .string({ error: (issue) => `expected a date written YYYY-MM-DD, got ${show(issue.input)}` })
  .refine(isIsoDate, { error: (issue) => `${show(issue.input)} is not a real calendar date written YYYY-MM-DD`, abort: true });

const stageSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: (issue) => `stage must be 1, 2 or 3, got ${show(issue.input)}`,
});

const outcomeSchema = z.enum(OUTCOMES, {
  error: (issue) => `outcome must be one of ${OUTCOMES.join(", ")}, got ${show(issue.input)}`,
});

export const caseEventSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("received"), date: isoDateSchema }),
    // "acknowledged" without a stage is the Stage 1 acknowledgement.
    z.object({ type: z.literal("acknowledged"), stage: stageSchema.default(1), date: isoDateSchema }),
    z.object({
      type: z.literal("extended"),
      stage: stageSchema,
      days: z
        .number({ error: (issue) => `days must be a number of working days, got ${show(issue.input)}` })
        .int({ error: (issue) => `days must be a whole number of working days, got ${show(issue.input)}` })
        .positive({ error: (issue) => `days must be more than 0, got ${show(issue.input)}` })
        .optional(),
      agreedDate: isoDateSchema.optional(),
      reason: z
        .string({ error: "an extension needs a reason (text)" })
        .trim()
        .min(1, { error: "an extension needs a reason (text)" }),
      date: isoDateSchema.optional(),
    }),
    z.object({ type: z.literal("responded"), stage: stageSchema, date: isoDateSchema, outcome: outcomeSchema }),
    z.object({
      type: z.literal("escalation_requested"),
      stage: z.union([z.literal(2), z.literal(3)], {
        error: (issue) => `the stage asked for must be 2 or 3, got ${show(issue.input)}`,
      }),
      date: isoDateSchema,
      lateAccepted: z.boolean().optional(),
      lateReason: z.enum(LATE_ESCALATION_REASONS).optional(),
    }),
    z.object({ type: z.literal("panel_held"), stage: z.literal(3).default(3), date: isoDateSchema }),
    z.object({ type: z.literal("panel_reported"), stage: z.literal(3).default(3), date: isoDateSchema }),
    z.object({ type: z.literal("withdrawn"), date: isoDateSchema }),
  ],
  {
    error: (issue) => {
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      return type === undefined
        ? `an event needs a type (one of ${CASE_EVENT_TYPES.join(", ")})`
        : `unknown event type ${show(type)} (expected one of ${CASE_EVENT_TYPES.join(", ")})`;
    },
  },
);

const caseShapeSchema = z.object(
  {
  pathway: z.enum(PATHWAYS, {
    error: (issue) => `unknown pathway ${show(issue.input)} (expected ${PATHWAYS.join(", ")})`,
  }),
  events: z.array(caseEventSchema, { error: "events must be a list of events" }),
    /** The day statuses are judged on (optional). */
    today: isoDateSchema.optional(),
  },
  { error: 'a case is a JSON object with "pathway" and "events"' },
);

/** A recorded case: its pathway and its events in the order they happened. */
export const caseInputSchema = caseShapeSchema.superRefine((value, context) => {
  // Only a well-formed case is replayed; shape errors are reported on their own.
  if (context.issues.length > 0) return;
  const result = computeTimeline(value as CaseInput);
  if (!result.ok) {
    context.addIssue({
      code: "custom",
      message: result.error.message.replace(/^events(\[\d+\])?:? /, ""),
      path: result.error.eventIndex === undefined ? ["events"] : ["events", result.error.eventIndex],
      params: { code: result.error.code },
    });
  }
});

export interface CaseInput {
  readonly pathway: Pathway;
  readonly events: readonly CaseEvent[];
  readonly today?: string;
}

// The schema's output is the CaseInput the rules take.
type SchemaOutput = z.output<typeof caseShapeSchema>;
const schemaMatchesCaseInput: (value: SchemaOutput) => CaseInput = (value) => value;
void schemaMatchesCaseInput;

function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? String(part) : `.${String(part)}`;
  return text;
}

export type CaseInputResult = { readonly ok: true; readonly value: CaseInput } | { readonly ok: false; readonly errors: readonly string[] };

/** Validate a parsed JSON value as a case; errors name the place and what is wrong, e.g. "events[2].date: …". */
export function parseCaseInput(raw: unknown): CaseInputResult {
  const parsed = caseInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const where = formatPath(issue.path);
      return where === "" ? issue.message : `${where}: ${issue.message}`;
    }),
  };
}

export type LenientCaseInputResult =
  | { readonly ok: true; readonly value: CaseInput; readonly ignored: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * For the timeline command: events for a stage the pathway does not have (a review panel on a corporate
 * case, Stage 2 of an adults' case) set no due date on that pathway, so they are set aside and named in
 * `ignored` rather than failing the whole case. Everything else is validated as `parseCaseInput` does.
 */
export function parseCaseInputIgnoringOtherStages(raw: unknown): LenientCaseInputResult {
  const shape = caseShapeSchema.safeParse(raw);
  if (!shape.success) return parseCaseInput(raw) as LenientCaseInputResult;
  const { pathway, events } = shape.data;
  const ignored: string[] = [];
  const dropped = new Set<number>();
  events.forEach((event, index) => {
    const stage = "stage" in event ? event.stage : 1;
    if (stageExists(pathway, stage)) return;
    dropped.add(index);
    ignored.push(`events[${index}] (${event.type}): the ${pathway} pathway has no Stage ${stage}`);
  });
  const rawEvents = (raw as { events: unknown[] }).events;
  const parsed = parseCaseInput({ ...(raw as object), events: rawEvents.filter((_, index) => !dropped.has(index)) });
  return parsed.ok ? { ...parsed, ignored } : parsed;
}
