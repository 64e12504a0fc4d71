// `npm run db:seed`: loads the service areas with their names in every language, and a few demo complaints.
// Safe to run again. Refuses any database that is not on this machine.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { eq, inArray, sql } from "drizzle-orm";
import type { StoredEventInput } from "../app/cases/case-events";
import { changeCase, openCase } from "../app/cases/case-service.server";
import type { IsoDate } from "../app/rules/calendar-dates";
import { DEMO_ADVOCATE_EMAIL, DEMO_CASELOAD, DEMO_CASEWORKER_EMAIL, DEMO_CLIENT_EMAILS, DEMO_COUNCILLOR_EMAIL, DEMO_MANAGER_EMAIL, DEMO_OFFICER_EMAIL, DEMO_RESIDENT_EMAIL, DEMO_LEAD_EMAILS, DEMO_ACCESS_STAFF, DEMO_FAMILY_EMAIL, DEMO_INVESTIGATOR_EMAIL, DEMO_ANALYST_EMAILS, DEMO_REPORTS_MANAGER_EMAILS } from "../app/accounts/demo";
import { activeStaffByEmail, addStaffMember } from "../app/staff/staff-accounts.server";
import { answerConsent, startRepresentation } from "../app/representation/representation.server";
import type { ConsentRoute, Relationship } from "../app/representation/representation-rules";
import { LANGUAGE_CODES } from "../app/i18n/languages";
import { recordEqualityAnswers } from "../app/equality/equality-store.server";
import { loadComplaints } from "./demo-load";
import { type Database, isLocalTarget, openDatabase, rowsOf, targetFromEnv } from "./client";
import { SERVICE_AREAS } from "./reference-data";
import { accounts, complaints, electedMembers, serviceAreaNames, serviceAreas } from "./schema";

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

export { DEMO_RESIDENT_EMAIL };

type DemoEvent = StoredEventInput & { readonly daysAgo: number };

/**
 * Demo complaints at different stages (issue 9), dated relative to `today` so their due dates are always live: one
 * awaiting acknowledgement, one extended, one responded that can go to Stage 2, one past the 20 working days (a late
 * request is possible), one children's at Stage 3, one adults' after its only stage (the Ombudsman), one withdrawn.
 */
