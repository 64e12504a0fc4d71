// Translation files per language in locales/<code>/: the shell and pages, the rules' explanations, emails, and the
// language's own name and review status.
export const NAMESPACES = ["common", "rules", "email", "meta"] as const;
export type Namespace = (typeof NAMESPACES)[number];
