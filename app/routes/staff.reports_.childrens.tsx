// The children's services annual complaints report (issue 12): a financial year laid out as the council's own
// 2023/24 report (source 002), section by section and table by table, with a CSV of every table and a page that
// prints on A4. Complaints officers and managers; the equality section's figures for managers only (and the
// equality analyst, on the equality report). Anyone else: 404.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Select } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { getReportsDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import type { AnnualRow, Words } from "~/reports/childrens-annual";
import { childrensReport } from "~/reports/childrens-figures.server";
import { Figure } from "~/reports/withheld-figure";
import { cachedFigures } from "~/reports/figures-cache.server";
import { endedFinancialYears, financialYearAsked, financialYearName } from "~/reports/period";
import { requireReportReader } from "~/reports/complaint-report.server";
import { labelledEqualityReport } from "~/reports/equality-figures.server";
import { equalityPeriod } from "~/reports/equality-report";
import { londonDateOf } from "~/rules/calendar-dates";
import { PATHWAYS } from "~/rules/timescales";
import { recordStaffAudit } from "~/staff/staff-audit.server";
import { readsEqualityReports } from "~/staff/staff-roles";
import { lacksPrivilege } from "../../db/errors";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:childrens.title");

/** The characteristics source 002's equality section shows. */
const EQUALITY_SHOWN = ["sex", "ageBand", "ethnicGroup", "disability"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, staff } = await requireReportReader(request);
  const today = londonDateOf(new Date());
  const asked = new URL(request.url).searchParams.get("year");
  const year = financialYearAsked(new URL(request.url).searchParams.get("year"), today);
  const yearOptions = endedFinancialYears(today).map((each) => ({ value: String(each), label: financialYearName(each) }));
  if (year === undefined) {
    return data(
      { yearOptions, asked: (asked ?? "").slice(0, 8), errors: { year: "staff:childrens.error.year" } as Record<string, string>, report: null },
      { status: 400 }
    );
  }
  const sections = await cachedFigures(db, `childrens:${year}`, () => childrensReport(db, year));
  // The equality figures, from the equality report's suppressed tables for the year (children's process column).
  let equality: Array<{ characteristic: string; rows: Array<{ key: string; label: string; figure: number | null }> }> | null = null;
  if (readsEqualityReports(staff.role)) {
    const reports = await getReportsDb();
    const period = equalityPeriod(year, null);
    const labelled = await cachedFigures(db, `equality:${period.id}`, () => labelledEqualityReport(db, reports, period, today)).catch((error: unknown) => {
      if (lacksPrivilege(error)) {
        console.error("The children's report's equality figures cannot be counted as the web application's role: set DATABASE_REPORTS_URL (README).");
        return null;
      }
      throw error;
    });
    const column = PATHWAYS.indexOf("childrens");
    equality =
      labelled?.tables
        .filter((table) => EQUALITY_SHOWN.includes(table.characteristic))
        .sort((a, b) => EQUALITY_SHOWN.indexOf(a.characteristic) - EQUALITY_SHOWN.indexOf(b.characteristic))
        .map((table) => ({
          characteristic: table.characteristic,
          rows: table.rows.map((row) => ({ key: row.key, label: row.label, figure: row.pathways[column] ?? null })),
        })) ?? null;
  }
  // Why there are no equality figures: the reader may not see them, or they could not be counted.
  const equalityMissing = equality ? null : readsEqualityReports(staff.role) ? "staff:childrens.equality.unavailable" : "staff:childrens.equality.restricted";
  await recordStaffAudit(db, { staffId: staff.staffId, action: "viewed_childrens_report", detail: { year } });
  return {
    yearOptions,
    asked: String(year),
    errors: {} as Record<string, string>,
    report: { year, name: financialYearName(year), sections, equality, equalityMissing },
  };
}

function useWords() {
  const { t } = useTranslation();
  return (words: Words | { text: string }) => ("text" in words ? words.text : t(`staff:${words.key}`, words.params));
}

function Cell({ value }: { value: AnnualRow["cells"][number] }) {
  const say = useWords();
  if (typeof value === "number") return <>{value.toLocaleString("en-GB")}</>;
  if (typeof value === "string") return <>{value}</>;
  return <>{say(value)}</>;
}

