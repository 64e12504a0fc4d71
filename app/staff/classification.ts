// Triage's record of what a complaint is about (issue 11, item 3; RULES §7–§8): the team whose service it is and
// the categories of concern raised — several per complaint, as the council's annual reports count them (source
// 002, "Complaint issue/category"). Pure: the page and the server share it. The categories are the council's own
// reporting codes; a council with others changes this list (and the database check in migration 0016).
import { isOutcome, type Outcome } from "~/rules/stage-outcomes";

export const CONCERN_CATEGORIES = [
  "communication",
  "standard_of_service",
  "delay",
  "staff_conduct",
  "policy_or_procedure",
  "finance",
  "discrimination",
  "confidentiality",
  "child_protection",
  "standard_of_environment",
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const TEAM_LIMIT = 120;
export const CONDUCT_NOTES_LIMIT = 10_000;

export interface Classification {
  readonly team: string;
  readonly categories: readonly ConcernCategory[];
}

export type ClassificationCheck = { readonly ok: true; readonly input: Classification } | { readonly ok: false; readonly errors: Record<string, string> };

/** The classification form: a team (typed, or chosen from those already used) and at least one category. */
export function readClassificationForm(form: URLSearchParams): ClassificationCheck {
  const team = (form.get("team") ?? "").trim().replace(/\s+/g, " ");
  const chosen = form.getAll("categories");
  const categories = CONCERN_CATEGORIES.filter((category) => chosen.includes(category));
  const errors: Record<string, string> = {};
  if (team === "") errors.team = "staff:classify.error.team";
  else if (team.length > TEAM_LIMIT) errors.team = "staff:classify.error.teamTooLong";
  if (categories.length === 0) errors.categories = "staff:classify.error.categories";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { team, categories } };
}

/**
 * §15.4: the outcome of looking into a member of staff's conduct is never told to the complainant. It is recorded
 * apart from the stage response, for staff only, and only where staff conduct is one of the concerns.
 */
export function recordsConductOutcome(categories: readonly string[]): boolean {
  return categories.includes("staff_conduct");
}

export interface ConductOutcome {
  readonly outcome: Outcome;
  readonly notes: string;
}

export type ConductCheck = { readonly ok: true; readonly input: ConductOutcome } | { readonly ok: false; readonly errors: Record<string, string> };

/** The staff-conduct outcome form: upheld, partly or not, and the notes that say why (staff only, §15.4). */
export function readConductForm(form: URLSearchParams): ConductCheck {
  const outcome = form.get("outcome") ?? "";
  const notes = (form.get("notes") ?? "").trim();
  const errors: Record<string, string> = {};
  if (!isOutcome(outcome)) errors.outcome = "staff:conduct.error.outcome";
  if (notes === "") errors.notes = "staff:conduct.error.notes";
  else if (notes.length > CONDUCT_NOTES_LIMIT) errors.notes = "staff:conduct.error.notesTooLong";
  return isOutcome(outcome) && Object.keys(errors).length === 0 ? { ok: true, input: { outcome, notes } } : { ok: false, errors };
}
