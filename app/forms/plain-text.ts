// Free text as residents type it, checked the same way on every form: line endings normalised and trimmed;
// NUL and other control characters (but tab and new lines) refused rather than silently stripped; a length
// limit; optionally required. Messages are translation keys.
import { z } from "zod/mini";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Anything that breaks a line: new lines, tabs, and Unicode's own line and paragraph separators. */
const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]/;

/** Names are one line and at most this long: enough for any real name, too short to carry a letter of its own. */
export const NAME_LIMIT = 100;

export function plainText(options: { max: number; tooLong: string; required?: string }) {
  const { max, tooLong, required } = options;
  return z.string().check(
    z.overwrite((value) => value.replace(/\r\n/g, "\n").trim()),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), { error: "errors.form.controlCharacters" }),
    z.refine((value) => value.length <= max, { error: tooLong }),
    z.refine((value) => required === undefined || value.length > 0, { error: required ?? "" }),
  );
}

/**
 * Text that belongs on one line — a name, an email address, a reference — and is put into letters and emails
 * as it is: a new line in it is refused, so it can never start a paragraph of its own.
 */
export function oneLineText(options: { max: number; tooLong: string; required?: string }) {
  return plainText(options).check(z.refine((value) => !LINE_BREAKS.test(value), { error: "errors.form.oneLine" }));
}

/** An email address, or nothing. */
export const EMAIL = z.email();
