// The rules' configuration the portal runs with (RULES §1): the defaults in app/rules/rules-config.ts with the
// council's closure days as a manager has added them (the closure_days table). Read afresh each time it is needed —
// one small query — so every server sees a day the moment it is added; the configuration object is shared per set
// of days, so the working-day calendar built from it is too.
import { asc } from "drizzle-orm";
import type { Database } from "../../db/client";
import { closureDays } from "../../db/schema";
import type { IsoDate } from "~/rules/calendar-dates";
import { rulesConfig, type RulesConfig } from "~/rules/rules-config";

const configsByDays = new Map<string, RulesConfig>();

export async function councilRulesConfig(db: Pick<Database, "select">): Promise<RulesConfig> {
  const rows = await db.select({ day: closureDays.day }).from(closureDays).orderBy(asc(closureDays.day));
  const days = rows.map((row) => row.day as IsoDate);
  const key = days.join(",");
  let config = configsByDays.get(key);
  if (!config) {
    config = rulesConfig({ closureDates: days });
    configsByDays.set(key, config);
  }
  return config;
}
