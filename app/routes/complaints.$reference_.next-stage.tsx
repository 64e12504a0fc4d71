import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { CaseProgress } from "~/cases/case-progress";
import { escalationSchema, fieldErrors, lateEscalationSchema } from "~/cases/resident-forms";
import { TEXT_LIMIT } from "~/cases/resident-limits";
import { askForNextStage, currentProgress, formIdentity, recordedByForm, refusal, requireOwnComplaint } from "~/cases/resident-actions.server";
import { CaseChangeError } from "~/cases/case-service.server";
import { Checkboxes } from "~/components/checkboxes";
import { Radios, TextArea } from "~/components/form-fields";
import { ResidentFormPage } from "~/components/resident-form-page";
import { translatedTitle } from "~/components/page-title";
import { languageFor } from "~/i18n/languages";
import { textsFor } from "~/i18n/page-texts.server";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { serverT } from "~/i18n/translate.server";
import { useTranslation } from "~/i18n/use-translation";
import { readFormEntries } from "~/journey/journey.server";
import { ESCALATION_GROUNDS, LATE_ESCALATION_REASONS } from "~/rules/escalation";
import { formatIsoDate } from "~/rules/explanations";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.escalate.heading");

/** In time or late (§14.2, §14.4), as the rules say today: never as the form says. */
function requestKind(progress: CaseProgress) {
  const next = progress.nextStage;
  return next.kind === "in_time" || next.kind === "late" ? next : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const { complaint, progress } = await currentProgress(own);
  const t = serverT(own.locale);
  const tag = languageFor(own.locale).tag;
  const kind = requestKind(progress);
  return {
    reference: own.reference,
    version: complaint.version,
    formId: randomUUID(),
    request: kind
      ? {
          late: kind.kind === "late",
          stage: kind.window.nextStage,
          requestBy: formatIsoDate(kind.window.requestBy, tag),
          lateRequestBy: kind.window.lateRequestBy ? formatIsoDate(kind.window.lateRequestBy, tag) : "",
        }
      : null,
    grounds: ESCALATION_GROUNDS.map((value) => ({ value, label: t(`rules:escalation.grounds.${value}`) })),
    lateReasons: LATE_ESCALATION_REASONS.map((value) => ({ value, label: t(`rules:escalation.lateReasons.${value}`) })),
    texts: textsFor(own.locale, ["account.escalate", "account.stale", ...CHARACTER_COUNT_TEXTS]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const own = await requireOwnComplaint(request, params.reference);
  const posted = await readFormEntries(request);
  const { formId, version } = formIdentity(posted);
  const values = {
    grounds: posted.getAll("grounds").slice(0, ESCALATION_GROUNDS.length),
    unresolved: (posted.get("unresolved") ?? "").slice(0, 10_000),
    outcomeWanted: (posted.get("outcomeWanted") ?? "").slice(0, 10_000),
    lateReason: (posted.get("lateReason") ?? "").slice(0, 100),
    lateExplanation: (posted.get("lateExplanation") ?? "").slice(0, 10_000),
  };
  // The same form posted twice (a double click, a retry): what the first did, once.
  const earlier = await recordedByForm(own, formId);
  if (earlier) return redirect(`/complaints/${own.reference}?done=${earlier === "late_escalation_requested" ? "late" : "escalated"}`, 303);
  const { progress } = await currentProgress(own);
  const kind = requestKind(progress);
  if (!kind) return data({ errors: {}, values, refused: "not_available" as const }, { status: 409 });
  const parsed = kind.kind === "late" ? lateEscalationSchema.safeParse(values) : escalationSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error.issues), values, refused: null }, { status: 400 });
  const late = kind.kind === "late" ? lateEscalationSchema.parse(values) : null;
  const form = parsed.data;
  const result = await askForNextStage(
    own,
    { grounds: form.grounds, unresolved: form.unresolved, outcomeWanted: form.outcomeWanted, ...(late ? { late: { lateReason: late.lateReason, lateExplanation: late.lateExplanation } } : {}) },
    formId,
    version,
    kind.window.nextStage as 2 | 3,
  );
  if (result instanceof CaseChangeError) {
    const refused = refusal(result);
    return data({ errors: {}, values, refused: refused.refused }, { status: refused.status });
  }
  const done = result.event.type === "late_escalation_requested" ? "late" : "escalated";
  return redirect(`/complaints/${own.reference}?done=${done}`, 303);
}

export default function NextStagePage() {
  const { reference, version, formId, request, grounds, lateReasons } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <ResidentFormPage reference={reference} errors={errors} refused={actionData?.refused ?? (request ? null : "not_available")}
      title={request ? t("account.escalate.title", { stage: request.stage }) : t("account.escalate.heading")}
      unavailable={t("account.escalate.notAvailable")} formId={formId} version={version}>
      {request ? (
        <>
          <p className="govuk-body">{t("account.escalate.intro", { stage: request.stage })}</p>
          <p className="govuk-body">
            {request.late ? t("account.escalate.lateIntro", { date: request.lateRequestBy }) : t("account.escalate.deadline", { date: request.requestBy })}
          </p>
          {request.late ? (
            <>
              <Radios name="lateReason" legend={t("account.escalate.lateReason.legend")} options={lateReasons} value={values?.lateReason} error={errors.lateReason} />
              <TextArea name="lateExplanation" label={t("account.escalate.lateExplanation.label")} hint={t("account.escalate.lateExplanation.hint")}
                value={values?.lateExplanation} error={errors.lateExplanation} maxLength={TEXT_LIMIT} />
            </>
          ) : null}
          <Checkboxes name="grounds" legend={t("account.escalate.grounds.legend")} hint={t("account.escalate.grounds.hint")} options={grounds}
            values={values?.grounds ?? []} error={errors.grounds} />
          <TextArea name="unresolved" label={t("account.escalate.unresolved.label")} value={values?.unresolved} error={errors.unresolved} maxLength={TEXT_LIMIT} />
          <TextArea name="outcomeWanted" label={t("account.escalate.outcomeWanted.label")} value={values?.outcomeWanted} error={errors.outcomeWanted} maxLength={TEXT_LIMIT} />
          <button type="submit" className="govuk-button">
            {t("account.escalate.send")}
          </button>
        </>
      ) : null}
    </ResidentFormPage>
  );
}
