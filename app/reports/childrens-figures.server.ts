// The figures of the children's services annual complaints report (issue 12; source 002, the council's 2023/24
// report) for one period, counted in the database. Children's services' complaints are those on the children's
// statutory process and corporate complaints about children's social care; within them:
//   - statutory: on the children's process and not dealt with at triage (resolved informally, a service request,
//     joined to another or not accepted);
//   - corporate: about children's social care, on the corporate process, likewise;
//   - informal: resolved informally at triage.
// As in source 002, each statutory complaint is counted once, at the furthest stage it reached (Stage 1 + Stage 2 +
// Stage 3 = all statutory complaints), with the outcome of its last response.
import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { serverT } from "~/i18n/translate.server";
import { type AnnualSection, childrensAnnualReport, type ChildrensFigures, type Words } from "./childrens-annual";
import { financialYear, type Period } from "./period";

export const CHILDRENS_SERVICE = "childrens-social-care";

const DEALT_WITH_AT_TRIAGE = sql`('resolved_informally', 'service_request', 'joined', 'not_accepted')`;

type Row = { key: string | null; n: number | string | null };
const counts = (rows: Row[]): Map<string, number> => new Map(rows.filter((row) => row.key !== null).map((row) => [row.key!, Number(row.n ?? 0)]));

export async function childrensFigures(db: Database, { from, to }: Period): Promise<ChildrensFigures> {
  const received = sql`c.received_on between ${from}::date and ${to}::date`;
  const childrens = sql`(c.pathway = 'childrens' or c.service_area_slug = ${CHILDRENS_SERVICE})`;
  const statutory = sql`c.pathway = 'childrens' and c.status not in ${DEALT_WITH_AT_TRIAGE}`;
  const query = async (statement: ReturnType<typeof sql>) => rowsOf<Row>(await db.execute(statement));
  const [kinds, young, channels, outcomes, teams, stages, averages, corporateStageTwo, categories, praise, praiseTeams, enquiries, decisions] = await Promise.all([
    query(sql`
      select case when c.status = 'resolved_informally' then 'informal'
                  when c.status in ${DEALT_WITH_AT_TRIAGE} then null
                  when c.pathway = 'childrens' then 'statutory'
                  when c.pathway = 'corporate' then 'corporate' end as key, count(*) as n
      from complaints c where ${received} and ${childrens} group by 1`),
    query(sql`
      select case when r.relationship = 'advocate' then 'advocate' else 'other' end as key, count(*) as n
      from representations r join complaints c on c.id = r.complaint_id
      where ${received} and ${childrens} and c.status not in ('service_request', 'joined', 'not_accepted') and r.person_under_18
      group by 1`),
    query(sql`
      select coalesce(e.details->>'channel', 'online') as key, count(*) as n
      from complaints c join complaint_events e on e.complaint_id = c.id and e.type = 'received'
      where ${received} and ${statutory} group by 1`),
    query(sql`
      select case when c.status = 'withdrawn' then 'withdrawn'
                  else coalesce((select e.details->>'outcome' from complaint_events e
                                 where e.complaint_id = c.id and e.type = 'responded' order by e.stage desc, e.id desc limit 1), 'open') end as key,
             count(*) as n
      from complaints c where ${received} and ${statutory} group by 1`),
    query(sql`
      select coalesce(k.team, '') as key, count(*) as n
      from complaints c left join case_classifications k on k.complaint_id = c.id
      where ${received} and ${statutory} group by 1`),
    query(sql`
      select c.stage || ':' || case when c.status = 'withdrawn' then 'withdrawn'
                                    when r.occurred_on is null then 'open'
                                    when not (r.details ? 'dueOn') then 'unrecorded'
                                    when (r.details->>'dueOn')::date >= r.occurred_on then 'within'
                                    else 'over' end as key,
             count(*) as n
      from complaints c
      left join lateral (select e.details, e.occurred_on from complaint_events e
                         where e.complaint_id = c.id and e.type = 'responded' and e.stage = c.stage order by e.id desc limit 1) r on true
      where ${received} and ${statutory} group by 1`),
    query(sql`
      select c.stage::text as key, round(avg((r.details->>'workingDays')::int), 1) as n
      from complaints c
      join lateral (select e.details from complaint_events e
                    where e.complaint_id = c.id and e.type = 'responded' and e.stage = c.stage order by e.id desc limit 1) r on true
      where ${received} and ${statutory} and c.status <> 'withdrawn' and r.details ? 'workingDays' group by 1`),
    query(sql`
      select 'stage2' as key, count(*) as n from complaints c
      where ${received} and c.pathway = 'corporate' and c.service_area_slug = ${CHILDRENS_SERVICE} and c.status not in ${DEALT_WITH_AT_TRIAGE} and c.stage = 2`),
    query(sql`
      select category as key, count(*) as n
      from complaints c join case_classifications k on k.complaint_id = c.id cross join lateral unnest(k.categories) as category
      where ${received} and ${statutory} group by 1`),
    query(sql`
      select kind as key, count(*) as n from compliments
      where service_area_slug = ${CHILDRENS_SERVICE} and (created_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date group by 1`),
    query(sql`
      select team as key, count(*) as n from compliments
      where kind = 'compliment' and service_area_slug = ${CHILDRENS_SERVICE} and (created_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date group by 1`),
    query(sql`
      select 'received' as key, count(*) as n
      from ombudsman_enquiries o join complaints c on c.id = o.complaint_id
      where ${childrens} and o.received_on between ${from}::date and ${to}::date`),
    query(sql`
      select o.decision as key, count(*) as n, sum(o.remedy_pence) as pence, count(o.remedy_pence) as paid
      from ombudsman_enquiries o join complaints c on c.id = o.complaint_id
      where ${childrens} and o.decision is not null and o.decided_on between ${from}::date and ${to}::date group by 1`),
  ]);
  const kind = counts(kinds);
  const youngCounts = counts(young);
  const decided = decisions as Array<Row & { pence: string | number | null; paid: string | number }>;
  const decisionCount = (keys: readonly string[]) => decided.filter((row) => keys.includes(row.key ?? "")).reduce((sum, row) => sum + Number(row.n), 0);
  const praiseCounts = counts(praise);
  return {
    kinds: { statutory: kind.get("statutory") ?? 0, corporate: kind.get("corporate") ?? 0, informal: kind.get("informal") ?? 0 },
    youngPeople: (youngCounts.get("advocate") ?? 0) + (youngCounts.get("other") ?? 0),
    advocate: youngCounts.get("advocate") ?? 0,
    channels: counts(channels),
    outcomes: counts(outcomes),
    teams: counts(teams),
    stages: counts(stages),
    averageDays: counts(averages),
    corporateStageTwo: Number(corporateStageTwo[0]?.n ?? 0),
    categories: counts(categories),
    compliments: praiseCounts.get("compliment") ?? 0,
    comments: praiseCounts.get("comment") ?? 0,
    complimentTeams: counts(praiseTeams),
    ombudsman: {
      received: Number(enquiries[0]?.n ?? 0),
      // Investigated: a decision on the merits, upheld or not (not closed after initial enquiries, referred back …).
      investigated: decisionCount(["upheld_with_injustice", "upheld_no_injustice", "not_upheld"]),
      upheld: decisionCount(["upheld_with_injustice", "upheld_no_injustice"]),
      payments: decided.reduce((sum, row) => sum + Number(row.paid ?? 0), 0),
      paymentPence: decided.reduce((sum, row) => sum + Number(row.pence ?? 0), 0),
    },
  };
}


