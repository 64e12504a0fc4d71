// Serious allegations (RULES §4, policy §8): what a flag may say. Pure, for the page and the server alike.
export const FLAG_KINDS = ["safeguarding", "fraud", "corruption"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_DETAILS_LIMIT = 5000;
