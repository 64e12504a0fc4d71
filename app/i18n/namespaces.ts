// Translation files per language in locales/<code>/: the shell and pages, the rules' explanations, emails, and the
// language's own name and review status; and, in English only, the council staff's texts ("staff": staff work in
// English, so these are exempt from the six-language parity test).
export const NAMESPACES = ["common", "rules", "email", "meta", "staff"] as const;

/** Namespaces written in English only. */
export const ENGLISH_ONLY_NAMESPACES = ["staff"] as const;
export type Namespace = (typeof NAMESPACES)[number];
