// The stored next-due dates (complaints.next_due_on, for ordering queues) follow the working-day calendar. When the
// calendar the portal runs with changes — a bank holiday added, a closure day added or removed, a rule reading
// changed — every open complaint's date is worked out again from its events, once: at start-up, after a manager
// changes the closure days (the due-dates-refresh job), and hourly in case a server stopped before doing it.
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { appSecrets, complaints } from "../../db/schema";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "~/rules/bank-holidays";
import type { IsoDate } from "~/rules/calendar-dates";
import { DEFAULT_RULES_CONFIG, type RulesConfig } from "~/rules/rules-config";
import { caseProgress } from "./case-progress";
import { councilRulesConfig } from "./council-calendar.server";
import { recordedEvents } from "./case-service.server";

const FINGERPRINT = "calendar-fingerprint";

/** What the due dates depend on besides the events: the bank holidays and the rules' configuration. */
export function calendarFingerprint(config: RulesConfig = DEFAULT_RULES_CONFIG): string {
  return createHash("sha256").update(JSON.stringify({ holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS, config })).digest("base64url");
}

/** Works out every open complaint's next due date again if the calendar changed since it was last done. */
export async function refreshDueDatesIfCalendarChanged(db: Database, today: IsoDate, given?: RulesConfig): Promise<number> {
  const config = given ?? (await councilRulesConfig(db));
  const fingerprint = calendarFingerprint(config);
  const [stored] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, FINGERPRINT));
  if (stored?.value === fingerprint) return 0;
  const open = await db.select({ id: complaints.id, pathway: complaints.pathway, nextDueOn: complaints.nextDueOn }).from(complaints).where(isNull(complaints.closedOn));
  let changed = 0;
  for (const complaint of open) {
    const events = (await recordedEvents(db, complaint.id)).map((recorded) => recorded.event);
    const next = caseProgress(complaint.pathway, events, today, { config }).nextCouncilDue?.date ?? null;
    if (next === complaint.nextDueOn) continue;
    // Only if no event was recorded meanwhile: the case service writes the date with each event.
    await db.update(complaints).set({ nextDueOn: next }).where(and(eq(complaints.id, complaint.id), isNull(complaints.closedOn)));
    changed += 1;
  }
  await db.insert(appSecrets).values({ name: FINGERPRINT, value: fingerprint }).onConflictDoUpdate({ target: appSecrets.name, set: { value: fingerprint } });
  return changed;
}
