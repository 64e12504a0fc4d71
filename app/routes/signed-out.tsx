import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { translatedTitle } from "~/components/page-title";
import { textsLoader } from "~/i18n/page-texts.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "account.signedOut.title");

export const loader = textsLoader(["account.signedOut"]);

export default function SignedOutPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("account.signedOut.title")}</h1>
        <p className="govuk-body">{t("account.signedOut.body")}</p>
        <p className="govuk-body">{t("account.signedOut.idle")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t("account.signedOut.signInAgain")}
          </Link>
        </p>
      </div>
    </div>
  );
}
