// What a representative told us about themselves (issue 10, item 5): kept with their account and offered again on
// their next complaint for someone, not retyped.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { representativeProfiles } from "../../db/schema";
import type { Relationship } from "./representation-rules";

/** The name and telephone last given, as the "your details" page's fields. */
export async function representativeProfile(db: Database, accountId: string): Promise<Record<string, string>> {
  const [row] = await db.select().from(representativeProfiles).where(eq(representativeProfiles.accountId, accountId));
  return row ? { representativeName: row.name, representativePhone: row.phone } : {};
}

/** Keeps what was given this time, for next time. */
export async function saveRepresentativeProfile(
  db: Database,
  accountId: string,
  profile: { name: string; phone: string; relationship: Relationship; relationshipDetail: string },
): Promise<void> {
  const values = { ...profile, updatedAt: new Date() };
  await db.insert(representativeProfiles).values({ accountId, ...values }).onConflictDoUpdate({ target: representativeProfiles.accountId, set: values });
}
