// Compliments and comments (policy §3): logged, passed to the service area, and counted for reports.
import { count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { compliments } from "../../db/schema";
import type { Compliment } from "./compliment-form";
import { COMPLIMENT_REFERENCE_PATTERN, newComplimentReference } from "./complaint-reference";

/** Stores a compliment or comment and gives its reference. */
export async function saveCompliment(db: Database, compliment: Compliment, language: string): Promise<string> {
  const reference = newComplimentReference();
  await db.insert(compliments).values({
    reference,
    kind: compliment.kind,
    serviceAreaSlug: compliment.serviceArea === "" ? null : compliment.serviceArea,
    team: compliment.team,
    message: compliment.message,
    name: compliment.name,
    email: compliment.email,
    language,
  });
  return reference;
}

/** A compliment found by its reference, with what the thank-you page says of it. */
export async function complimentByReference(db: Database, reference: string): Promise<{ reference: string; serviceAreaSlug: string | null } | null> {
  if (!COMPLIMENT_REFERENCE_PATTERN.test(reference)) return null;
  const [row] = await db
    .select({ reference: compliments.reference, serviceAreaSlug: compliments.serviceAreaSlug })
    .from(compliments)
    .where(eq(compliments.reference, reference));
  return row?.reference ? { reference: row.reference, serviceAreaSlug: row.serviceAreaSlug } : null;
}

/** How many compliments and comments there are of each kind (for the annual reports, RULES §8). */
export async function countCompliments(db: Database): Promise<Record<"compliment" | "comment", number>> {
  const counted = { compliment: 0, comment: 0 };
  for (const kind of ["compliment", "comment"] as const) {
    const [row] = await db.select({ n: count() }).from(compliments).where(eq(compliments.kind, kind));
    counted[kind] = Number(row?.n ?? 0);
  }
  return counted;
}
