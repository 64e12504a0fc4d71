import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { serviceAreaNames, serviceAreas } from "../../db/schema";
import type { LanguageCode } from "~/i18n/languages";
import type { Pathway } from "~/rules/timescales";

export type ServiceArea = { slug: string; pathway: Pathway; name: string; description: string };

/** The council's service areas with their names in the visitor's language. */
export async function listServiceAreas(db: Database, locale: LanguageCode): Promise<ServiceArea[]> {
  return db
    .select({
      slug: serviceAreas.slug,
      pathway: serviceAreas.pathway,
      name: serviceAreaNames.name,
      description: serviceAreaNames.description,
    })
    .from(serviceAreas)
    .innerJoin(serviceAreaNames, and(eq(serviceAreaNames.serviceAreaSlug, serviceAreas.slug), eq(serviceAreaNames.locale, locale)))
    .orderBy(asc(serviceAreas.sortOrder));
}

export async function findServiceArea(db: Database, slug: string, locale: LanguageCode): Promise<ServiceArea | null> {
  const areas = await listServiceAreas(db, locale);
  return areas.find((area) => area.slug === slug) ?? null;
}