export function demoComplaints(today: string) {
  const on = (daysAgo: number) => daysBefore(today, daysAgo);
  const complaint = (
    reference: string,
    serviceAreaSlug: string,
    pathway: "corporate" | "childrens" | "adults",
    receivedDaysAgo: number,
    text: { whatWentWrong: string; howAffected: string; outcomeWanted: string },
    events: { type: string; daysAgo: number; [key: string]: unknown }[],
  ) => ({ reference, serviceAreaSlug, pathway, receivedOn: on(receivedDaysAgo), ...text, events: events as DemoEvent[] });
  const ack = (stage: number, daysAgo: number) => ({ type: "acknowledged", stage, daysAgo });
  const responded = (stage: number, daysAgo: number, outcome = "not_upheld") => ({ type: "responded", stage, daysAgo, outcome });
  const accepted = (pathway: string, daysAgo: number) => ({ type: "triaged", outcome: "accepted", pathway, daysAgo });
  const escalated = (stage: number, daysAgo: number) => ({
    type: "escalation_requested", stage, daysAgo, grounds: ["dissatisfied_with_outcome"],
    unresolved: "The problem has not been put right.", outcomeWanted: "An independent look at what happened.",
  });
  return [
    complaint("CCC-DEM0-0001", "waste-recycling", "corporate", 3, {
      whatWentWrong: "My recycling bin has been missed four weeks running after I reported it each time.",
      howAffected: "The bin is overflowing and attracting rats.",
      outcomeWanted: "Collect the bin and make sure the crew knows my street is on the round.",
    }, [accepted("corporate", 2)]),
    complaint("CCC-DEM0-0002", "council-tax", "corporate", 30, {
      whatWentWrong: "I was sent a summons although I had set up a direct debit.",
      howAffected: "I was worried and had to take time off work to sort it out.",
      outcomeWanted: "Withdraw the summons costs and an apology.",
    }, [ack(1, 28), { type: "extended", stage: 1, days: 10, reason: "We are waiting for the payment records from the bank.", daysAgo: 6 }]),
    complaint("CCC-DEM0-0003", "housing", "corporate", 18, {
      whatWentWrong: "The repair to my damp bedroom wall was marked as done but nobody came.",
      howAffected: "Mould has spread to my child's clothes and we sleep in the living room.",
      outcomeWanted: "The repair done properly and the mould treated.",
    }, [ack(1, 17), responded(1, 5, "partially_upheld")]),
    complaint("CCC-DEM0-0004", "parking", "corporate", 90, {
      whatWentWrong: "The new parking bay outside my house was painted across my dropped kerb.",
      howAffected: "I cannot get my car out of my drive.",
      outcomeWanted: "The bay moved away from the dropped kerb.",
    }, [ack(1, 88), responded(1, 78)]),
    complaint("CCC-DEM0-0005", "childrens-social-care", "childrens", 130, {
      whatWentWrong: "Our family's social worker changed three times without anyone telling us.",
      howAffected: "My son has had to repeat his story each time and is upset.",
      outcomeWanted: "A consistent social worker and to be told of changes in advance.",
    }, [ack(1, 128), responded(1, 117), escalated(2, 108), ack(2, 106), responded(2, 72), escalated(3, 62), ack(3, 59)]),
    complaint("CCC-DEM0-0006", "adult-social-care", "adults", 45, {
      whatWentWrong: "Home care visits for my mother are often more than an hour late.",
      howAffected: "She has missed meals and medication.",
      outcomeWanted: "Visits at the agreed times.",
    }, [ack(1, 44), responded(1, 20, "upheld")]),
    complaint("CCC-DEM0-0007", "roads-streets", "corporate", 15, {
      whatWentWrong: "The pothole outside the school was reported in the spring and is still there.",
      howAffected: "My daughter tripped on it on the way to school.",
      outcomeWanted: "The pothole filled.",
    }, [ack(1, 14), { type: "withdrawn", reason: "The pothole has now been filled.", daysAgo: 4 }]),
    // A second complaint in time for Stage 2 and a second past the 20 working days, so that two visitors (and the
    // end-to-end tests with and without JavaScript) can each ask for the next stage.
    complaint("CCC-DEM0-0008", "libraries", "corporate", 12, {
      whatWentWrong: "The library's opening hours online were wrong three Saturdays in a row.",
      howAffected: "I travelled with my children to a closed library each time.",
      outcomeWanted: "Correct hours online and notice when they change.",
    }, [ack(1, 11), responded(1, 2)]),
    complaint("CCC-DEM0-0009", "environmental-health", "corporate", 80, {
      whatWentWrong: "Noise from the takeaway's extractor fan goes on past midnight.",
      howAffected: "We cannot sleep with the windows open.",
      outcomeWanted: "The fan turned off at the agreed time.",
    }, [ack(1, 79), responded(1, 60)]),
    // Issue 11's children's walk (e2e/casework.spec.ts): a parent's complaint not yet triaged, taken by staff
    // through all three stages to the review panel. Its own address, so the demo resident's list is unchanged.
    {
      ...complaint("CCC-DEM0-0010", "childrens-social-care", "childrens", 1, {
        whatWentWrong: "My daughter's contact visits with her brother were cancelled four times without notice.",
        howAffected: "She is upset and has stopped asking when she will see him.",
        outcomeWanted: "Visits on the agreed days and notice when one has to move.",
      }, []),
      complainantEmail: DEMO_FAMILY_EMAIL,
    },
    // Issue 11's triage decisions (e2e/casework.spec.ts): one not yet triaged, to be refused as a planning
    // matter, and one whose late request for Stage 2 waits for the council's decision (§14.4).
    {
      ...complaint("CCC-DEM0-0011", "planning", "corporate", 1, {
        whatWentWrong: "Planning permission was given for the extension next door and I objected.",
        howAffected: "It will block the light to my kitchen.",
        outcomeWanted: "The permission withdrawn.",
      }, []),
      complainantEmail: DEMO_FAMILY_EMAIL,
      // Sent after the portal advised that planning decisions have their own appeal (RULES §5), as staff see it.
      screening: { reportedBefore: "yes", subject: "planning_decision", proceedings: "no", decision: "advise", advice: ["planning_decision"] },
    },
    {
      ...complaint("CCC-DEM0-0012", "housing", "corporate", 75, {
        whatWentWrong: "The gutter repair promised at Stage 1 was never done.",
        howAffected: "Water still runs down the wall inside.",
        outcomeWanted: "The gutter repaired.",
      }, [ack(1, 74), responded(1, 60, "upheld"), {
        type: "late_escalation_requested", stage: 2, daysAgo: 2, lateReason: "agreed_action_delayed_or_not_taken",
        lateExplanation: "You said the gutter would be fixed within a month. Nobody has come.",
        grounds: ["dissatisfied_with_outcome"], unresolved: "The gutter is still broken.", outcomeWanted: "The repair done.",
      }]),
      complainantEmail: DEMO_FAMILY_EMAIL,
    },
    // Issue 11's drafting walk (e2e/casework.spec.ts): acknowledged and being looked into, for an investigating
    // officer to draft the response that a manager sends.
    {
      ...complaint("CCC-DEM0-0013", "waste-recycling", "corporate", 6, {
        whatWentWrong: "The crew left my garden waste bin in the road, where it was hit by a car.",
        howAffected: "The bin is cracked and I had to pay for a new one.",
        outcomeWanted: "The cost of the bin refunded.",
      }, [accepted("corporate", 5), ack(1, 5)]),
      complainantEmail: DEMO_FAMILY_EMAIL,
    },
    // Issue 11's joining walk (§13.10): a complaint being looked into at Stage 1, and the same parent's further
    // related complaint, not yet triaged, that joins it.
    {
      ...complaint("CCC-DEM0-0014", "housing", "corporate", 8, {
        whatWentWrong: "The damp in my son's bedroom came back a month after it was treated.",
        howAffected: "He has had to sleep in my room.",
        outcomeWanted: "The cause of the damp found and fixed.",
      }, [accepted("corporate", 7), ack(1, 7)]),
      complainantEmail: DEMO_FAMILY_EMAIL,
    },
    {
      ...complaint("CCC-DEM0-0015", "housing", "corporate", 1, {
        whatWentWrong: "The surveyor who came about the damp did not turn up for the second visit.",
        howAffected: "I took another day off work for nothing.",
        outcomeWanted: "The damp looked at, and the second visit rearranged.",
      }, []),
      complainantEmail: DEMO_FAMILY_EMAIL,
    },
  ];
}

