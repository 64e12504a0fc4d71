// A large, realistic set of complaints for benchmarks (issue 11's queue over 50,000; issue 12's reports):
// `npm run demo:load -- 50000` adds that many to the local database (the embedded one, or DATABASE_URL on this
// machine). Each complaint's events are a plausible walk through the case — received, accepted, acknowledged,
// sometimes extended, responded, escalated, closed or withdrawn — dated over the last two years, never after today,
// and its stored state and due dates are worked out by the case service's own replay (caseProgress), so every page
// reads them as it would a real complaint. Rows go in batches, not one complaint at a time.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { like } from "drizzle-orm";
import { type Database, isLocalTarget, openDatabase, targetFromEnv } from "./client";
import { complaintEvents, complaintParties, complaints, serviceAreas } from "./schema";
import { eventColumns, type StoredEvent } from "../app/cases/case-events";
import { caseProgress, withTimeliness } from "../app/cases/case-progress";
import { councilRulesConfig } from "../app/cases/council-calendar.server";
import { derivedColumns } from "../app/cases/case-service.server";
import { fromDayNumber, toDayNumber, type IsoDate } from "../app/rules/calendar-dates";
import type { Pathway } from "../app/rules/timescales";

const BATCH = 500;
const CHANNELS = ["online", "online", "online", "online", "email", "phone", "letter", "in_person"] as const;
const OUTCOMES = ["upheld", "partially_upheld", "not_upheld", "not_upheld"] as const;
const NAMES = ["Ada", "Bilal", "Chloe", "Dariusz", "Elena", "Farah", "George", "Harpreet", "Ioana", "Jamal", "Kasia", "Liam", "Maryam", "Nasser", "Olivia", "Priya"];
const SURNAMES = ["Ahmed", "Brown", "Kowalski", "Popescu", "Singh", "Khan", "Smith", "Nowak", "Hussain", "Jones", "Ionescu", "Patel"];

