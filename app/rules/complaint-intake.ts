// RULES §6 (policy §10): what a complaint asks for, how the council replies, and the optional equality
// monitoring questions, which must never influence the outcome.

/** §10.4: the three things every complaint asks. */
export const INTAKE_QUESTIONS = ["what_went_wrong", "how_it_affected_people", "outcome_wanted"] as const;
export type IntakeQuestion = (typeof INTAKE_QUESTIONS)[number];

export const CONTACT_METHODS = ["email", "telephone", "letter"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** §13.7, §21.3, §22.5, §23.4: the preferred method if given, otherwise email (the default online). */
export function contactMethodFor(preferred: ContactMethod | undefined): ContactMethod {
  return preferred ?? "email";
}

/** §10.6: needs and reasonable adjustments the person can ask for, including translation and interpretation. */
export const SUPPORT_NEEDS = ["translation", "interpretation", "large_print", "easy_read", "british_sign_language", "other"] as const;
export type SupportNeed = (typeof SUPPORT_NEEDS)[number];

/** §10.7 and §4.5: the equality monitoring questions. Every one is optional. */
export const EQUALITY_QUESTIONS = [
  "age",
  "disability",
  "sex",
  "ethnicity",
  "sexual_orientation",
  "religion_or_belief",
  "gender_reassignment",
  "pregnancy_and_maternity",
] as const;
export type EqualityQuestion = (typeof EQUALITY_QUESTIONS)[number];

/** RULES §6: every equality question offers this answer. */
export const PREFER_NOT_TO_SAY = "prefer_not_to_say";

/** RULES §6: the age bands of the council's annual reports. */
export const AGE_BANDS = ["under_16", "16_24", "25_34", "35_49", "50_64", "65_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The report age band of an age in whole years. */
export function ageBand(age: number): AgeBand {
  if (age < 16) return "under_16";
  if (age < 25) return "16_24";
  if (age < 35) return "25_34";
  if (age < 50) return "35_49";
  if (age < 65) return "50_64";
  return "65_plus";
}

export type EqualityAnswers = Partial<Record<EqualityQuestion, string>>;

/**
 * RULES §6: equality answers are stored apart from the complaint and kept from investigating officers.
 * Splits a submission into the complaint and its equality answers (every equality key removed).
 */
export function separateEqualityAnswers<T extends Record<string, unknown>>(
  submission: T,
): { complaint: Omit<T, EqualityQuestion>; equality: EqualityAnswers } {
  const complaint: Record<string, unknown> = {};
  const equality: EqualityAnswers = {};
  for (const [key, value] of Object.entries(submission)) {
    if ((EQUALITY_QUESTIONS as readonly string[]).includes(key)) {
      if (typeof value === "string" && value !== "") equality[key as EqualityQuestion] = value;
    } else {
      complaint[key] = value;
    }
  }
  return { complaint: complaint as Omit<T, EqualityQuestion>, equality };
}
