import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "compliment.thanks.title");

export const loader = textsLoader(["compliment.thanks"]);

export default function ComplimentThanks() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("compliment.thanks.title")}</h1>
        </div>
        <p className="govuk-body">{t("compliment.thanks.body")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t("errors.notFound.help")}
          </Link>
        </p>
      </div>
    </div>
  );
}
