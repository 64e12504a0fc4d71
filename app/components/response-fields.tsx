// The stage response's fields (RULES §7, §13.13–13.17, §15): the outcome and reasons, and for an upheld complaint the
// apology, the remedies, any payment and the actions with their dates. Shared by the page that sends a response and
// the page where an investigating officer drafts one.
import { Checkboxes } from "~/components/checkboxes";
import { DateInput, Radios, TextArea, TextInput } from "~/components/form-fields";
import { useTranslation } from "~/i18n/use-translation";
import { OUTCOMES, REMEDIES } from "~/rules/stage-outcomes";
import { ACTION_LIMIT, ACTION_ROWS, APOLOGY_LIMIT, REASONS_LIMIT } from "~/staff/response-form";

type Fields = Record<string, string>;

export function ResponseFields({ values, remedies, errors }: { values: Fields; remedies: string[]; errors: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <Radios name="outcome" legend={t("staff:action.respond.outcome")} value={values.outcome} error={errors.outcome}
        options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`staff:action.respond.outcomeName.${outcome}`) }))} />
      <TextArea name="reasons" label={t("staff:action.respond.reasons")} hint={t("staff:action.respond.reasonsHint")} value={values.reasons} error={errors.reasons} maxLength={REASONS_LIMIT} rows={12} />
      <h2 className="govuk-heading-m">{t("staff:action.respond.upheldHeading")}</h2>
      <p className="govuk-body">{t("staff:action.respond.upheldIntro")}</p>
      <TextArea name="apology" label={t("staff:action.respond.apology")} hint={t("staff:action.respond.apologyHint")} value={values.apology} error={errors.apology} maxLength={APOLOGY_LIMIT} rows={5} />
      <Checkboxes name="remedies" legend={t("staff:action.respond.remedies")} hint={t("staff:action.respond.remediesHint")} values={remedies} error={errors.remedies}
        options={REMEDIES.map((remedy) => ({ value: remedy, label: t(`staff:action.respond.remedy.${remedy}`) }))} />
      <TextInput name="payment" label={t("staff:action.respond.payment")} hint={t("staff:action.respond.paymentHint")} value={values.payment} error={errors.payment} width={10} autoComplete="off" spellCheck={false} />
      <h3 className="govuk-heading-s">{t("staff:action.respond.actionsHeading")}</h3>
      <p className="govuk-body">{t("staff:action.respond.actionsIntro")}</p>
      {Array.from({ length: ACTION_ROWS }, (_, index) => index + 1).map((row) => (
        <div key={row}>
          <TextArea name={`action${row}`} label={t("staff:action.respond.action", { number: row })} value={values[`action${row}`]} error={errors[`action${row}`]} maxLength={ACTION_LIMIT} rows={2} />
          <DateInput name={`action${row}By`} legend={t("staff:action.respond.actionBy", { number: row })} hint={t("staff:action.respond.actionByHint")} values={values} error={errors[`action${row}By`]} />
        </div>
      ))}
    </>
  );
}
