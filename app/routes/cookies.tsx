import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { LANGUAGE_COOKIE } from "~/i18n/languages";
import { DRAFT_COOKIE } from "~/journey/complaint-steps";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "cookies.title");

export const loader = textsLoader(["cookies"]);

export default function CookiesPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("cookies.title")}</h1>
        <p className="govuk-body">{t("cookies.intro")}</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("cookies.tableCaption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("cookies.nameHeading")}</th>
              <th scope="col" className="govuk-table__header">{t("cookies.purposeHeading")}</th>
              <th scope="col" className="govuk-table__header">{t("cookies.expiresHeading")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" dir="ltr">
                {LANGUAGE_COOKIE}
              </td>
              <td className="govuk-table__cell">{t("cookies.langPurpose")}</td>
              <td className="govuk-table__cell">{t("cookies.langExpires")}</td>
            </tr>
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" dir="ltr">
                {DRAFT_COOKIE}
              </td>
              <td className="govuk-table__cell">{t("cookies.draftPurpose")}</td>
              <td className="govuk-table__cell">{t("cookies.draftExpires")}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
