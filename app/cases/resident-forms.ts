// The forms a resident fills in about their complaint (issue 9, items 4–6), checked the same way on every post.
// Messages are translation keys.
import { z } from "zod/mini";
import { plainText } from "~/forms/plain-text";
import { ESCALATION_GROUNDS, LATE_ESCALATION_REASONS } from "~/rules/escalation";

import { TEXT_LIMIT } from "./resident-limits";

export { TEXT_LIMIT };

const required = (key: string) => plainText({ max: TEXT_LIMIT, tooLong: `${key}.tooLong`, required: `${key}.required` });

/** §14.5: the grounds, what is still unresolved and the outcome wanted. */
export const escalationSchema = z.object({
  grounds: z.array(z.enum(ESCALATION_GROUNDS)).check(z.minLength(1, { error: "account.escalate.grounds.error" })),
  unresolved: required("account.escalate.unresolved.error"),
  outcomeWanted: required("account.escalate.outcomeWanted.error"),
});

/** §14.4: a late corporate request says which of the two reasons applies, and how. */
export const lateEscalationSchema = z.object({
  ...escalationSchema.shape,
  lateReason: z.enum(LATE_ESCALATION_REASONS, { error: "account.escalate.lateReason.error" }),
  lateExplanation: required("account.escalate.lateExplanation.error"),
});

/** A message, which may be left empty when files are sent (INFORMATION_REQUIRED otherwise). */
export const informationSchema = z.object({
  message: plainText({ max: TEXT_LIMIT, tooLong: "account.addInformation.message.error.tooLong" }),
});

export const INFORMATION_REQUIRED = "account.addInformation.message.error.required";

/** §11: a reason is optional. */
export const withdrawalSchema = z.object({
  reason: plainText({ max: TEXT_LIMIT, tooLong: "account.withdraw.reason.error.tooLong" }),
});

/** Each field's first error, as a key. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}
