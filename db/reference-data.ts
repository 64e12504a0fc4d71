import type { ScreeningSubject } from "../app/rules/eligibility";

// The council's service areas and the complaint pathway each suggests (RULES §2): statutory children's and
// adults' social care have their own pathways; every other service is corporate. Names residents read are in
// locales/<lang>/service-areas.json under the same slug.
//
// reportUrl: where to report a problem or ask for the service (policy §5) — null sends residents to the council's
// contact page, as every area does until the council gives each its own page (the council's documents name none).
// screeningSubjects: the matters with another route (§6) a resident is asked about for the service, besides those
// every service meets; null asks about all of them.
type ServiceAreaData = {
  slug: string;
  pathway: "corporate" | "childrens" | "adults";
  reportUrl: string | null;
  screeningSubjects: readonly ScreeningSubject[] | null;
};

export const SERVICE_AREAS = [
  { slug: "council-tax", pathway: "corporate", reportUrl: null, screeningSubjects: ["council_tax_support_or_housing_benefit"] },
  { slug: "benefits", pathway: "corporate", reportUrl: null, screeningSubjects: ["council_tax_support_or_housing_benefit"] },
  { slug: "waste-recycling", pathway: "corporate", reportUrl: null, screeningSubjects: [] },
  { slug: "roads-streets", pathway: "corporate", reportUrl: null, screeningSubjects: [] },
  { slug: "parking", pathway: "corporate", reportUrl: null, screeningSubjects: ["parking_or_penalty_charge", "blue_badge_decision"] },
  { slug: "housing", pathway: "corporate", reportUrl: null, screeningSubjects: ["homelessness_or_housing_application", "council_tax_support_or_housing_benefit"] },
  { slug: "planning", pathway: "corporate", reportUrl: null, screeningSubjects: ["planning_decision"] },
  { slug: "environmental-health", pathway: "corporate", reportUrl: null, screeningSubjects: ["licensing_or_statutory_notice_appeal"] },
  { slug: "parks-leisure", pathway: "corporate", reportUrl: null, screeningSubjects: [] },
  { slug: "libraries", pathway: "corporate", reportUrl: null, screeningSubjects: [] },
  { slug: "education", pathway: "corporate", reportUrl: null, screeningSubjects: ["school_admission_exclusion_or_sen_appeal", "school_or_college"] },
  { slug: "customer-services", pathway: "corporate", reportUrl: null, screeningSubjects: ["blue_badge_decision"] },
  { slug: "childrens-social-care", pathway: "childrens", reportUrl: null, screeningSubjects: [] },
  { slug: "adult-social-care", pathway: "adults", reportUrl: null, screeningSubjects: ["blue_badge_decision"] },
  { slug: "other", pathway: "corporate", reportUrl: null, screeningSubjects: null },
] as const satisfies readonly ServiceAreaData[];

export type ServiceAreaSlug = (typeof SERVICE_AREAS)[number]["slug"];
