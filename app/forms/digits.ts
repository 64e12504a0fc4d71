// Digits as residents type them. A phone's or a computer's keyboard in Arabic, Urdu, Panjabi (Gurmukhi) or a
// full-width input method gives that script's own digits; the portal takes them as the digits they are and
// stores ASCII. Pure: the same in the browser (react-hook-form's resolver) and on the server.

/** The first code point of each run of ten digits 0–9 that residents of the portal's languages may type. */
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic ٠–٩
  0x06f0, // Extended Arabic-Indic (Urdu, Persian) ۰–۹
  0x0966, // Devanagari ०–९
  0x0a66, // Gurmukhi ੦–੯
  0xff10, // full-width ０–９
];

const OTHER_DIGITS = new RegExp(`[${DIGIT_ZEROS.map((zero) => `\\u${zero.toString(16).padStart(4, "0")}-\\u${(zero + 9).toString(16).padStart(4, "0")}`).join("")}]`, "g");

/** The text with every digit from the scripts above replaced by its ASCII digit; everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9)!;
    return String(code - zero);
  });
}
