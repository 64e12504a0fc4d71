import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { EQUALITY_COOKIE } from "~/equality/equality-token.server";
import { cookieName } from "~/http/cookies.server";
import { LANGUAGE_COOKIE } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { DRAFT_COOKIE } from "~/journey/complaint-steps";
import { textsFor } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "cookies.title");

// The names as this server sets them: with the __Host- prefix when it serves HTTPS.
export async function loader({ request }: LoaderFunctionArgs) {
  return {
    names: { lang: cookieName(LANGUAGE_COOKIE), draft: cookieName(DRAFT_COOKIE), equality: cookieName(EQUALITY_COOKIE) },
    texts: textsFor(await localeFor(request), ["cookies"]),
  };
}

const COOKIES = [
  { name: "lang", purpose: "cookies.langPurpose", expires: "cookies.langExpires" },
  { name: "draft", purpose: "cookies.draftPurpose", expires: "cookies.draftExpires" },
  { name: "equality", purpose: "cookies.equalityPurpose", expires: "cookies.equalityExpires" },
] as const;

export default function CookiesPage() {
  const { names } = useLoaderData<typeof loader>();
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
            {COOKIES.map((cookie) => (
              <tr className="govuk-table__row" key={cookie.name}>
                <td className="govuk-table__cell" dir="ltr">
                  {names[cookie.name]}
                </td>
                <td className="govuk-table__cell">{t(cookie.purpose)}</td>
                <td className="govuk-table__cell">{t(cookie.expires)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
