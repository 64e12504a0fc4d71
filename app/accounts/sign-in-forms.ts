// The sign-in forms' schemas, used by react-hook-form in the browser and by the actions. Messages are keys.
import { z } from "zod/mini";
import { asciiDigits } from "~/forms/digits";
import { EMAIL, oneLineText } from "~/forms/plain-text";
import { CODE_LENGTH_DIGITS } from "./sign-in-rules";

export const signInEmailSchema = z.object({
  email: oneLineText({ max: 254, tooLong: "account.signIn.email.error.format", required: "account.signIn.email.error.required" }).check(
    z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: "account.signIn.email.error.format" }),
  ),
});

/** A code as people paste it: spaces and dashes dropped, any script's digits read as 0–9 (stored codes are ASCII). */
export function normaliseCode(value: string): string {
  return asciiDigits(value).replace(/[\s-]/g, "");
}

export const signInCodeSchema = z.object({
  code: z.string().check(
    z.overwrite(normaliseCode),
    z.refine((value) => value.length > 0, { error: "account.code.error.required" }),
    z.refine((value) => value.length === 0 || new RegExp(`^[0-9]{${CODE_LENGTH_DIGITS}}$`).test(value), { error: "account.code.error.format" }),
  ),
});
