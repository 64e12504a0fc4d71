// The council's service areas and the complaint pathway each suggests (RULES §2): statutory children's and
// adults' social care have their own pathways; every other service is corporate. Names residents read are in
// locales/<lang>/service-areas.json under the same slug.
export const SERVICE_AREAS = [
  { slug: "council-tax", pathway: "corporate" },
  { slug: "benefits", pathway: "corporate" },
  { slug: "waste-recycling", pathway: "corporate" },
  { slug: "roads-streets", pathway: "corporate" },
  { slug: "parking", pathway: "corporate" },
  { slug: "housing", pathway: "corporate" },
  { slug: "planning", pathway: "corporate" },
  { slug: "environmental-health", pathway: "corporate" },
  { slug: "parks-leisure", pathway: "corporate" },
  { slug: "libraries", pathway: "corporate" },
  { slug: "education", pathway: "corporate" },
  { slug: "customer-services", pathway: "corporate" },
  { slug: "childrens-social-care", pathway: "childrens" },
  { slug: "adult-social-care", pathway: "adults" },
  { slug: "other", pathway: "corporate" },
] as const;

export type ServiceAreaSlug = (typeof SERVICE_AREAS)[number]["slug"];
