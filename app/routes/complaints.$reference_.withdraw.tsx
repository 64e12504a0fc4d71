import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseChangeError } from "~/cases/case-service.server";
import { currentProgress, formIdentity, refusal, requireOwnComplaint, withdraw } from "~/cases/resident-actions.server";
import { fieldErrors, withdrawalSchema } from "~/cases/resident-forms";
import { TEXT_LIMIT } from "~/cases/resident-limits";
import { TextArea } from "~/components/form-fields";
import { ResidentFormPage } from "~/components/resident-form-page";
import { translatedTitle } from "~/components/page-title";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { textsFor } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.withdraw.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const { complaint, progress } = await currentProgress(own);
  return {
    reference: own.reference,
    version: complaint.version,
    formId: randomUUID(),
    open: progress.open,
    texts: textsFor(own.locale, ["account.withdraw", "account.escalate.backToComplaint", "account.stale", ...CHARACTER_COUNT_TEXTS]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const posted = await readFormEntries(request);
  const { formId, version } = formIdentity(posted);
  const values = { reason: (posted.get("reason") ?? "").slice(0, 10_000) };
  const parsed = withdrawalSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error.issues), values, refused: null }, { status: 400 });
  const result = await withdraw(own, parsed.data.reason, formId, version);
  if (result instanceof CaseChangeError) {
    const refused = refusal(result);
    return data({ errors: {}, values, refused: refused.refused }, { status: refused.status });
  }
  return redirect(`/complaints/${own.reference}?done=withdrawn`, 303);
}

export default function WithdrawPage() {
  const { reference, version, formId, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <ResidentFormPage reference={reference} errors={errors} refused={actionData?.refused ?? (open ? null : "not_available")}
      title={t("account.withdraw.title")} unavailable={t("account.withdraw.closed")} formId={formId} version={version}>
      <p className="govuk-body">{t("account.withdraw.intro")}</p>
      <TextArea name="reason" label={t("account.withdraw.reason.label")} hint={t("account.withdraw.reason.hint")} value={actionData?.values.reason}
        error={errors.reason} maxLength={TEXT_LIMIT} rows={4} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          {t("account.withdraw.confirm")}
        </button>
        <Link className="govuk-link" to={`/complaints/${reference}`}>
          {t("account.withdraw.cancel")}
        </Link>
      </div>
    </ResidentFormPage>
  );
}