/** The reference of the nth loaded complaint: CCC-L followed by its number in base 36. */
export function loadedReference(n: number): string {
  const digits = n.toString(36).toUpperCase().padStart(7, "0");
  return `CCC-L${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** A small, fixed pseudo-random sequence, so the same count gives the same data. */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The events of one complaint received `age` days before today: as far through its case as that age allows. */
function walk(pathway: Pathway, receivedOn: IsoDate, today: IsoDate, random: () => number): StoredEvent[] {
  const day = (offset: number) => fromDayNumber(toDayNumber(receivedOn) + offset);
  const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
  const events: StoredEvent[] = [{ type: "received", date: receivedOn, channel, suggestedPathway: pathway }];
  const age = toDayNumber(today) - toDayNumber(receivedOn);
  const add = (offset: number, event: Omit<StoredEvent, "date">) => {
    if (offset > age) return false;
    events.push({ ...event, date: day(offset) } as StoredEvent);
    return true;
  };
  const ending = random();
  if (ending < 0.04) {
    add(1, { type: "triaged", outcome: random() < 0.5 ? "resolved_informally" : "service_request", reason: "Dealt with at triage." } as never);
    return events;
  }
  if (ending < 0.07) {
    add(1, { type: "triaged", outcome: "not_accepted", exclusion: "out_of_time", reason: "More than 12 months ago." } as never);
    return events;
  }
  if (!add(1, { type: "triaged", outcome: "accepted", pathway } as never)) return events;
  if (!add(3, { type: "acknowledged", stage: 1, understanding: "As you told us.", officer: "Complaints team" } as never)) return events;
  let respondOn = 12 + Math.floor(random() * 6);
  if (random() < 0.15 && pathway !== "adults") {
    if (!add(8, { type: "extended", stage: 1, days: 5, reason: "Waiting for a report." } as never)) return events;
    respondOn += 5;
  }
  if (ending > 0.96) {
    add(respondOn - 4, { type: "withdrawn", reason: "No longer needed." } as never);
    return events;
  }
  const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
  if (!add(respondOn, { type: "responded", stage: 1, outcome, summary: "Our findings." } as never)) return events;
  if (pathway === "adults" || random() < 0.8) {
    add(respondOn + 40, { type: "closed" } as never);
    return events;
  }
  const grounds = { grounds: ["dissatisfied_with_outcome"], unresolved: "Still wrong.", outcomeWanted: "Another look." };
  if (!add(respondOn + 10, { type: "escalation_requested", stage: 2, ...grounds } as never)) return events;
  if (!add(respondOn + 13, { type: "acknowledged", stage: 2, understanding: "As you told us.", officer: "Complaints manager" } as never)) return events;
  if (!add(respondOn + 35, { type: "responded", stage: 2, outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)]!, summary: "Our findings at Stage 2." } as never)) return events;
  add(respondOn + 75, { type: "closed" } as never);
  return events;
}

/** How far back loaded complaints go: two years, so the last financial year and part of the one before have figures. */
export const LOADED_DAYS = 730;

/**
 * Adds `count` complaints received over the two years before `today` (none in the last `newestDaysAgo` days);
 * returns how many were added.
 */
export async function loadComplaints(db: Database, count: number, today: IsoDate, newestDaysAgo = 0): Promise<number> {
  const areas = await db.select({ slug: serviceAreas.slug, pathway: serviceAreas.pathway }).from(serviceAreas);
  // Numbered on from those already loaded, so loading again adds more rather than clashing.
  const start = await db.$count(complaints, like(complaints.reference, "CCC-L%"));
  // The calendar the portal runs with, closure days included, so the stored dates are what a replay gives.
  const config = await councilRulesConfig(db);
  const random = sequence(count + start);
  let added = 0;
  for (let from = 0; from < count; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => {
      const n = start + from + k;
      const area = areas[Math.floor(random() * areas.length)]!;
      const pathway = area.pathway as Pathway;
      const receivedOn = fromDayNumber(toDayNumber(today) - newestDaysAgo - Math.floor(random() * (LOADED_DAYS - newestDaysAgo)));
      const walked = walk(pathway, receivedOn, today, random);
      const progress = caseProgress(pathway, walked, today, { config });
      // As the case service records a response: with its due date and the working days its stage took (issue 12).
      const events = walked.map((event) => withTimeliness(event, progress, config));
      const name = `${NAMES[Math.floor(random() * NAMES.length)]} ${SURNAMES[Math.floor(random() * SURNAMES.length)]}`;
      return { n, area, pathway, receivedOn, events, progress, name };
    });
    await db.transaction(async (tx) => {
      const rows = await tx
        .insert(complaints)
        .values(
          batch.map((item) => ({
            reference: loadedReference(item.n),
            serviceAreaSlug: item.area.slug,
            language: "en",
            receivedOn: item.receivedOn,
            whatWentWrong: "A complaint made for the benchmarks.",
            isDemo: true,
            version: item.events.length,
            ...derivedColumns(item.progress.state, item.progress),
          })),
        )
        .returning({ id: complaints.id });
      await tx.insert(complaintEvents).values(batch.flatMap((item, index) => item.events.map((event) => ({ complaintId: rows[index]!.id, ...eventColumns(event), actor: event.type === "received" || event.type === "escalation_requested" || event.type === "withdrawn" ? "resident" : "staff" }))));
      await tx.insert(complaintParties).values(batch.map((item, index) => ({ complaintId: rows[index]!.id, role: "complainant", name: item.name, email: "" })));
    });
    added += batch.length;
  }
  return added;
}

async function main() {
  const count = Number(process.argv[2] ?? 50_000);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    process.stderr.write("Usage: npm run demo:load -- <how many complaints, up to 1,000,000>\n");
    process.exit(1);
  }
  const target = targetFromEnv();
  if (!isLocalTarget(target)) {
    process.stderr.write("Refusing to load: DATABASE_URL is not a database on this machine.\n");
    process.exit(1);
  }
  const { db, close } = await openDatabase(target);
  try {
    // Imported here: the seed loads the demo's history through this module.
    const { seedReferenceData } = await import("./seed");
    await seedReferenceData(db);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()) as IsoDate;
    const started = performance.now();
    const added = await loadComplaints(db, count, today);
    process.stdout.write(`Loaded ${added} complaints in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
