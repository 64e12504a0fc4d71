// Triage's record of what a complaint is about (issue 11, item 3): the team and the categories of concern, several
// per complaint, as the annual reports count them. Changed as often as the picture changes; each change audited.
// Complaints officers and managers only; anyone else: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { CONCERN_CATEGORIES, readClassificationForm, TEAM_LIMIT } from "~/staff/classification";
import { classificationOf, classifyComplaint, teamsInUse } from "~/staff/case-records.server";
import { requireComplaintToActOn } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:classify.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, row } = await requireComplaintToActOn(request, params.reference);
  const [current, teams] = await Promise.all([classificationOf(db, row.id), teamsInUse(db)]);
  return { reference: row.reference, values: { team: current?.team ?? "" }, categories: current?.categories ?? [], teams };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, staff, row } = await requireComplaintToActOn(request, params.reference);
  const posted = await readFormEntries(request);
  const read = readClassificationForm(posted);
  if (!read.ok) {
    const chosen = posted.getAll("categories").filter((category) => (CONCERN_CATEGORIES as readonly string[]).includes(category));
    return data({ errors: read.errors, values: { team: (posted.get("team") ?? "").slice(0, TEAM_LIMIT + 100) }, categories: chosen }, { status: 400 });
  }
  await classifyComplaint(db, staff, row.id, read.input);
  return redirect(`/staff/complaints/${row.reference}?done=classified`, 303);
}

export default function StaffClassify() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? loaded.values;
  const categories: readonly string[] = actionData?.categories ?? loaded.categories;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/complaints/${loaded.reference}`} className="govuk-back-link">
          {loaded.reference}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{loaded.reference}</span>
        <h1 className="govuk-heading-l">{t("staff:classify.title")}</h1>
        <Form method="post" noValidate>
          <TextInput name="team" label={t("staff:classify.team")} hint={t("staff:classify.teamHint")} value={values.team} error={errors.team} suggestions={loaded.teams} autoComplete="off" />
          <Checkboxes name="categories" legend={t("staff:classify.categories")} hint={t("staff:classify.categoriesHint")} values={categories} error={errors.categories}
            options={CONCERN_CATEGORIES.map((category) => ({ value: category, label: t(`staff:classify.category.${category}`) }))} />
          <button type="submit" className="govuk-button">
            {t("staff:classify.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
