// The complaints report (issue 12, item 1): for any period — by default the last financial year — each of the
// annual reports' tables beside the period before, with a chart drawn on the server, a CSV download, and a page
// that prints on A4. Complaints officers and managers only; anyone else: 404.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateInput, ErrorSummary } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { BarChart } from "~/reports/bar-chart";
import { ComparisonTable } from "~/reports/comparison-table";
import { labelledReport, periodAsked, periodLabel, requireReportReader } from "~/reports/complaint-report.server";
import { cachedFigures } from "~/reports/figures-cache.server";
import { lastFinancialYear } from "~/reports/period";
import { londonDateOf } from "~/rules/calendar-dates";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:reports.title");

const DATE_TEXTS = ["errors.form.date.day", "errors.form.date.month", "errors.form.date.year"];

function boxes(name: "from" | "to", iso: string): Record<string, string> {
  const [year, month, day] = iso.split("-");
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year ?? "" };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireReportReader(request);
  const asked = periodAsked(request);
  const query = new URL(request.url).searchParams;
  if (!asked.ok) {
    const values: Record<string, string> = {};
    for (const name of ["from-day", "from-month", "from-year", "to-day", "to-month", "to-year"]) values[name] = (query.get(name) ?? "").slice(0, 8);
    return data({ errors: asked.errors, values, report: null, texts: textsFor("en", DATE_TEXTS) }, { status: 400 });
  }
  const report = await cachedFigures(db, `complaints:${asked.period.from}:${asked.period.to}`, () => labelledReport(db, asked.period));
  const isDefault = asked.period.from === lastFinancialYear(londonDateOf(new Date())).from && !query.has("from-day") && !query.has("from");
  return {
    errors: {} as Record<string, string>,
    values: { ...boxes("from", asked.period.from), ...boxes("to", asked.period.to) },
    report: {
      ...report,
      isDefault,
      nowLabel: periodLabel(report.period),
      beforeLabel: periodLabel(report.before),
      csvQuery: new URLSearchParams({ from: report.period.from, to: report.period.to }).toString(),
    },
    texts: textsFor("en", DATE_TEXTS),
  };
}

export default function StaffReports() {
  const { errors, values, report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("staff:reports.title")}</h1>
      <ul className="govuk-list council-no-print" aria-label={t("staff:reports.otherReports")}>
        <li>
          <Link className="govuk-link" to="/staff/reports/childrens">
            {t("staff:childrens.link")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/reports/self-assessment">
            {t("staff:selfAssessment.link")}
          </Link>
        </li>
      </ul>
      <Form method="get" noValidate className="council-no-print">
        <DateInput name="from" legend={t("staff:reports.from")} hint={t("staff:reports.dateHint")} values={values} error={errors.from} />
        <DateInput name="to" legend={t("staff:reports.to")} values={values} error={errors.to} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("staff:reports.show")}
        </button>
      </Form>
      {report ? (
        <>
          <p className="govuk-body-l">{t(report.isDefault ? "staff:reports.coversDefault" : "staff:reports.covers", { period: report.nowLabel, before: report.beforeLabel })}</p>
          <p className="govuk-body">{t("staff:reports.freshness")}</p>
          <p className="govuk-body council-no-print">{t("staff:reports.printHint")}</p>
          {report.tables.map((table) => (
            <section key={table.id} aria-labelledby={`${table.id}-heading`}>
              <h2 className="govuk-heading-m" id={`${table.id}-heading`}>
                {t(`staff:reports.table.${table.id}.title`)}
              </h2>
              <p className="govuk-body">{t(`staff:reports.table.${table.id}.about`)}</p>
              {table.rows.length === 0 ? (
                <p className="govuk-body">{t("staff:reports.none")}</p>
              ) : (
                <>
                  <BarChart id={`${table.id}-chart`} title={t(`staff:reports.table.${table.id}.title`)} nowLabel={report.nowLabel} beforeLabel={report.beforeLabel} rows={table.rows} />
                  <ComparisonTable
                    caption={t(`staff:reports.table.${table.id}.title`)}
                    rowHeading={t(`staff:reports.table.${table.id}.row`)}
                    nowLabel={report.nowLabel}
                    beforeLabel={report.beforeLabel}
                    rows={table.rows}
                  />
                </>
              )}
              <p className="govuk-body council-no-print">
                <a className="govuk-link" href={`/staff/reports.csv?table=${table.id}&${report.csvQuery}`} download>
                  {t("staff:reports.csv", { title: t(`staff:reports.table.${table.id}.title`) })}
                </a>
              </p>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
