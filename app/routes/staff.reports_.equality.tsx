// The equality monitoring report (issue 12, item 2): for a financial year or one of its quarters, once ended, how
// many of those who answered the equality questions gave each answer — by process and by service area — beside
// Coventry's population shares. Every figure under 5 is hidden, with enough others that none can be worked out.
// The equality analyst and managers only; anyone else: 404. Printable.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Select } from "~/components/form-fields";
import { cachedFigures } from "~/reports/figures-cache.server";
import { ScrollingTable } from "~/components/scrolling-table";
import { Figure } from "~/reports/withheld-figure";
import { translatedTitle } from "~/components/page-title";
import { getReportsDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { equalityPeriods, readEqualityPeriod } from "~/reports/equality-report";
import { equalityPeriodName, labelledEqualityReport, requireEqualityReader } from "~/reports/equality-figures.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { lacksPrivilege } from "../../db/errors";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:equality.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, staff } = await requireEqualityReader(request);
  const today = londonDateOf(new Date());
  const asked = new URL(request.url).searchParams.get("period");
  const periods = equalityPeriods(today).map((period) => ({
    value: period.id,
    label: equalityPeriodName(period),
  }));
  const period = readEqualityPeriod(asked, today);
  if (!period) {
    return data(
      {
        periods,
        asked: (asked ?? "").slice(0, 20),
        errors: { period: "staff:equality.error.period" } as Record<string, string>,
        report: null,
      },
      { status: 400 }
    );
  }
  const reports = await getReportsDb();
  const report = await cachedFigures(db, `equality:${period.id}`, () => labelledEqualityReport(db, reports, period, today)).catch((error: unknown) => {
    // On PostgreSQL the web application's role may not count equality answers: the reports connection must be set.
    if (lacksPrivilege(error)) {
      console.error("The equality report cannot count answers as the web application's role: set DATABASE_REPORTS_URL (README).");
      throw new Response("Service unavailable", { status: 503 });
    }
    throw error;
  });
  await recordStaffAudit(db, {
    staffId: staff.staffId,
    action: "viewed_equality_report",
    detail: { period: period.id },
  });
  return {
    periods,
    asked: period.id,
    errors: {} as Record<string, string>,
    report: { ...report, name: equalityPeriodName(period) },
  };
}

export default function EqualityReport() {
  const { periods, asked, errors, report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("staff:equality.title")}</h1>
      <p className="govuk-body">{t("staff:equality.intro")}</p>
      <p className="govuk-body">{t("staff:reports.freshness")}</p>
      <Form method="get" noValidate className="council-no-print">
        <Select
          name="period"
          label={t("staff:equality.period")}
          hint={t("staff:equality.periodHint")}
          choose={t("staff:equality.choose")}
          options={periods}
          value={asked}
          error={errors.period}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("staff:equality.show")}
        </button>
      </Form>
      {report ? (
        <>
          <p className="govuk-body-l">{report.name}</p>
          <div className="govuk-inset-text">
            <p className="govuk-body">{t("staff:equality.suppression")}</p>
            <p className="govuk-body">{t("staff:equality.population")}</p>
          </div>
          {report.tables.map((table) => (
            <section key={table.characteristic} aria-labelledby={`${table.characteristic}-heading`}>
              <h2 className="govuk-heading-m" id={`${table.characteristic}-heading`}>
                {t(`staff:equality.characteristic.${table.characteristic}`)}
              </h2>
              <ScrollingTable labelledBy={`${table.characteristic}-pathways`}>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s" id={`${table.characteristic}-pathways`}>
                    {t("staff:equality.byPathway", {
                      characteristic: t(`staff:equality.characteristic.${table.characteristic}`),
                    })}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        {t("staff:equality.answer")}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t("staff:equality.all")}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t("staff:equality.share")}
                      </th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t("staff:equality.coventry")}
                      </th>
                      {report.pathways.map((pathway) => (
                        <th key={pathway} scope="col" className="govuk-table__header govuk-table__header--numeric">
                          {pathway}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {table.rows.map((row) => (
                      <tr key={row.key} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          {row.label}
                        </th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          <Figure value={row.all} />
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{row.key === "total" ? "" : <Figure value={row.share} suffix="%" />}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          {row.key === "total" || row.key === "prefer_not_to_say"
                            ? ""
                            : row.population === null
                            ? t("staff:equality.notGiven")
                            : `${row.population.toLocaleString("en-GB")}%`}
                        </td>
                        {row.pathways.map((figure, index) => (
                          <td key={report.pathways[index]} className="govuk-table__cell govuk-table__cell--numeric">
                            <Figure value={figure} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollingTable>
              {table.services.length > 0 ? (
                <ScrollingTable labelledBy={`${table.characteristic}-services`}>
                  <table className="govuk-table govuk-!-font-size-16">
                    <caption className="govuk-table__caption govuk-table__caption--s" id={`${table.characteristic}-services`}>
                      {t("staff:equality.byService", {
                        characteristic: t(`staff:equality.characteristic.${table.characteristic}`),
                      })}
                    </caption>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">
                          {t("staff:equality.service")}
                        </th>
                        {table.rows.map((row) => (
                          <th key={row.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                            {row.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {table.services.map((service) => (
                        <tr key={service.label} className="govuk-table__row">
                          <th scope="row" className="govuk-table__header">
                            {service.label}
                          </th>
                          {service.cells.map((figure, index) => (
                            <td key={table.rows[index]!.key} className="govuk-table__cell govuk-table__cell--numeric">
                              <Figure value={figure} />
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollingTable>
              ) : (
                <p className="govuk-body">{t("staff:equality.noAnswers")}</p>
              )}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