/** Adds the demo complaints not there yet; true when this is the first seed (the first demo complaint was missing). */
export async function seedDemoComplaints(db: Database, today: string): Promise<boolean> {
  const [first] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, demoComplaints(today)[0]!.reference));
  await db.transaction(async (tx) => {
    for (const { events, reference, serviceAreaSlug, pathway, receivedOn, complainantEmail, ...text } of demoComplaints(today) as Array<ReturnType<typeof demoComplaints>[number] & { complainantEmail?: string }>) {
      const [existing] = await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
      if (existing) continue;
      const opened = await openCase(tx, {
        values: { reference, serviceAreaSlug, pathway, receivedOn, ...text, isDemo: true, language: "en" },
        complainant: { name: "Sam Demo", email: complainantEmail ?? DEMO_RESIDENT_EMAIL, preferredContact: "email" },
        actor: "system",
      });
      for (const { daysAgo, ...event } of events) {
        await changeCase(tx, { complaintId: opened.id, event: { ...event, date: daysBefore(today, daysAgo) } as StoredEventInput, actor: event.type === "withdrawn" || event.type.endsWith("escalation_requested") ? "resident" : "staff", today: today as IsoDate });
      }
    }
  });
  return !first;
}

/**
 * The demo's history for the reports (issue 12, item 5): complaints over the two years before today, none in the
 * last 200 days, so each has run its course (closed, withdrawn or not accepted) and the queue shows only the
 * demo's own open complaints.
 */
