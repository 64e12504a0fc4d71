// Complaint references residents can read out on the phone: "CCC-" and eight characters of Crockford's
// base 32 (no I, L, O or U, so nothing is mistaken for 1, 0 or V). Random, not a sequence: one reference
// tells nothing about another. 32^8 ≈ 1.1 × 10^12 possibilities; the database's unique index catches a clash.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_PATTERN = /^CCC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newComplaintReference(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)) {
  return newReference("CCC", random);
}

/** A compliment's or comment's reference: "CMT-" and the same eight characters. */
export function newComplimentReference() {
  return newReference("CMT");
}

export const COMPLIMENT_REFERENCE_PATTERN = /^CMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function newReference(prefix: string, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)) {
  const bytes = random(new Uint8Array(8));
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % 32]).join("");
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Accepts what a resident types: any case, spaces or missing dashes, and Crockford's look-alikes. */
export function normaliseComplaintReference(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  const body = compact.startsWith("CCC") ? compact.slice(3) : compact;
  if (body.length !== 8) return null;
  const reference = `CCC-${body.slice(0, 4)}-${body.slice(4)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
