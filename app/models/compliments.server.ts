// Compliments and comments (policy §3): logged, passed to the service area, and counted for reports.
import { count, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { compliments } from "../../db/schema";
import type { Compliment } from "./compliment-form";

export async function saveCompliment(db: Database, compliment: Compliment, language: string): Promise<void> {
  await db.insert(compliments).values({
    kind: compliment.kind,
    serviceAreaSlug: compliment.serviceArea === "" ? null : compliment.serviceArea,
    team: compliment.team,
    message: compliment.message,
    name: compliment.name,
    email: compliment.email,
    language,
  });
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