export const DEMO_HISTORY_COMPLAINTS = 400;
export const DEMO_HISTORY_NEWEST_DAYS_AGO = 200;

/** How many sets of demo equality answers the first seed records: a multiple of the batch size, so all are counted. */
export const DEMO_EQUALITY_ANSWERS = 600;

/**
 * Demo equality answers over the two years before today (issue 12, item 2), so the equality report has figures:
 * recorded the one way the portal records them, spread over months, processes and services, with a fixed
 * pseudo-random sequence. Run once, on the first seed: answers cannot be read back to tell whether they are there.
 */
export async function seedDemoEqualityAnswers(db: Database, today: string, count = DEMO_EQUALITY_ANSWERS) {
  let state = 20260401;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
  const areas = SERVICE_AREAS.filter((area) => area.slug !== "other");
  // Weighted towards the larger groups, as a city's answers would be; every question may be skipped.
  const weighted: Record<string, readonly string[]> = {
    ageBand: ["under_16", "16_24", "25_34", "25_34", "35_49", "35_49", "35_49", "50_64", "50_64", "65_plus", "prefer_not_to_say"],
    sex: ["female", "female", "female", "male", "male", "prefer_not_to_say"],
    disability: ["yes", "no", "no", "no", "prefer_not_to_say"],
    sexualOrientation: ["straight", "straight", "straight", "straight", "straight", "gay_lesbian", "bisexual", "prefer_not_to_say", "prefer_not_to_say"],
    religion: ["none", "none", "christian", "christian", "christian", "muslim", "muslim", "sikh", "hindu", "other", "prefer_not_to_say"],
    ethnicGroup: ["white", "white", "white", "white", "white", "asian", "asian", "asian", "black", "mixed", "other", "prefer_not_to_say"],
  };
  for (let i = 0; i < count; i++) {
    const area = pick(areas);
    const month = daysBefore(today, Math.floor(random() * 730)).slice(0, 7);
    const answers: Record<string, string> = {};
    for (const [question, choices] of Object.entries(weighted)) if (random() < 0.9) answers[question] = pick(choices);
    await recordEqualityAnswers(db, { nonce: `demo-equality-${today}-${i}`, pathway: area.pathway, serviceArea: area.slug, month, answers });
  }
}

type DemoRepresentation = {
  reference: string;
  serviceAreaSlug: string;
  pathway: "corporate" | "childrens" | "adults";
  receivedDaysAgo: number;
  whatWentWrong: string;
  representative: { email: string; name: string; relationship: Relationship; detail: string };
  person: { name: string; email: string; under18?: boolean };
  route: ConsentRoute;
  cannotConsent?: Record<string, string>;
  /** For the online route: the person's answer, given in the seed; none leaves the consent email waiting. */
  answer?: "agree" | "decline";
};

const ADVOCATE = { email: DEMO_ADVOCATE_EMAIL, name: "Priya Demo", relationship: "advocate" as const, detail: "Foleshill Advice Centre" };

