// The complaints report as staff read it (issue 12, item 1): the period asked for (or the last financial year),
// the period before, and each table's rows with their English labels (staff pages are English), for the page and
// for its CSV downloads alike. Who may read it: complaints officers and managers; anyone else is told it does not
// exist.
import type { Database } from "../../db/client";
import { serviceAreaNamesIn } from "~/cases/complaint-page.server";
import { serverT } from "~/i18n/translate.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { PATHWAY_TEXTS } from "~/components/case-record";
import { actsOnComplaints } from "~/staff/casework";
import { requireStaff } from "~/staff/staff-page.server";
import { complaintReport, type ReportTableId } from "./complaint-figures.server";
import { previousPeriod, readPeriod, type Period } from "./period";

export interface LabelledTable {
  readonly id: ReportTableId;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly now: number; readonly before: number }[];
}

export async function requireReportReader(request: Request) {
  const signedIn = await requireStaff(request);
  if (!actsOnComplaints(signedIn.staff.role)) throw new Response("Not found", { status: 404 });
  return signedIn;
}

/** "1 April 2025 to 31 March 2026". */
export function periodLabel(period: Period): string {
  return serverT("en")("staff:reports.period", { from: formatIsoDate(period.from, "en-GB"), to: formatIsoDate(period.to, "en-GB") });
}

export async function labelledReport(db: Database, period: Period) {
  const before = previousPeriod(period);
  const tables = await complaintReport(db, period, before);
  const t = serverT("en");
  const slugs = new Set<string>();
  for (const table of tables) {
    if (table.id === "serviceAreas") for (const row of table.rows) slugs.add(row.key);
    if (table.id === "compliments") for (const row of table.rows) slugs.add(row.key.split(":")[1] ?? "");
  }
  slugs.delete("");
  const areaNames = await serviceAreaNamesIn(db, "en", [...slugs]);
  const label = (id: ReportTableId, key: string): string => {
    switch (id) {
      case "received":
      case "averageDays": {
        const [pathway, stage] = key.split("-") as [keyof typeof PATHWAY_TEXTS, string];
        return t("staff:reports.stageRow", { pathway: t(PATHWAY_TEXTS[pathway]?.[0] ?? pathway), stage });
      }
      case "timeliness": {
        const [stageKey, kept] = key.split(":") as [string, string];
        const [pathway, stage] = stageKey.split("-") as [keyof typeof PATHWAY_TEXTS, string];
        return t(`staff:reports.timelinessRow.${kept}`, { pathway: t(PATHWAY_TEXTS[pathway]?.[0] ?? pathway), stage });
      }
      case "outcomes":
        return t(`staff:reports.outcome.${key}`);
      case "channels":
        return t(`staff:case.channelName.${key}`);
      case "serviceAreas":
        return areaNames.get(key) ?? key;
      case "teams":
        return key;
      case "categories":
        return t(`staff:classify.category.${key}`);
      case "representatives":
        return t(`representation.relationship.${key}`);
      case "youngPeople":
        return t(`staff:reports.youngPeopleRow.${key}`);
      case "compliments": {
        const [kind, slug] = key.split(":");
        return t("staff:reports.complimentRow", { kind: t(`staff:reports.complimentKind.${kind}`), service: slug ? (areaNames.get(slug) ?? slug) : t("staff:reports.noService") });
      }
      case "ombudsman":
        return key.startsWith("decision:") ? t(`staff:ombudsman.decision.${key.slice("decision:".length)}`) : t(`staff:reports.ombudsmanRow.${key}`);
    }
  };
  const labelled: LabelledTable[] = tables.map((table) => ({ id: table.id, rows: table.rows.map((row) => ({ ...row, label: label(table.id, row.key) })) }));
  return { period, before, tables: labelled };
}

/** The period in the address, or the form's errors. */
export function periodAsked(request: Request) {
  return readPeriod(new URL(request.url).searchParams, londonDateOf(new Date()));
}
