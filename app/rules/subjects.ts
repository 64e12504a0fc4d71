// RULES §4–§5 (policy §6, Appendices A–B): the matters a resident is asked about before complaining, as plain
// constants with no other rules attached, so the browser's copy of the questions carries nothing more.
/** §6.2: matters with their own appeal or review route. */
export const OWN_APPEAL_ROUTE_SUBJECTS = [
  "homelessness_or_housing_application",
  "parking_or_penalty_charge",
  "council_tax_support_or_housing_benefit",
  "school_admission_exclusion_or_sen_appeal",
  "blue_badge_decision",
  "planning_decision",
  "licensing_or_statutory_notice_appeal",
  "insurance_claim",
] as const;

/** §6.3 and Appendix B: other matters outside the complaints policy. */
export const OUT_OF_SCOPE_SUBJECTS = [
  "law_or_government_policy",
  "council_policy_not_directly_affected",
  "already_through_all_stages_or_ombudsman",
  "information_rights",
  "school_or_college",
  "recruitment",
  "employee_matter",
  "councillor_conduct",
  "hate_crime_not_council_service",
  "private_care_arrangement",
] as const;

/** RULES §2, Appendix A: children's social care matters outside the statutory scope (→ corporate). */
export const CHILDRENS_SCOPE_EXCLUSIONS = [
  "early_help",
  "child_protection",
  "foster_or_adopter_assessment",
  "foster_carer_registration",
  "court_report_s7_s37",
] as const;

export const SUBJECTS = [
  ...OWN_APPEAL_ROUTE_SUBJECTS,
  ...OUT_OF_SCOPE_SUBJECTS,
  ...CHILDRENS_SCOPE_EXCLUSIONS,
  "none_of_these",
] as const;
export type Subject = (typeof SUBJECTS)[number];
export type ExcludedSubject = (typeof OWN_APPEAL_ROUTE_SUBJECTS)[number] | (typeof OUT_OF_SCOPE_SUBJECTS)[number];
export type ChildrensScopeExclusion = (typeof CHILDRENS_SCOPE_EXCLUSIONS)[number];

export function isChildrensScopeExclusion(subject: Subject | undefined): subject is ChildrensScopeExclusion {
  return (CHILDRENS_SCOPE_EXCLUSIONS as readonly (string | undefined)[]).includes(subject);
}

/** A matter with its own route or outside the policy (§6.2–§6.3, Appendix B). */
export function isExcludedSubject(subject: Subject | undefined): subject is ExcludedSubject {
  return ([...OWN_APPEAL_ROUTE_SUBJECTS, ...OUT_OF_SCOPE_SUBJECTS] as readonly (string | undefined)[]).includes(subject);
}