/** Issue 10's demonstration data: what an advocate, a councillor and a parent act on for others. */
export function demoRepresentations(): DemoRepresentation[] {
  return [
    // Two waiting for the person's answer to their email: one for each end-to-end project (with and without JavaScript).
    { reference: "CCC-DEM0-0101", serviceAreaSlug: "housing", pathway: "corporate", receivedDaysAgo: 2, whatWentWrong: "My client's heating has not worked for three weeks.", representative: ADVOCATE, person: { name: "Amira Demo", email: DEMO_CLIENT_EMAILS[0] }, route: "online" },
    { reference: "CCC-DEM0-0107", serviceAreaSlug: "housing", pathway: "corporate", receivedDaysAgo: 2, whatWentWrong: "My client's front door lock has been broken since the repair.", representative: ADVOCATE, person: { name: "Bogdan Demo", email: DEMO_CLIENT_EMAILS[1] }, route: "online" },
    { reference: "CCC-DEM0-0102", serviceAreaSlug: "council-tax", pathway: "corporate", receivedDaysAgo: 9, whatWentWrong: "My client was charged council tax twice for the same month.", representative: ADVOCATE, person: { name: "Tomasz Demo", email: DEMO_CLIENT_EMAILS[2] }, route: "online", answer: "agree" },
    { reference: "CCC-DEM0-0103", serviceAreaSlug: "adult-social-care", pathway: "adults", receivedDaysAgo: 5, whatWentWrong: "My client's care assessment has been cancelled twice.", representative: ADVOCATE, person: { name: "Edna Demo", email: "" }, route: "cannot_consent", cannotConsent: { reason: "lacks_capacity", authority: "best_interests" } },
    { reference: "CCC-DEM0-0104", serviceAreaSlug: "waste-recycling", pathway: "corporate", receivedDaysAgo: 12, whatWentWrong: "My client's assisted bin collection keeps being missed.", representative: ADVOCATE, person: { name: "Joan Demo", email: "demo.client4@example.com" }, route: "online", answer: "decline" },
    { reference: "CCC-DEM0-0105", serviceAreaSlug: "roads-streets", pathway: "corporate", receivedDaysAgo: 6, whatWentWrong: "A constituent's street light has been out since October.", representative: { email: DEMO_COUNCILLOR_EMAIL, name: "Cllr Demo", relationship: "councillor", detail: "Foleshill" }, person: { name: "Ravi Demo", email: "demo.constituent@example.com" }, route: "elected_member" },
    // A parent for their young child: the council decides whether the representation is appropriate (§7.7–7.8).
    { reference: "CCC-DEM0-0106", serviceAreaSlug: "childrens-social-care", pathway: "childrens", receivedDaysAgo: 4, whatWentWrong: "My son's care plan meeting was cancelled without notice.", representative: { email: DEMO_RESIDENT_EMAIL, name: "Sam Demo", relationship: "family_friend_carer", detail: "" }, person: { name: "Leo Demo", email: "", under18: true }, route: "cannot_consent", cannotConsent: { reason: "child", childAgrees: "too_young" } },
    // Agreed, letters to both, and not yet triaged: each end-to-end project's casework walk takes one through to Stage 2.
    { reference: "CCC-DEM0-0108", serviceAreaSlug: "housing", pathway: "corporate", receivedDaysAgo: 1, whatWentWrong: "My client's boiler repair was booked and missed three times.", representative: ADVOCATE, person: { name: "Chen Demo", email: "demo.client5@example.com" }, route: "online", answer: "agree" },
    { reference: "CCC-DEM0-0109", serviceAreaSlug: "housing", pathway: "corporate", receivedDaysAgo: 1, whatWentWrong: "My client's kitchen ceiling leak has not been repaired.", representative: ADVOCATE, person: { name: "Dana Demo", email: "demo.client6@example.com" }, route: "online", answer: "agree" },
    ...demoCaseload(),
  ];
}

/** A caseworker's full caseload, each on a signed permission form the council has still to check: a dashboard of pages. */
function demoCaseload(): DemoRepresentation[] {
  const caseworker = { email: DEMO_CASEWORKER_EMAIL, name: "Kofi Demo", relationship: "advocate" as const, detail: "Demo Advice Service" };
  return Array.from({ length: DEMO_CASELOAD }, (_, i) => ({
    reference: `CCC-DEM0-${String(200 + i).padStart(4, "0")}`,
    serviceAreaSlug: "housing",
    pathway: "corporate",
    receivedDaysAgo: 1 + (i % 30),
    whatWentWrong: "My client's repair has not been done.",
    representative: caseworker,
    person: { name: `Client ${String(i + 1).padStart(2, "0")} Demo`, email: "" },
    route: "signed_form",
  }));
}

/** The demonstration's elected member, on the council's list. */
export async function seedDemoElectedMembers(db: Database) {
  await db.insert(electedMembers).values({ email: DEMO_COUNCILLOR_EMAIL, kind: "councillor", name: "Cllr Demo", area: "Foleshill" }).onConflictDoNothing();
}

