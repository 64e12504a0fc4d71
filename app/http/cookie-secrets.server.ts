// The secrets that sign the portal's signed cookies. COOKIE_SECRETS (comma-separated, newest first, so an old
// one can be kept while it is replaced) when set; otherwise a random secret made once and kept in the database,
// so every worker and every restart signs alike without anyone having to configure one.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { appSecrets } from "../../db/schema";

const COOKIE_SECRET_NAME = "cookie-signing";

let cached: Promise<string[]> | null = null;

async function storedSecret(db: Database): Promise<string> {
  await db.insert(appSecrets).values({ name: COOKIE_SECRET_NAME, value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, COOKIE_SECRET_NAME));
  return row!.value;
}

export function cookieSecrets(db: Database, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const configured = (env.COOKIE_SECRETS ?? "").split(",").map((secret) => secret.trim()).filter(Boolean);
  if (configured.length > 0) return Promise.resolve(configured);
  cached ??= storedSecret(db).then(
    (secret) => [secret],
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}
