import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { serviceAreaNames, serviceAreas } from "../../db/schema";
import type { LanguageCode } from "~/i18n/languages";
import type { Pathway } from "~/rules/timescales";

export type ServiceArea = {
  slug: string;
  pathway: Pathway;
  name: string;
  description: string;
  /** Where to report a problem or ask for the service (§5); null: the council's contact page. */
  reportUrl: string | null;
  /** The matters with another route residents are asked about for it (§6); null: all of them. */
  screeningSubjects: string[] | null;
};

/** The council's service areas with their names in the visitor's language. */
export async function listServiceAreas(db: Database, locale: LanguageCode): Promise<ServiceArea[]> {
  return db
    .select({
      slug: serviceAreas.slug,
      pathway: serviceAreas.pathway,
      name: serviceAreaNames.name,
      description: serviceAreaNames.description,
      reportUrl: serviceAreas.reportUrl,
      screeningSubjects: serviceAreas.screeningSubjects,
    })
    .from(serviceAreas)
    .innerJoin(serviceAreaNames, and(eq(serviceAreaNames.serviceAreaSlug, serviceAreas.slug), eq(serviceAreaNames.locale, locale)))
    .orderBy(asc(serviceAreas.sortOrder));
}

export async function findServiceArea(db: Database, slug: string, locale: LanguageCode): Promise<ServiceArea | null> {
  const areas = await listServiceAreas(db, locale);
  return areas.find((area) => area.slug === slug) ?? null;
}