export async function seedDemoRepresentations(db: Database, today: string) {
  await seedDemoElectedMembers(db);
  const demos = demoRepresentations();
  const existing = new Set(
    (await db.select({ reference: complaints.reference }).from(complaints).where(inArray(complaints.reference, demos.map((demo) => demo.reference)))).map((row) => row.reference),
  );
  // All in one transaction (seventy complaints, each a few writes): far quicker on PGlite than one each.
  const made = await db.transaction(async (tx) => {
    const tokens: Array<{ demo: DemoRepresentation; token: string | null }> = [];
    for (const demo of demos.filter((candidate) => !existing.has(candidate.reference))) {
      const receivedOn = daysBefore(today, demo.receivedDaysAgo) as IsoDate;
      const [account] = await tx.insert(accounts).values({ email: demo.representative.email }).onConflictDoUpdate({ target: accounts.email, set: { email: demo.representative.email } }).returning({ id: accounts.id });
      const opened = await openCase(tx, {
        values: { reference: demo.reference, serviceAreaSlug: demo.serviceAreaSlug, pathway: demo.pathway, receivedOn, whatWentWrong: demo.whatWentWrong, isDemo: true, language: "en" },
        complainant: { name: demo.person.name, email: demo.person.email, preferredContact: "email" },
        actor: "representative",
        accountId: account!.id,
      });
      const started = await startRepresentation(tx, {
        complaintId: opened.id,
        reference: demo.reference,
        today: receivedOn,
        representative: { accountId: account!.id, email: demo.representative.email, name: demo.representative.name, phone: "" },
        relationship: demo.representative.relationship,
        relationshipDetail: demo.representative.detail,
        route: demo.route,
        personUnder18: demo.person.under18 ?? false,
        ...(demo.cannotConsent ? { cannotConsent: demo.cannotConsent } : {}),
        person: { name: demo.person.name, email: demo.person.email, language: "en" },
        summary: demo.whatWentWrong,
      });
      tokens.push({ demo, token: started.consentToken });
    }
    return tokens;
  });
  for (const { demo, token } of made) {
    if (token && demo.answer) {
      await answerConsent(db, token, demo.answer === "agree" ? { agree: true, lettersTo: "both" } : { agree: false }, daysBefore(today, demo.receivedDaysAgo - 1) as IsoDate);
    }
  }
}

/** Issue 11's demonstration staff. */
export async function seedDemoStaff(db: Database) {
  for (const member of [
    { email: DEMO_MANAGER_EMAIL, role: "manager" as const, name: "Morgan Demo" },
    { email: DEMO_OFFICER_EMAIL, role: "complaints_officer" as const, name: "Alex Demo" },
    { email: DEMO_LEAD_EMAILS[0], role: "manager" as const, name: "Jo Demo" },
    { email: DEMO_LEAD_EMAILS[1], role: "manager" as const, name: "Kit Demo" },
    { email: DEMO_LEAD_EMAILS[2], role: "manager" as const, name: "Lee Demo" },
    { email: DEMO_LEAD_EMAILS[3], role: "manager" as const, name: "Mo Demo" },
    { email: DEMO_LEAD_EMAILS[4], role: "manager" as const, name: "Nat Demo" },
    { email: DEMO_INVESTIGATOR_EMAIL, role: "investigating_officer" as const, name: "Pat Demo" },
    { email: DEMO_ANALYST_EMAILS[0], role: "equality_analyst" as const, name: "Quinn Demo" },
    { email: DEMO_ANALYST_EMAILS[1], role: "equality_analyst" as const, name: "Rae Demo" },
    { email: DEMO_REPORTS_MANAGER_EMAILS[0], role: "manager" as const, name: "Sol Demo" },
    { email: DEMO_REPORTS_MANAGER_EMAILS[1], role: "manager" as const, name: "Tam Demo" },
    ...DEMO_ACCESS_STAFF,
  ]) {
    if (!(await activeStaffByEmail(db, member.email))) await addStaffMember(db, member);
  }
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
    const firstSeed = await seedDemoComplaints(db, today);
    if (firstSeed) {
      await seedDemoEqualityAnswers(db, today);
      await loadComplaints(db, DEMO_HISTORY_COMPLAINTS, today as IsoDate, DEMO_HISTORY_NEWEST_DAYS_AGO);
    }
    await seedDemoRepresentations(db, today);
    await seedDemoStaff(db);
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
