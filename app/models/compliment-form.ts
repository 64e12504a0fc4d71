// The compliment or comment form's one schema, used by react-hook-form in the browser and by the action.
import { z } from "zod/mini";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EMAIL = z.email();

const clean = (max: number, tooLong: string) =>
  z.string().check(
    z.overwrite((value) => value.replace(/\r\n/g, "\n").trim()),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), { error: "errors.form.controlCharacters" }),
    z.refine((value) => value.length <= max, { error: tooLong }),
  );

export const complimentSchema = z.object({
  kind: z.enum(["compliment", "comment"], { error: "compliment.kind.error" }),
  serviceArea: z._default(z.string().check(z.maxLength(64)), ""),
  team: clean(200, "compliment.team.tooLong"),
  message: clean(5000, "compliment.message.tooLong").check(
    z.refine((value) => value.length > 0, { error: "compliment.message.error" }),
  ),
  name: clean(200, "compliment.name.tooLong"),
  email: clean(200, "compliment.email.error").check(
    z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: "compliment.email.error" }),
  ),
});

export type Compliment = z.output<typeof complimentSchema>;
