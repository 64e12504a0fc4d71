// The equality report as staff read it (issue 12, item 2): the counts for a financial year from
// equality.answer_counts — counts, never a row, read through the reports connection — turned into the suppressed
// tables of ./equality-report.ts with English labels. Only the equality analyst and managers may read it; anyone
// else is told it does not exist.
import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { populationShare } from "~/config/population-shares";
import { PREFER_NOT_TO_SAY } from "~/equality/equality-questions";
import { serverT } from "~/i18n/translate.server";
import type { IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { PATHWAYS, type Pathway } from "~/rules/timescales";
import { readsEqualityReports } from "~/staff/staff-roles";
import { requireStaff } from "~/staff/staff-page.server";
import { financialYearName } from "./period";
import { EQUALITY_CHARACTERISTICS, type EqualityCount, type EqualityPeriod, equalityTables, monthsOf } from "./equality-report";

export async function requireEqualityReader(request: Request) {
  const signedIn = await requireStaff(request);
  if (!readsEqualityReports(signedIn.staff.role)) throw new Response("Not found", { status: 404 });
  return signedIn;
}

/** A financial year's counts by process, service, month, question and answer. */
export async function equalityCountsForYear(reports: Database, year: number): Promise<EqualityCount[]> {
  const months = monthsOf(year, null);
  const result = await reports.execute(sql`
    select pathway, service_area_slug as "serviceArea", received_month as month, question, answer, responses
    from equality.answer_counts
    where received_month between ${months[0]} and ${months[months.length - 1]}
      and question in (${sql.join(EQUALITY_CHARACTERISTICS.map((characteristic) => sql`${characteristic}`), sql`, `)})`);
  return rowsOf<EqualityCount>(result).map((row) => ({ ...row, responses: Number(row.responses) }));
}

export interface LabelledEqualityTable {
  readonly characteristic: string;
  readonly rows: readonly {
    readonly key: string;
    readonly label: string;
    readonly all: number | null;
    readonly share: number | null;
    readonly population: number | null;
    readonly pathways: readonly (number | null)[];
  }[];
  readonly services: readonly { readonly label: string; readonly cells: readonly (number | null)[] }[];
}

/** The period's tables, labelled for the page: `db` names the service areas, `reports` gives the counts. */
export async function labelledEqualityReport(db: Database, reports: Database, period: EqualityPeriod, today: IsoDate) {
  const tables = equalityTables(await equalityCountsForYear(reports, period.year), period, today);
  const t = serverT("en");
  const names = await serviceAreaNamesIn(db, "en", [...new Set(tables.flatMap((table) => table.services.map((service) => service.serviceArea)))]);
  const pathwayName = (pathway: Pathway) => t(PATHWAY_TEXTS[pathway][0]);
  const labelled: LabelledEqualityTable[] = tables.map((table) => ({
    characteristic: table.characteristic,
    rows: table.rows.map((key) => ({
      key,
      label:
        key === "total" ? t("staff:equality.total") : key === PREFER_NOT_TO_SAY ? t("complaint.equality.preferNotToSay") : t(`complaint.equality.${table.characteristic}.options.${key}`),
      all: table.cell(key, "all"),
      share: key === "total" ? null : table.share(key),
      population: key === "total" || key === PREFER_NOT_TO_SAY ? null : populationShare(table.characteristic, key),
      pathways: PATHWAYS.map((pathway) => table.cell(key, pathway)),
    })),
    services: table.services.map((service) => ({
      label: t("staff:equality.serviceRow", { service: names.get(service.serviceArea) ?? service.serviceArea, pathway: pathwayName(service.pathway) }),
      cells: table.rows.map((row) => table.cell(row, service.column)),
    })),
  }));
  return { tables: labelled, pathways: PATHWAYS.map(pathwayName) };
}

/** "2025/26 (1 April 2025 to 31 March 2026)", or its quarter. */
export function equalityPeriodName(period: EqualityPeriod): string {
  const t = serverT("en");
  const year = financialYearName(period.year);
  const dates = { from: formatIsoDate(period.from, "en-GB"), to: formatIsoDate(period.to, "en-GB") };
  return period.quarter === null ? t("staff:equality.yearName", { year, ...dates }) : t("staff:equality.quarterName", { year, quarter: period.quarter, ...dates });
}
