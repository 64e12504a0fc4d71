// Checks of a page's answer that need more than the page: its answer against the others, or a list too long to
// send to every browser. They run on the server once the answer is merged into the draft (with or without
// JavaScript, the same error summary), and keep the journey pages' JavaScript within its budget.
import type { ComplaintAnswers, StepErrors, StepId } from "./complaint-steps";

/** English as residents write it in the portal's languages: the council's own language, so no interpreter is needed for it. */
const ENGLISH_NAMES = new Set(["english", "angielski", "engleza", "engleză", "limba engleza", "limba engleză", "ਅੰਗਰੇਜ਼ੀ", "انگریزی", "الإنجليزية", "الانجليزية", "إنجليزي", "انجليزي", "اللغة الإنجليزية", "اللغة الانجليزية"]);

/** Whether a language typed for an interpreter is English (an interpreter is for a language other than the council's). */
export function isEnglish(language: string): boolean {
  return ENGLISH_NAMES.has(language.trim().toLocaleLowerCase().replace(/[.!]+$/, ""));
}

export const SERVER_CHECKS: Partial<Record<StepId, (answers: ComplaintAnswers) => StepErrors | null>> = {
  // §10.6: an interpreter is for a language other than English, the council's own.
  interpreter: (a) => (a.interpreter === "yes" && isEnglish(a.interpreterLanguage ?? "") ? { interpreterLanguage: "complaint.interpreter.error.english" } : null),
  // Issue 10: confirming online needs an email address to send the link to.
  "consent-route": (a) => (a.consentRoute === "online" && !a.personEmail ? { consentRoute: "complaint.consentRoute.error.noEmail" } : null),
};

/** The errors of a page's answer, merged into the others, that only the server checks. */
export function serverCheck(id: StepId, merged: ComplaintAnswers): StepErrors {
  return SERVER_CHECKS[id]?.(merged) ?? {};
}
