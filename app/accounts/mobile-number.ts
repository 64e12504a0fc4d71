// Which phone numbers a sign-in code may be texted to (issue 9, item 1): UK mobile numbers only (07…, written
// with or without +44 or 0044, spaces, dashes, dots or brackets), as GOV.UK Notify sends to them without
// international sending being switched on. Anything else — a landline, a number abroad — gets no text.

/** The number as +447… (E.164), or null when it is not a UK mobile number. */
export function ukMobileNumber(typed: string): string | null {
  const compact = typed.replace(/[\s().-]/g, "");
  const match = /^(?:\+44|0044|0)(7\d{9})$/.exec(compact);
  return match ? `+44${match[1]}` : null;
}
