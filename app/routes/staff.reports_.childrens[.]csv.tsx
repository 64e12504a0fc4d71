// Every table of the children's services annual report as one CSV (issue 12), in the report's order: `?year=`, as
// on the page. Formula cells are escaped (app/reports/csv.server.ts). Complaints officers and managers; anyone
// else: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { childrensReport, childrensReportRows } from "~/reports/childrens-figures.server";
import { requireReportReader } from "~/reports/complaint-report.server";
import { csvOf } from "~/reports/csv.server";
import { cachedFigures } from "~/reports/figures-cache.server";
import { financialYearAsked } from "~/reports/period";
import { londonDateOf } from "~/rules/calendar-dates";

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireReportReader(request);
  const year = financialYearAsked(new URL(request.url).searchParams.get("year"), londonDateOf(new Date()));
  if (year === undefined) throw new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const csv = csvOf(childrensReportRows(await cachedFigures(db, `childrens:${year}`, () => childrensReport(db, year))));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="childrens-services-complaints-${year}-${String(year + 1).slice(2)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
