// A complaint's record as its pages show it — the dates the council and the person must meet, and the history of
// what happened — shared by the resident's complaint page and staff's case page, so both read the same.
import { dueProgress, historySentence, PATHWAY_TEXTS } from "~/cases/case-record-text";
import type { ComplaintPageData } from "~/cases/complaint-page.server";
import { useTranslation } from "~/i18n/use-translation";

export { PATHWAY_TEXTS };

/** The texts these parts need, for a page's loader to send. */
export const CASE_RECORD_TEXTS = ["account.case", "account.stageShort", "account.due", "account.dueStatus", "account.event", "account.outcome", "representation.relationship", ...Object.values(PATHWAY_TEXTS).flat()];

export function CaseDates({ dates }: { dates: ComplaintPageData["dates"] }) {
  const { t } = useTranslation();
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{t("account.case.datesHeading")}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("account.case.what")}</th>
          <th scope="col" className="govuk-table__header">{t("account.case.by")}</th>
          <th scope="col" className="govuk-table__header">{t("account.case.progress")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {dates.map((due) => (
          <tr key={`${due.id}-${due.stage}`} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {t(`account.due.${due.id}.label`)}
              <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-font-weight-regular">{due.explanation}</span>
            </th>
            <td className="govuk-table__cell">{due.date}</td>
            <td className="govuk-table__cell">
              <DueProgress due={due} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CaseHistory({ history, complaintFiles }: { history: ComplaintPageData["history"]; complaintFiles: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="govuk-heading-m">{t("account.case.historyHeading")}</h2>
      <ol className="govuk-list council-history">
        {history.map((item) => (
          <li key={item.id} className="council-history__item">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <span className="govuk-body-s govuk-!-font-weight-bold">{item.date}</span>
              <br />
              {historySentence(item, t)}
            </p>
            {item.text ? <p className="govuk-body council-resident-text" dir="auto">{item.text}</p> : null}
            {item.remedy ? <Remedy remedy={item.remedy} /> : null}
            {item.type === "received" && complaintFiles.length > 0 ? <FileList files={complaintFiles} /> : null}
            {item.files.length > 0 ? <FileList files={item.files} /> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** §13.17, §15: how an upheld complaint is put right, in the officer's words where they wrote them. */
function Remedy({ remedy }: { remedy: NonNullable<ComplaintPageData["history"][number]["remedy"]> }) {
  const { t } = useTranslation();
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      {remedy.apology ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("account.case.remedy.apology")}</dt>
          <dd className="govuk-summary-list__value council-resident-text" dir="auto">{remedy.apology}</dd>
        </div>
      ) : null}
      {remedy.remedies.length > 0 ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("account.case.remedy.remedies")}</dt>
          <dd className="govuk-summary-list__value">
            <ul className="govuk-list">
              {remedy.remedies.map((name) => <li key={name}>{name}</li>)}
            </ul>
            {remedy.payment ? <p className="govuk-body">{t("account.case.remedy.payment", { amount: remedy.payment })}</p> : null}
          </dd>
        </div>
      ) : null}
      {remedy.actions.length > 0 ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("account.case.remedy.actionsHeading")}</dt>
          <dd className="govuk-summary-list__value">
            <ul className="govuk-list">
              {remedy.actions.map((action, index) => (
                <li key={index}>
                  <span className="council-resident-text" dir="auto">{action.what}</span> – {t("account.case.remedy.actionBy", { date: action.by })}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function FileList({ files }: { files: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-1">{t("account.case.filesSent")}</p>
      <ul className="govuk-list govuk-list--bullet">
        {files.map((name, index) => (
          <li key={`${index}-${name}`} dir="auto">
            {name}
          </li>
        ))}
      </ul>
    </>
  );
}

function DueProgress({ due }: { due: ComplaintPageData["dates"][number] }) {
  const { t } = useTranslation();
  const progress = dueProgress(due, t);
  if (progress.tone === "met") return <strong className="govuk-tag govuk-tag--green">{progress.text}</strong>;
  if (progress.tone === "missed") return <strong className="govuk-tag govuk-tag--red">{progress.text}</strong>;
  return <>{progress.text}</>;
}
