// The Complaint Handling Code self-assessment (issue 12, item 3): for a financial year, each section of the Code
// (the council's data file) with the portal's evidence beside the year before, and the council's commentary,
// which managers write. Complaints officers and managers read it; anyone else: 404. Prints on A4.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Select } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { ComparisonTable } from "~/reports/comparison-table";
import { cachedFigures } from "~/reports/figures-cache.server";
import { requireReportReader } from "~/reports/complaint-report.server";
import { endedFinancialYears, financialYearAsked, financialYearName } from "~/reports/period";
import { CODE_SECTIONS } from "~/reports/self-assessment";
import { commentaryFor, selfAssessmentEvidence } from "~/reports/self-assessment.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { managesStaff } from "~/staff/staff-roles";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:selfAssessment.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, staff } = await requireReportReader(request);
  const today = londonDateOf(new Date());
  const asked = new URL(request.url).searchParams.get("year");
  const year = financialYearAsked(asked, today);
  const yearOptions = endedFinancialYears(today).map((each) => ({ value: String(each), label: financialYearName(each) }));
  if (year === undefined) {
    return data({ yearOptions, asked: (asked ?? "").slice(0, 8), errors: { year: "staff:selfAssessment.error.year" } as Record<string, string>, report: null }, { status: 400 });
  }
  const [evidence, commentary] = await Promise.all([cachedFigures(db, `self-assessment:${year}`, () => selfAssessmentEvidence(db, year)), commentaryFor(db, year)]);
  return {
    yearOptions,
    asked: String(year),
    errors: {} as Record<string, string>,
    report: {
      year,
      name: financialYearName(year),
      before: financialYearName(year - 1),
      writes: managesStaff(staff.role),
      sections: CODE_SECTIONS.map((section) => {
        const written = commentary.get(section.id);
        return {
          ...section,
          tables: section.evidence.flatMap((id) => evidence.get(id) ?? []),
          commentary: written ? { text: written.commentary, by: written.by, on: written.updatedAt.toLocaleDateString("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }) } : null,
        };
      }),
    },
  };
}

export default function SelfAssessment() {
  const { yearOptions, asked, errors, report } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{report ? t("staff:selfAssessment.heading", { year: report.name }) : t("staff:selfAssessment.title")}</h1>
      <p className="govuk-body">{t("staff:selfAssessment.intro")}</p>
      <p className="govuk-body">{t("staff:reports.freshness")}</p>
      <Form method="get" noValidate className="council-no-print">
        <Select name="year" label={t("staff:selfAssessment.year")} hint={t("staff:selfAssessment.yearHint")} choose={t("staff:selfAssessment.choose")} options={yearOptions} value={asked} error={errors.year} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("staff:selfAssessment.show")}
        </button>
      </Form>
      {report ? (
        <>
          <p className="govuk-body council-no-print">{t("staff:reports.printHint")}</p>
          {report.sections.map((section) => (
            <section key={section.id} aria-labelledby={`section-${section.id}-heading`}>
              <h2 className="govuk-heading-m" id={`section-${section.id}-heading`}>
                {t("staff:selfAssessment.sectionHeading", { id: section.id, title: section.title })}
              </h2>
              {section.tables.length === 0 ? <p className="govuk-body">{t("staff:selfAssessment.noEvidence")}</p> : null}
              {section.tables.map((table) =>
                table.rows.length === 0 ? (
                  <p key={table.id} className="govuk-body">
                    {t("staff:selfAssessment.emptyTable", { title: t(`staff:selfAssessment.table.${table.id}`) })}
                  </p>
                ) : (
                  <ComparisonTable
                    key={table.id}
                    caption={t(`staff:selfAssessment.table.${table.id}`)}
                    rowHeading={t("staff:selfAssessment.evidence")}
                    nowLabel={report.name}
                    beforeLabel={report.before}
                    rows={table.rows}
                  />
                ),
              )}
              <h3 className="govuk-heading-s">{t("staff:selfAssessment.commentary")}</h3>
              {section.commentary ? (
                <>
                  <p className="govuk-body council-pre-wrap">{section.commentary.text}</p>
                  <p className="govuk-body-s">{t("staff:selfAssessment.written", { by: section.commentary.by, on: section.commentary.on })}</p>
                </>
              ) : (
                <p className="govuk-body">{t("staff:selfAssessment.noCommentary")}</p>
              )}
              {report.writes ? (
                <p className="govuk-body council-no-print">
                  <Link className="govuk-link" to={`/staff/reports/self-assessment/${report.year}/${section.id}`}>
                    {t(section.commentary ? "staff:selfAssessment.change" : "staff:selfAssessment.add")}
                    <span className="govuk-visually-hidden"> {t("staff:selfAssessment.forSection", { id: section.id, title: section.title })}</span>
                  </Link>
                </p>
              ) : null}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
