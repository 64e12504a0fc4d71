import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CaseChangeError } from "~/cases/case-service.server";
import { readInformationForm, unreadForm, type FormError } from "~/cases/information-form.server";
import { addInformation, currentProgress, formIdentity, refusal, requireOwnComplaint } from "~/cases/resident-actions.server";
import { fieldErrors, INFORMATION_REQUIRED, informationSchema } from "~/cases/resident-forms";
import { TEXT_LIMIT } from "~/cases/resident-limits";
import { fieldId, TextArea } from "~/components/form-fields";
import { ResidentFormPage } from "~/components/resident-form-page";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { clientKey, withRetryAfter } from "~/http/rate-limits.server";
import { discardReceivedFiles } from "~/uploads/attachments.server";
import { FILE_ACCEPT } from "~/uploads/file-type";

export const headers = withRetryAfter;

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.addInformation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const { complaint, progress } = await currentProgress(own);
  return {
    reference: own.reference,
    version: complaint.version,
    formId: randomUUID(),
    open: progress.open,
    texts: textsFor(own.locale, ["account.addInformation", "account.escalate.backToComplaint", "complaint.files.hint", "complaint.files.error", "account.stale", ...CHARACTER_COUNT_TEXTS]),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const form = await readInformationForm(own, request, clientKey(context));
  if (!form.ok) return unreadForm(form);
  try {
    const { formId, version } = formIdentity(form.fields);
    const values = { message: (form.fields.get("message") ?? "").slice(0, 10_000) };
    const parsed = informationSchema.safeParse(values);
    if (!parsed.success) return data({ errors: itemsOf(fieldErrors(parsed.error.issues)), values, refused: null }, { status: 400 });
    // A message or a file: either is enough (item 5).
    if (parsed.data.message === "" && form.files.length === 0) {
      return data({ errors: itemsOf({ message: INFORMATION_REQUIRED }), values, refused: null }, { status: 400 });
    }
    const result = await addInformation(own, parsed.data.message, form.files, formId, version);
    if (result instanceof CaseChangeError) {
      const refused = refusal(result);
      return data({ errors: [] as FormError[], values, refused: refused.refused }, { status: refused.status });
    }
    return redirect(`/complaints/${own.reference}?done=information`, 303);
  } finally {
    // Files kept with the event stay; any other (a refused or repeated form) goes.
    await discardReceivedFiles(own.db, form.files);
  }
}

const itemsOf = (errors: Record<string, string>): FormError[] => Object.entries(errors).map(([field, key]) => ({ field, key }));

export default function AddInformationPage() {
  const { reference, version, formId, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors ?? [];
  const messageError = errors.find((error) => error.field === "message")?.key;
  const fileErrors = errors.filter((error) => error.field === "files");
  return (
    <ResidentFormPage reference={reference} errors={errors} refused={actionData?.refused ?? (open ? null : "not_available")}
      title={t("account.addInformation.title")} unavailable={t("account.addInformation.closed")} formId={formId} version={version}
      encType="multipart/form-data">
      <p className="govuk-body">{t("account.addInformation.intro")}</p>
      <TextArea name="message" label={t("account.addInformation.message.label")} value={actionData?.values.message} error={messageError}
        maxLength={TEXT_LIMIT} rows={8} />
      <div className={`govuk-form-group${fileErrors.length > 0 ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--m" htmlFor={fieldId("files")}>
          {t("account.addInformation.files.label")}
        </label>
        <div id="files-hint" className="govuk-hint">
          {t("complaint.files.hint")}
        </div>
        {fileErrors.map((error, index) => (
          <p key={`${error.key}${index}`} id={index === 0 ? "files-error" : undefined} className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("errors.form.prefix")}</span> {t(error.key, error.params)}
          </p>
        ))}
        <input className={`govuk-file-upload${fileErrors.length > 0 ? " govuk-file-upload--error" : ""}`} id={fieldId("files")}
          name="files" type="file" multiple accept={FILE_ACCEPT}
          aria-describedby={fileErrors.length > 0 ? "files-hint files-error" : "files-hint"} />
      </div>
      <button type="submit" className="govuk-button">
        {t("account.addInformation.send")}
      </button>
    </ResidentFormPage>
  );
}
