// The figures of the council's annual complaints reports (issue 12, item 1; RULES §8; sources 000, 002, 004), for
// any period and the period before: complaints received by process and stage, outcomes, how they came, by service
// and team, categories of concern, compliments and comments by service, and the Ombudsman's enquiries. Each is a
// count straight from the database, grouped there, so a year of 50,000 complaints is a handful of small queries.
// Counting rules, where the sources leave a choice, are in the README's Decisions.
import { and, between, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { caseClassifications, complaintEvents, complaints, compliments, ombudsmanEnquiries, representations } from "../../db/schema";
import type { Period } from "./period";

/** One report table: a row per thing counted, with the count in the period and in the period before. */
export interface ReportTable {
  readonly id: ReportTableId;
  readonly rows: readonly { readonly key: string; readonly now: number; readonly before: number }[];
}

export const REPORT_TABLES = ["received", "outcomes", "timeliness", "averageDays", "channels", "serviceAreas", "teams", "categories", "representatives", "youngPeople", "compliments", "ombudsman"] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

type Counts = Map<string, number>;

const asCounts = (rows: readonly { key: string | null; n: number }[]): Counts => new Map(rows.filter((row) => row.key !== null).map((row) => [row.key!, Number(row.n)]));

type EventGroup = { type: string; pathway: string; stage: number; outcome: string | null; kept: string | null; channel: string | null; n: number | string; days: number | string | null; timed: number | string };

/**
 * The events of a period in one pass, grouped: complaints received (by channel), responses (by process, stage,
 * outcome and whether they met their date, with the working days their stages took), requests for later stages,
 * and withdrawals. One scan of the period's events (an index on type and date) rather than one a table.
 */
async function eventGroups(db: Database, { from, to }: Period): Promise<EventGroup[]> {
  const e = complaintEvents;
  const result = await db.execute(sql`
    select ${e.type} as type, ${complaints.pathway} as pathway, ${e.stage} as stage,
           case when ${e.type} = 'responded' then ${e.details}->>'outcome' end as outcome,
           case when ${e.type} = 'responded' and ${e.details} ? 'dueOn'
                then case when (${e.details}->>'dueOn')::date >= ${e.occurredOn} then 'within' else 'over' end end as kept,
           case when ${e.type} = 'received' then coalesce(${e.details}->>'channel', 'online') end as channel,
           count(*) as n,
           sum((${e.details}->>'workingDays')::int) as days,
           count(${e.details}->'workingDays') as timed
    from ${e} join ${complaints} on ${complaints.id} = ${e.complaintId}
    where ${e.type} in ('received', 'responded', 'escalation_requested', 'withdrawn') and ${e.occurredOn} between ${from}::date and ${to}::date
    group by 1, 2, 3, 4, 5, 6`);
  return rowsOf<EventGroup>(result);
}

/** Adds `n` to `key`'s count. */
const tally = (counts: Counts, key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);

/** Every table's counts for one period. */
async function countsFor(db: Database, period: Period): Promise<Record<ReportTableId, Counts>> {
  const { from, to } = period;
  const receivedIn = between(complaints.receivedOn, from, to);
  const [groups, stageOne, stillOpen, serviceAreas, teams, categories, representatives, young, praise, enquiries, decisions, payments] = await Promise.all([
    eventGroups(db, period),
    // Stage 1: the complaints received in the period, by the process they are on now.
    db.select({ key: sql<string>`${complaints.pathway} || '-1'`, n: count() }).from(complaints).where(receivedIn).groupBy(complaints.pathway),
    db.select({ n: count() }).from(complaints).where(and(receivedIn, isNull(complaints.closedOn))),
    db.select({ key: complaints.serviceAreaSlug, n: count() }).from(complaints).where(receivedIn).groupBy(complaints.serviceAreaSlug),
    db.select({ key: caseClassifications.team, n: count() }).from(caseClassifications).innerJoin(complaints, eq(complaints.id, caseClassifications.complaintId)).where(receivedIn).groupBy(caseClassifications.team),
    // A complaint may raise several concerns: each is counted (source 002 counts "times raised").
    db
      .select({ key: sql<string>`category`, n: count() })
      .from(sql`${caseClassifications} cross join lateral unnest(${caseClassifications.categories}) as category`)
      .innerJoin(complaints, eq(complaints.id, caseClassifications.complaintId))
      .where(receivedIn)
      .groupBy(sql`category`),
    // Complaints made for someone else, by who made them (issue 10), whatever became of the permission.
    db.select({ key: representations.relationship, n: count() }).from(representations).innerJoin(complaints, eq(complaints.id, representations.complaintId)).where(receivedIn).groupBy(representations.relationship),
    // Source 002: complaints for children and young people (under 18), and how many of those an advocate made.
    db
      .select({ key: sql<string>`case when ${representations.relationship} = 'advocate' then 'under18_advocate' else 'under18_other' end`, n: count() })
      .from(representations)
      .innerJoin(complaints, eq(complaints.id, representations.complaintId))
      .where(and(receivedIn, eq(representations.personUnder18, true)))
      .groupBy(sql`case when ${representations.relationship} = 'advocate' then 'under18_advocate' else 'under18_other' end`),
    db
      .select({ key: sql<string>`${compliments.kind} || ':' || coalesce(${compliments.serviceAreaSlug}, '')`, n: count() })
      .from(compliments)
      // Counted by the day it came in London (RULES §1), as complaints are.
      .where(sql`(${compliments.createdAt} at time zone 'Europe/London')::date between ${from}::date and ${to}::date`)
      .groupBy(compliments.kind, compliments.serviceAreaSlug),
    db.select({ n: count() }).from(ombudsmanEnquiries).where(between(ombudsmanEnquiries.receivedOn, from, to)),
    db.select({ key: ombudsmanEnquiries.decision, n: count() }).from(ombudsmanEnquiries).where(and(isNotNull(ombudsmanEnquiries.decision), between(ombudsmanEnquiries.decidedOn, from, to))).groupBy(ombudsmanEnquiries.decision),
    db.select({ n: count() }).from(ombudsmanEnquiries).where(and(isNotNull(ombudsmanEnquiries.remedyPence), between(ombudsmanEnquiries.decidedOn, from, to))),
  ]);
  const received = asCounts(stageOne);
  const outcomes: Counts = new Map();
  const timeliness: Counts = new Map();
  const channels: Counts = new Map();
  const workingDays = new Map<string, { days: number; timed: number }>();
  let withdrawn = 0;
  for (const group of groups) {
    const n = Number(group.n);
    const stageKey = `${group.pathway}-${group.stage}`;
    switch (group.type) {
      // How it came: the channel on the received event (online unless staff logged it, issue 11). A complaint's
      // received event is dated the day it was received.
      case "received":
        tally(channels, group.channel ?? "online", n);
        break;
      // Stages 2 and 3: the requests for them made in the period (RULES §7).
      case "escalation_requested":
        tally(received, stageKey, n);
        break;
      case "withdrawn":
        withdrawn += n;
        break;
      // Each stage response given in the period, by its outcome (§13.13–13.16); within its date (with any
      // extension) or after it, and the working days its stage took, both written on the response as it was given.
      case "responded": {
        if (group.outcome !== null) tally(outcomes, group.outcome, n);
        if (group.kept !== null) tally(timeliness, `${stageKey}:${group.kept}`, n);
        const sums = workingDays.get(stageKey) ?? { days: 0, timed: 0 };
        workingDays.set(stageKey, { days: sums.days + Number(group.days ?? 0), timed: sums.timed + Number(group.timed) });
        break;
      }
    }
  }
  const single = (key: string, rows: readonly { n: number }[]) => [{ key, n: Number(rows[0]?.n ?? 0) }];
  return {
    received,
    outcomes: new Map([...outcomes, ["withdrawn", withdrawn], ["open", Number(stillOpen[0]?.n ?? 0)]]),
    timeliness,
    averageDays: new Map([...workingDays].filter(([, sums]) => sums.timed > 0).map(([key, sums]) => [key, Math.round((10 * sums.days) / sums.timed) / 10])),
    channels,
    serviceAreas: asCounts(serviceAreas),
    teams: asCounts(teams),
    categories: asCounts(categories),
    representatives: asCounts(representatives),
    youngPeople: (() => {
      const counted = asCounts(young);
      const advocate = counted.get("under18_advocate") ?? 0;
      return new Map([["under18", advocate + (counted.get("under18_other") ?? 0)], ["under18_advocate", advocate]]);
    })(),
    compliments: asCounts(praise),
    ombudsman: asCounts([...single("received", enquiries), ...decisions.map((row) => ({ key: `decision:${row.key}`, n: row.n })), ...single("payments", payments)]),
  };
}

/** The rows every report shows even at nought, in order; others follow, largest first. */
const STAGES = ["corporate-1", "corporate-2", "childrens-1", "childrens-2", "childrens-3", "adults-1"];
const FIXED_ROWS: Partial<Record<ReportTableId, readonly string[]>> = {
  received: STAGES,
  timeliness: STAGES.flatMap((stage) => [`${stage}:within`, `${stage}:over`]),
  averageDays: STAGES,
  outcomes: ["upheld", "partially_upheld", "not_upheld", "withdrawn", "open"],
  channels: ["online", "email", "letter", "phone", "in_person"],
  representatives: ["family_friend_carer", "advocate", "councillor", "mp", "solicitor", "other"],
  youngPeople: ["under18", "under18_advocate"],
};

/** The report's tables for a period, each row beside the period before. */
export async function complaintReport(db: Database, period: Period, before: Period): Promise<ReportTable[]> {
  const [now, then] = await Promise.all([countsFor(db, period), countsFor(db, before)]);
  return REPORT_TABLES.map((id) => {
    const fixed = FIXED_ROWS[id] ?? [];
    const others = [...new Set([...now[id].keys(), ...then[id].keys()])].filter((key) => !fixed.includes(key)).sort((a, b) => (now[id].get(b) ?? 0) - (now[id].get(a) ?? 0) || a.localeCompare(b));
    return { id, rows: [...fixed, ...others].map((key) => ({ key, now: now[id].get(key) ?? 0, before: then[id].get(key) ?? 0 })) };
  });
}
