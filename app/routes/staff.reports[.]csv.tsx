// One table of the complaints report as CSV (issue 12, item 1): `?table=` and the period, as on the page. Formula
// cells are escaped (app/reports/csv.server.ts). Complaints officers and managers only; anyone else: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serverT } from "~/i18n/translate.server";
import { REPORT_TABLES } from "~/reports/complaint-figures.server";
import { labelledReport, periodAsked, periodLabel, requireReportReader } from "~/reports/complaint-report.server";
import { csvOf } from "~/reports/csv.server";
import { cachedFigures } from "~/reports/figures-cache.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireReportReader(request);
  const id = REPORT_TABLES.find((known) => known === new URL(request.url).searchParams.get("table"));
  const asked = periodAsked(request);
  if (!id || !asked.ok) throw new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const report = await cachedFigures(db, `complaints:${asked.period.from}:${asked.period.to}`, () => labelledReport(db, asked.period));
  const table = report.tables.find((candidate) => candidate.id === id)!;
  const t = serverT("en");
  const csv = csvOf([[t(`staff:reports.table.${id}.row`), periodLabel(report.period), periodLabel(report.before)], ...table.rows.map((row) => [row.label, row.now, row.before])]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="complaints-${id}-${report.period.from}-to-${report.period.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
