// Checks of a page's answer that need more than the page: its answer against the others, or a list too long to
// send to every browser. They run on the server once the answer is merged into the draft (with or without
// JavaScript, the same error summary), and keep the journey pages' JavaScript within its budget.
import { ukMobileNumber } from "~/accounts/mobile-number";
import type { ComplaintAnswers, StepErrors, StepId } from "./complaint-steps";

/** What the council has set up that a check depends on: whether it sends text messages (GOV.UK Notify). */
export type CheckSettings = { textMessages: boolean };

/** English as residents write it in the portal's languages: the council's own language, so no interpreter is needed for it. */
const ENGLISH_NAMES = new Set(["english", "angielski", "engleza", "engleză", "limba engleza", "limba engleză", "ਅੰਗਰੇਜ਼ੀ", "انگریزی", "الإنجليزية", "الانجليزية", "إنجليزي", "انجليزي", "اللغة الإنجليزية", "اللغة الانجليزية"]);

/** Whether a language typed for an interpreter is English (an interpreter is for a language other than the council's). */
export function isEnglish(language: string): boolean {
  return ENGLISH_NAMES.has(language.trim().toLocaleLowerCase().replace(/[.!]+$/, ""));
}

export const SERVER_CHECKS: Partial<Record<StepId, (answers: ComplaintAnswers, settings: CheckSettings) => StepErrors | null>> = {
  // §10.6: an interpreter is for a language other than English, the council's own.
  interpreter: (a) => (a.interpreter === "yes" && isEnglish(a.interpreterLanguage ?? "") ? { interpreterLanguage: "complaint.interpreter.error.english" } : null),
  // Issue 10: confirming online needs somewhere to send the link: an email address, or a UK mobile number when the
  // council sends texts.
  "consent-route": (a, settings) => {
    if (a.consentRoute !== "online" || a.personEmail) return null;
    if (!settings.textMessages) return { consentRoute: "complaint.consentRoute.error.noEmail" };
    return ukMobileNumber(a.personPhone ?? "") ? null : { consentRoute: "complaint.consentRoute.error.noContact" };
  },
};

/** The errors of a page's answer, merged into the others, that only the server checks. */
export function serverCheck(id: StepId, merged: ComplaintAnswers, settings: CheckSettings): StepErrors {
  return SERVER_CHECKS[id]?.(merged, settings) ?? {};
}