/** The report for the financial year starting 1 April `year`, beside the two years before it. */
export async function childrensReport(db: Database, year: number) {
  const [now, before, earlier] = await Promise.all([year, year - 1, year - 2].map((each) => childrensFigures(db, financialYear(each))));
  return childrensAnnualReport(year, [now!, before!, earlier!]);
}

/** Every table of the report as CSV rows, in the report's order: section, table, row, then its cells. */
export function childrensReportRows(sections: readonly AnnualSection[]): string[][] {
  const t = serverT("en");
  const say = (words: Words | { text: string }) => ("text" in words ? words.text : t(`staff:${words.key}`, words.params));
  const rows: string[][] = [[t("staff:childrens.csvColumn.section"), t("staff:childrens.csvColumn.table"), t("staff:childrens.csvColumn.row"), t("staff:childrens.csvColumn.figures")]];
  for (const section of sections) {
    for (const table of section.tables) {
      rows.push([t(`staff:childrens.section.${section.id}`), t(`staff:childrens.table.${table.id}`), ...table.columns.map((column) => t(`staff:${column}`))]);
      for (const row of table.rows) {
        rows.push([t(`staff:childrens.section.${section.id}`), t(`staff:childrens.table.${table.id}`), say(row.label), ...row.cells.map((cell) => (typeof cell === "object" ? say(cell) : String(cell)))]);
      }
    }
  }
  return rows;
}
