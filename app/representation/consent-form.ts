// The person's answer on their consent page (issue 10, item 3): agree — choosing who receives the council's
// letters — or decline. Checked on the server; messages are translation keys.
import { z } from "zod/mini";
import { LETTERS_TO } from "./representation-rules";

export const consentAnswerSchema = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("agree"), lettersTo: z.enum(LETTERS_TO, { error: "consent.lettersTo.error" }) }),
  z.object({ answer: z.literal("decline") }),
]);

/** The first error for each field, as translation keys: no answer, or agreeing without choosing who gets letters. */
export function consentErrors(values: { answer: string; lettersTo: string }): Record<string, string> | null {
  if (values.answer !== "agree" && values.answer !== "decline") return { answer: "consent.answer.error" };
  return consentAnswerSchema.safeParse(values).success ? null : { lettersTo: "consent.lettersTo.error" };
}
