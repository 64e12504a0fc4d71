// The council's commentary on one section of its Complaint Handling Code self-assessment for a year (issue 12,
// item 3): one text box, empty to clear it. Managers only; anyone else, or a year or section not on offer: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextArea } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { financialYearName, endedFinancialYears } from "~/reports/period";
import { codeSection, COMMENTARY_LIMIT, readCommentary } from "~/reports/self-assessment";
import { commentaryFor, saveCommentary } from "~/reports/self-assessment.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { requireStaffManager } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:selfAssessment.editTitle");

async function requireSection(request: Request, params: LoaderFunctionArgs["params"]) {
  const signedIn = await requireStaffManager(request);
  const year = endedFinancialYears(londonDateOf(new Date())).find((each) => String(each) === params.year);
  const section = codeSection(params.section);
  if (year === undefined || !section) throw new Response("Not found", { status: 404 });
  return { ...signedIn, year, section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, year, section } = await requireSection(request, params);
  const written = (await commentaryFor(db, year)).get(section.id);
  return { year, yearName: financialYearName(year), section, commentary: written?.commentary ?? "", texts: textsFor("en", CHARACTER_COUNT_TEXTS) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, year, section } = await requireSection(request, params);
  const posted = await readFormEntries(request);
  const read = readCommentary(posted);
  if (!read.ok) return data({ errors: read.errors, commentary: (posted.get("commentary") ?? "").slice(0, COMMENTARY_LIMIT + 1000) }, { status: 400 });
  await saveCommentary(db, staff, year, section.id, read.commentary);
  return redirect(`/staff/reports/self-assessment?year=${year}#section-${section.id}-heading`, 303);
}

export default function SelfAssessmentCommentary() {
  const { year, yearName, section, commentary } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/reports/self-assessment?year=${year}`} className="govuk-back-link">
          {t("staff:selfAssessment.back")}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{t("staff:selfAssessment.heading", { year: yearName })}</span>
        <h1 className="govuk-heading-l">{t("staff:selfAssessment.sectionHeading", { id: section.id, title: section.title })}</h1>
        <Form method="post" noValidate>
          <TextArea
            name="commentary"
            label={t("staff:selfAssessment.commentaryLabel")}
            hint={t("staff:selfAssessment.commentaryHint")}
            value={actionData?.commentary ?? commentary}
            error={errors.commentary}
            maxLength={COMMENTARY_LIMIT}
            rows={10}
          />
          <button type="submit" className="govuk-button">
            {t("staff:selfAssessment.save")}
          </button>
        </Form>
      </div>
    </div>
  );
}
