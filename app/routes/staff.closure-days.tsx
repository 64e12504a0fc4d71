// The council's closure days (issue 11, item 3; RULES §1): a manager adds a day the council is closed, or a bank
// holiday announced after the portal's list was made, and every working-day date moves; or removes one not yet
// passed. The bank holidays the portal already knows are listed beside them. Anyone but a manager: 404.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DateInput, ErrorSummary, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { mergeTexts } from "~/i18n/page-texts";
import { namespaceTexts, textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { bankHolidaysInYear } from "~/rules/bank-holidays";
import { isIsoDate, londonDateOf, yearOf } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { CLOSURE_NAME_LIMIT, readClosureDayForm } from "~/staff/closure-days";
import { addClosureDay, closureDaysFrom, removeClosureDay } from "~/staff/closure-days.server";
import { requireStaffManager } from "~/staff/staff-page.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:closures.title");

const DONE = ["added", "removed"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireStaffManager(request);
  const today = londonDateOf(new Date());
  const done = new URL(request.url).searchParams.get("done");
  const closures = await closureDaysFrom(db, today);
  const bankHolidays = [yearOf(today), yearOf(today) + 1].flatMap((year) => bankHolidaysInYear(year)).filter((holiday) => holiday.date >= today);
  return {
    closures: closures.map((closure) => ({ day: closure.day, date: formatIsoDate(closure.day, "en-GB"), name: closure.name, by: closure.by || closure.byEmail })),
    bankHolidays: bankHolidays.map((holiday) => ({ date: formatIsoDate(holiday.date, "en-GB"), name: holiday.name })),
    done: DONE.find((known) => known === done) ?? null,
    texts: mergeTexts(textsFor("en", ["errors.form.date.day", "errors.form.date.month", "errors.form.date.year"]), namespaceTexts("en", "rules", ["bankHoliday"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, staff } = await requireStaffManager(request);
  const posted = await readFormEntries(request);
  const today = londonDateOf(new Date());
  if (posted.get("intent") === "remove") {
    const day = posted.get("day") ?? "";
    if (!isIsoDate(day) || !(await removeClosureDay(db, staff, day, today))) return data({ errors: { day: "staff:closures.error.notRemovable" }, values: {} as Record<string, string> }, { status: 409 });
    return redirect("/staff/closure-days?done=removed", 303);
  }
  const values: Record<string, string> = { name: (posted.get("name") ?? "").slice(0, CLOSURE_NAME_LIMIT + 100) };
  for (const part of ["day", "month", "year"]) values[`day-${part}`] = (posted.get(`day-${part}`) ?? "").slice(0, 8);
  const read = readClosureDayForm(posted, today);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  if (!(await addClosureDay(db, staff, read.input, today))) return data({ errors: { day: "staff:closures.error.exists" }, values }, { status: 409 });
  return redirect("/staff/closure-days?done=added", 303);
}

export default function StaffClosureDays() {
  const { closures, bankHolidays, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading" id="done-title">
                {t(`staff:closures.done.${done}`)}
              </p>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("staff:closures.title")}</h1>
        <p className="govuk-body">{t("staff:closures.intro")}</p>
        <h2 className="govuk-heading-m">{t("staff:closures.current")}</h2>
        {closures.length === 0 ? (
          <p className="govuk-body">{t("staff:closures.none")}</p>
        ) : (
          <ul className="govuk-list">
            {closures.map((closure) => (
              <li key={closure.day}>
                <Form method="post">
                  {t("staff:closures.item", { date: closure.date, name: closure.name, by: closure.by })}{" "}
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="day" value={closure.day} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    {t("staff:closures.remove")}
                    <span className="govuk-visually-hidden"> {closure.date}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <h2 className="govuk-heading-m">{t("staff:closures.addHeading")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <DateInput name="day" legend={t("staff:closures.day")} hint={t("staff:closures.dayHint")} values={values} error={errors.day} />
          <TextInput name="name" label={t("staff:closures.name")} hint={t("staff:closures.nameHint")} value={values.name} error={errors.name} autoComplete="off" />
          <button type="submit" className="govuk-button">
            {t("staff:closures.button")}
          </button>
        </Form>
        <h2 className="govuk-heading-m">{t("staff:closures.bankHolidays")}</h2>
        <ul className="govuk-list">
          {bankHolidays.map((holiday) => (
            <li key={holiday.date}>
              {holiday.date}: {t(`rules:bankHoliday.${holiday.name}`)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
