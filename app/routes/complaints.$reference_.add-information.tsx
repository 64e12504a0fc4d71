import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CaseChangeError } from "~/cases/case-service.server";
import { addInformation, currentProgress, formIdentity, refusal, requireOwnComplaint } from "~/cases/resident-actions.server";
import { fieldErrors, informationSchema } from "~/cases/resident-forms";
import { TEXT_LIMIT } from "~/cases/resident-limits";
import { TextArea } from "~/components/form-fields";
import { ResidentFormPage } from "~/components/resident-form-page";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.addInformation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const { complaint, progress } = await currentProgress(own);
  return {
    reference: own.reference,
    version: complaint.version,
    formId: randomUUID(),
    open: progress.open,
    texts: textsFor(own.locale, ["account.addInformation", "account.escalate.backToComplaint", "account.stale", ...CHARACTER_COUNT_TEXTS]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const posted = await readFormEntries(request);
  const { formId, version } = formIdentity(posted);
  const values = { message: (posted.get("message") ?? "").slice(0, 10_000) };
  const parsed = informationSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error.issues), values, refused: null }, { status: 400 });
  const result = await addInformation(own, parsed.data.message, formId, version);
  if (result instanceof CaseChangeError) {
    const refused = refusal(result);
    return data({ errors: {}, values, refused: refused.refused }, { status: refused.status });
  }
  return redirect(`/complaints/${own.reference}?done=information`, 303);
}

export default function AddInformationPage() {
  const { reference, version, formId, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <ResidentFormPage reference={reference} errors={errors} refused={actionData?.refused ?? (open ? null : "not_available")}
      title={t("account.addInformation.title")} unavailable={t("account.addInformation.closed")} formId={formId} version={version}>
      <p className="govuk-body">{t("account.addInformation.intro")}</p>
      <TextArea name="message" label={t("account.addInformation.message.label")} value={actionData?.values.message} error={errors.message}
        maxLength={TEXT_LIMIT} rows={8} />
      <button type="submit" className="govuk-button">
        {t("account.addInformation.send")}
      </button>
    </ResidentFormPage>
  );
}