export default function ChildrensAnnualReport() {
  const { yearOptions, asked, errors, report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const say = useWords();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{report ? t("staff:childrens.heading", { year: report.name }) : t("staff:childrens.title")}</h1>
      <p className="govuk-body">{t("staff:childrens.intro")}</p>
      <p className="govuk-body">{t("staff:reports.freshness")}</p>
      <Form method="get" noValidate className="council-no-print">
        <Select
          name="year"
          label={t("staff:childrens.year")}
          hint={t("staff:childrens.yearHint")}
          choose={t("staff:childrens.choose")}
          options={yearOptions}
          value={asked}
          error={errors.year}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("staff:childrens.show")}
        </button>
      </Form>
      {report ? (
        <>
          <p className="govuk-body council-no-print">
            <a className="govuk-link" href={`/staff/reports/childrens.csv?year=${report.year}`} download>
              {t("staff:childrens.csv")}
            </a>
          </p>
          <p className="govuk-body council-no-print">{t("staff:childrens.printHint")}</p>
          {report.sections.map((section) => (
            <section key={section.id} aria-labelledby={`${section.id}-heading`}>
              <h2 className="govuk-heading-m" id={`${section.id}-heading`}>
                {t(`staff:childrens.section.${section.id}`)}
              </h2>
              {section.paragraphs.map((paragraph) => (
                <p key={paragraph.key} className="govuk-body">
                  {say(paragraph)}
                </p>
              ))}
              {section.id === "equality" ? (
                report.equality ? (
                  report.equality.map((table) => (
                    <table key={table.characteristic} className="govuk-table">
                      <caption className="govuk-table__caption govuk-table__caption--s">
                        {t("staff:childrens.table.equality", { characteristic: t(`staff:equality.characteristic.${table.characteristic}`) })}
                      </caption>
                      <thead className="govuk-table__head">
                        <tr className="govuk-table__row">
                          <th scope="col" className="govuk-table__header">
                            {t("staff:childrens.column.answer")}
                          </th>
                          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                            {t("staff:childrens.column.complaints")}
                          </th>
                        </tr>
                      </thead>
                      <tbody className="govuk-table__body">
                        {table.rows.map((row) => (
                          <tr key={row.key} className="govuk-table__row">
                            <th scope="row" className="govuk-table__header">
                              {row.label}
                            </th>
                            <td className="govuk-table__cell govuk-table__cell--numeric">
                              <Figure value={row.figure} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ))
                ) : (
                  <p className="govuk-body">{t(report.equalityMissing ?? "staff:childrens.equality.restricted")}</p>
                )
              ) : null}
              {section.tables.map((table) => (
                <div key={table.id}>
                  {table.rows.length === 0 ? (
                    <p className="govuk-body">{t("staff:childrens.none", { table: t(`staff:childrens.table.${table.id}`) })}</p>
                  ) : (
                    <table className="govuk-table">
                      <caption className="govuk-table__caption govuk-table__caption--s">{t(`staff:childrens.table.${table.id}`)}</caption>
                      <thead className="govuk-table__head">
                        <tr className="govuk-table__row">
                          {table.columns.map((column, index) => (
                            <th
                              key={column}
                              scope="col"
                              className={`govuk-table__header${index > 0 && column !== "childrens.column.timescale" ? " govuk-table__header--numeric" : ""}`}
                            >
                              {t(`staff:${column}`)}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody className="govuk-table__body">
                        {table.rows.map((row, index) => (
                          <tr key={index} className="govuk-table__row">
                            <th scope="row" className={`govuk-table__header${row.total ? " council-total" : ""}`}>
                              {say(row.label)}
                            </th>
                            {row.cells.map((cell, column) => (
                              <td
                                key={column}
                                className={`govuk-table__cell${typeof cell === "object" ? "" : " govuk-table__cell--numeric"}${
                                  row.total ? " council-total" : ""
                                }`}
                              >
                                <Cell value={cell} />
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {table.note ? <p className="govuk-body-s">{say(table.note)}</p> : null}
                </div>
              ))}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
