import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorSummary, fieldId, Radios, TextArea, TextInput } from "~/components/form-fields";
import { useCheckedForm } from "~/components/use-checked-form";
import { translatedTitle } from "~/components/page-title";
import { journeyContext, readForm } from "~/journey/journey.server";
import { complimentSchema } from "~/models/compliment-form";
import { saveCompliment } from "~/models/compliments.server";
import { findServiceArea, listServiceAreas } from "~/models/service-areas.server";
import { textsFor } from "~/i18n/page-texts.server";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { clientKey, rateLimitsFor, TOO_MANY, tooManyRequests, withRetryAfter } from "~/http/rate-limits.server";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "compliment.title");

const FIELDS = ["kind", "serviceArea", "team", "message", "name", "email"] as const;

function errorsOf(values: Record<string, string>): Record<string, string> {
  const parsed = complimentSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, locale } = await journeyContext(request);
  const areas = await listServiceAreas(db, locale);
  return { areas: areas.map((area) => ({ value: area.slug, label: area.name })), texts: textsFor(locale, ["compliment", ...CHARACTER_COUNT_TEXTS]) };
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const posted = await readForm(request);
  const values = Object.fromEntries(FIELDS.map((name) => [name, (posted[name] ?? "").slice(0, 10_000)]));
  const { db, locale } = await journeyContext(request);
  const errors = errorsOf(values);
  if (values.serviceArea && !(await findServiceArea(db, values.serviceArea, locale))) errors.serviceArea = "compliment.serviceArea.error";
  if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
  const limited = await rateLimitsFor(db).consume([["compliments-per-client", clientKey(loadContext)]]);
  if (!limited.ok) return tooManyRequests(limited, { errors: { message: TOO_MANY }, values });
  const reference = await saveCompliment(db, complimentSchema.parse(values), locale);
  return redirect(`/compliment/thank-you?reference=${reference}`, 303);
}

export default function ComplimentPage() {
  const { areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = actionData?.values ?? {};
  const { register, errors, onSubmit } = useCheckedForm({
    check: errorsOf,
    defaultValues: values,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("compliment.title")}</h1>
        <p className="govuk-body">{t("compliment.intro")}</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <Radios name="kind" legend={t("compliment.kind.legend")} value={values.kind} error={errors.kind}
            options={[
              { value: "compliment", label: t("compliment.kind.compliment") },
              { value: "comment", label: t("compliment.kind.comment") },
            ]}
            register={register} />
          <div className={`govuk-form-group${errors.serviceArea ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--m" htmlFor={fieldId("serviceArea")}>
              {t("compliment.serviceArea.label")}
            </label>
            {errors.serviceArea ? (
              <p id="serviceArea-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">{t("errors.form.prefix")}</span> {t(errors.serviceArea)}
              </p>
            ) : null}
            <select className="govuk-select" id={fieldId("serviceArea")} defaultValue={values.serviceArea ?? ""}
              aria-describedby={errors.serviceArea ? "serviceArea-error" : undefined} {...register("serviceArea")}>
              <option value="">{t("compliment.serviceArea.notSure")}</option>
              {areas.map((area) => (
                <option key={area.value} value={area.value}>
                  {area.label}
                </option>
              ))}
            </select>
          </div>
          <TextInput name="team" label={t("compliment.team.label")} hint={t("compliment.team.hint")} value={values.team}
            error={errors.team} register={register} />
          <TextArea name="message" label={t("compliment.message.label")} value={values.message} error={errors.message}
            maxLength={5000} rows={6} register={register} />
          <TextInput name="name" label={t("compliment.name.label")} value={values.name} error={errors.name}
            autoComplete="name" spellCheck={false} register={register} />
          <TextInput name="email" label={t("compliment.email.label")} hint={t("compliment.email.hint")} value={values.email}
            error={errors.email} type="email" autoComplete="email" spellCheck={false} register={register} />
          <button type="submit" className="govuk-button">
            {t("compliment.send")}
          </button>
        </Form>
      </div>
    </div>
  );
}
