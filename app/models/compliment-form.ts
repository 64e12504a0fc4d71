// The compliment or comment form's one schema, used by react-hook-form in the browser and by the action.
import { z } from "zod/mini";
import { EMAIL, NAME_LIMIT, oneLineText, plainText } from "~/forms/plain-text";

const clean = (max: number, tooLong: string) => plainText({ max, tooLong });
const line = (max: number, tooLong: string) => oneLineText({ max, tooLong });

export const complimentSchema = z.object({
  kind: z.enum(["compliment", "comment"], { error: "compliment.kind.error" }),
  serviceArea: z._default(z.string().check(z.maxLength(64)), ""),
  team: line(200, "compliment.team.tooLong"),
  message: clean(5000, "compliment.message.tooLong").check(
    z.refine((value) => value.length > 0, { error: "compliment.message.error" }),
  ),
  name: line(NAME_LIMIT, "compliment.name.tooLong"),
  email: line(200, "compliment.email.error").check(
    z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: "compliment.email.error" }),
  ),
});

export type Compliment = z.output<typeof complimentSchema>;
