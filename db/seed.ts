// `npm run db:seed`: loads the service areas with their names in every language, and a few demo complaints.
// Safe to run again. Refuses any database that is not on this machine.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { LANGUAGE_CODES } from "../app/i18n/languages";
import { type Database, isLocalTarget, openDatabase, rowsOf, targetFromEnv } from "./client";
import { SERVICE_AREAS } from "./reference-data";
import { complaintEvents, complaints, serviceAreaNames, serviceAreas } from "./schema";

const LOCALES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../locales");

type ServiceAreaText = Record<string, { name: string; description: string }>;

export function readServiceAreaNames(localesDir = LOCALES_DIR) {
  return LANGUAGE_CODES.flatMap((locale) => {
    const texts = JSON.parse(readFileSync(resolve(localesDir, locale, "service-areas.json"), "utf8")) as ServiceAreaText;
    return SERVICE_AREAS.map(({ slug }) => {
      const text = texts[slug];
      if (!text) throw new Error(`locales/${locale}/service-areas.json has no entry for "${slug}"`);
      return { serviceAreaSlug: slug, locale, name: text.name, description: text.description };
    });
  });
}

function areaColumns(area: (typeof SERVICE_AREAS)[number]) {
  return {
    slug: area.slug,
    pathway: area.pathway,
    reportUrl: area.reportUrl,
    screeningSubjects: area.screeningSubjects === null ? null : [...area.screeningSubjects],
  };
}

export async function seedReferenceData(db: Database) {
  await db.transaction(async (tx) => {
    for (const [index, area] of SERVICE_AREAS.entries()) {
      await tx
        .insert(serviceAreas)
        .values({ ...areaColumns(area), sortOrder: index })
        .onConflictDoUpdate({ target: serviceAreas.slug, set: { ...areaColumns(area), sortOrder: index } });
    }
    for (const row of readServiceAreaNames()) {
      await tx
        .insert(serviceAreaNames)
        .values(row)
        .onConflictDoUpdate({
          target: [serviceAreaNames.serviceAreaSlug, serviceAreaNames.locale],
          set: { name: row.name, description: row.description },
        });
    }
  });
}

function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Demo complaints, dated relative to `today` so their due dates are always live. */
export function demoComplaints(today: string) {
  return [
    {
      reference: "CCC-DEM0-0001",
      serviceAreaSlug: "waste-recycling",
      pathway: "corporate" as const,
      receivedOn: daysBefore(today, 3),
      whatWentWrong: "My recycling bin has been missed four weeks running after I reported it each time.",
      howAffected: "The bin is overflowing and attracting rats.",
      outcomeWanted: "Collect the bin and make sure the crew knows my street is on the round.",
      events: [] as { type: string; stage?: number; daysAfter: number }[],
    },
    {
      reference: "CCC-DEM0-0002",
      serviceAreaSlug: "council-tax",
      pathway: "corporate" as const,
      receivedOn: daysBefore(today, 30),
      whatWentWrong: "I was sent a summons although I had set up a direct debit.",
      howAffected: "I was worried and had to take time off work to sort it out.",
      outcomeWanted: "Withdraw the summons costs and an apology.",
      events: [{ type: "acknowledged", stage: 1, daysAfter: 2 }],
    },
    {
      reference: "CCC-DEM0-0003",
      serviceAreaSlug: "childrens-social-care",
      pathway: "childrens" as const,
      receivedOn: daysBefore(today, 10),
      whatWentWrong: "Our family's social worker changed three times without anyone telling us.",
      howAffected: "My son has had to repeat his story each time and is upset.",
      outcomeWanted: "A consistent social worker and to be told of changes in advance.",
      events: [{ type: "acknowledged", stage: 1, daysAfter: 1 }],
    },
    {
      reference: "CCC-DEM0-0004",
      serviceAreaSlug: "adult-social-care",
      pathway: "adults" as const,
      receivedOn: daysBefore(today, 5),
      whatWentWrong: "Home care visits for my mother are often more than an hour late.",
      howAffected: "She has missed meals and medication.",
      outcomeWanted: "Visits at the agreed times.",
      events: [],
    },
  ];
}

export async function seedDemoComplaints(db: Database, today: string) {
  await db.transaction(async (tx) => {
    for (const { events, ...complaint } of demoComplaints(today)) {
      const [inserted] = await tx
        .insert(complaints)
        .values({ ...complaint, isDemo: true })
        .onConflictDoNothing({ target: complaints.reference })
        .returning({ id: complaints.id });
      if (!inserted) continue;
      await tx.insert(complaintEvents).values([
        { complaintId: inserted.id, type: "received", occurredOn: complaint.receivedOn },
        ...events.map((event) => ({
          complaintId: inserted.id,
          type: event.type,
          stage: event.stage ?? null,
          occurredOn: daysBefore(complaint.receivedOn, -event.daysAfter),
        })),
      ]);
    }
  });
}

export async function countRows(db: Database) {
  const result = await db.execute<{ areas: number; names: number; complaints: number }>(sql`
    select (select count(*) from service_areas)::int as areas,
           (select count(*) from service_area_names)::int as names,
           (select count(*) from complaints)::int as complaints`);
  return rowsOf<{ areas: number; names: number; complaints: number }>(result)[0]!;
}

async function main() {
  const target = targetFromEnv();
  if (!isLocalTarget(target)) {
    process.stderr.write("Refusing to seed: DATABASE_URL is not a database on this machine.\n");
    process.exit(1);
  }
  const { db, close } = await openDatabase(target);
  try {
    await seedReferenceData(db);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    await seedDemoComplaints(db, today);
    const counts = await countRows(db);
    process.stdout.write(
      `Seeded ${counts.areas} service areas, ${counts.names} translated names, ${counts.complaints} complaints.\n`,
    );
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
