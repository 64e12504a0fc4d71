// Logging a complaint received offline (issue 11, item 3): by phone, letter, email or in person. Complaints
// officers and managers type in what the person told them; the complaint then goes to triage like any other, its
// deadlines counted from the day it reached the council. Anyone else: 404.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateInput, ErrorSummary, Radios, Select, TextArea, TextInput } from "~/components/form-fields";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { NATIVE_LANGUAGE_NAMES } from "~/i18n/language-names";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { actsOnComplaints } from "~/staff/casework";
import { OFFLINE_CHANNELS, OFFLINE_TEXT_LIMIT, readOfflineForm } from "~/staff/offline-complaint";
import { logOfflineComplaint } from "~/staff/offline-complaint.server";
import { queueServiceAreas } from "~/staff/queue.server";
import { requireStaff } from "~/staff/staff-page.server";
import { isUuid } from "~/forms/uuid";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "staff:offline.title");


async function officer(request: Request) {
  const signedIn = await requireStaff(request);
  if (!actsOnComplaints(signedIn.staff.role)) throw new Response("Not found", { status: 404 });
  return signedIn;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await officer(request);
  return {
    formId: randomUUID(),
    services: await queueServiceAreas(db),
    texts: textsFor("en", [...CHARACTER_COUNT_TEXTS, "errors.form.date.day", "errors.form.date.month", "errors.form.date.year", "errors.form.controlCharacters", "errors.form.oneLine"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, staff } = await officer(request);
  const posted = await readFormEntries(request);
  const formId = posted.get("formId") ?? "";
  if (!isUuid(formId)) throw new Response("Bad form", { status: 400 });
  const services = await queueServiceAreas(db);
  const values = Object.fromEntries([...posted].map(([name, value]) => [name, value.slice(0, OFFLINE_TEXT_LIMIT + 1000)]));
  const read = readOfflineForm(posted, services.map((service) => service.slug), londonDateOf(new Date()));
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const logged = await logOfflineComplaint(db, staff, formId, read.input);
  return redirect(`/staff/complaints/${logged.reference}?done=logged`, 303);
}

export default function StaffLogOffline() {
  const { formId, services } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff" className="govuk-back-link">
          {t("staff:case.back")}
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("staff:offline.title")}</h1>
        <p className="govuk-body">{t("staff:offline.intro")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="formId" value={values.formId ?? formId} />
          <Radios name="channel" legend={t("staff:offline.channel")} value={values.channel} error={errors.channel}
            options={OFFLINE_CHANNELS.map((channel) => ({ value: channel, label: t(`staff:offline.channelName.${channel}`) }))} />
          <DateInput name="receivedOn" legend={t("staff:offline.receivedOn")} hint={t("staff:offline.receivedOnHint")} values={values} error={errors.receivedOn} />
          <Select name="serviceArea" label={t("staff:offline.serviceArea")} choose={t("staff:offline.choose")} value={values.serviceArea} error={errors.serviceArea}
            options={services.map((service) => ({ value: service.slug, label: service.name }))} />
          <h2 className="govuk-heading-m">{t("staff:offline.personHeading")}</h2>
          <TextInput name="name" label={t("staff:offline.name")} value={values.name} error={errors.name} autoComplete="off" />
          <TextInput name="email" label={t("staff:offline.email")} hint={t("staff:offline.contactHint")} value={values.email} error={errors.email} type="email" autoComplete="off" spellCheck={false} />
          <TextInput name="phone" label={t("staff:offline.phone")} value={values.phone} error={errors.phone} type="tel" autoComplete="off" />
          <TextArea name="address" label={t("staff:offline.address")} value={values.address} error={errors.address} maxLength={1000} rows={4} />
          <Select name="language" label={t("staff:offline.language")} hint={t("staff:offline.languageHint")} choose={t("staff:offline.choose")} value={values.language ?? "en"} error={errors.language}
            options={LANGUAGE_CODES.map((code) => ({ value: code, label: NATIVE_LANGUAGE_NAMES[code] }))} />
          <h2 className="govuk-heading-m">{t("staff:offline.complaintHeading")}</h2>
          <TextArea name="whatWentWrong" label={t("staff:case.whatWentWrong")} value={values.whatWentWrong} error={errors.whatWentWrong} maxLength={OFFLINE_TEXT_LIMIT} rows={8} />
          <TextArea name="howAffected" label={t("staff:case.howAffected")} value={values.howAffected} error={errors.howAffected} maxLength={OFFLINE_TEXT_LIMIT} rows={5} />
          <TextArea name="outcomeWanted" label={t("staff:case.outcomeWanted")} value={values.outcomeWanted} error={errors.outcomeWanted} maxLength={OFFLINE_TEXT_LIMIT} rows={5} />
          <button type="submit" className="govuk-button">
            {t("staff:offline.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
