// Free text as residents type it, checked the same way on every form: line endings normalised and trimmed;
// NUL and other control characters (but tab and new lines) refused rather than silently stripped; a length
// limit; optionally required. Messages are translation keys.
import { z } from "zod/mini";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function plainText(options: { max: number; tooLong: string; required?: string }) {
  const { max, tooLong, required } = options;
  return z.string().check(
    z.overwrite((value) => value.replace(/\r\n/g, "\n").trim()),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), { error: "errors.form.controlCharacters" }),
    z.refine((value) => value.length <= max, { error: tooLong }),
    z.refine((value) => required === undefined || value.length > 0, { error: required ?? "" }),
  );
}

/** An email address, or nothing. */
export const EMAIL = z.email();
