// The compliment or comment form's one schema, used by react-hook-form in the browser and by the action.
import { z } from "zod";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const clean = (max: number, tooLong: string) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .refine((value) => !CONTROL_CHARACTERS.test(value), { message: "errors.form.controlCharacters" })
    .refine((value) => value.length <= max, { message: tooLong });

/** One schema for the form, in the browser and on the server; messages are translation keys. */
export const complimentSchema = z.object({
  kind: z.enum(["compliment", "comment"], { message: "compliment.kind.error" }),
  serviceArea: z.string().max(64).default(""),
  team: clean(200, "compliment.team.tooLong"),
  message: clean(5000, "compliment.message.tooLong").refine((value) => value.length > 0, { message: "compliment.message.error" }),
  name: clean(200, "compliment.name.tooLong"),
  email: clean(200, "compliment.email.error").refine((value) => value === "" || z.email().safeParse(value).success, {
    message: "compliment.email.error",
  }),
});

export type Compliment = z.output<typeof complimentSchema>;

