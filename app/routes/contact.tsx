import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "contact.title");

export const loader = textsLoader(["contact"]);

export default function ContactPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("contact.title")}</h1>
        <p className="govuk-body">{t("contact.lead")}</p>
        <h2 className="govuk-heading-m">{t("contact.emailHeading")}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={`mailto:${t("contact.email")}`} dir="ltr">
            {t("contact.email")}
          </a>
        </p>
        <h2 className="govuk-heading-m">{t("contact.phoneHeading")}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={`tel:${t("contact.phone").replace(/\s/g, "")}`} dir="ltr">
            {t("contact.phone")}
          </a>
        </p>
        <p className="govuk-body">{t("contact.phoneHours")}</p>
        <h2 className="govuk-heading-m">{t("contact.postHeading")}</h2>
        <p className="govuk-body">{t("contact.postAddress")}</p>
        <h2 className="govuk-heading-m">{t("contact.inPersonHeading")}</h2>
        <p className="govuk-body">{t("contact.inPerson")}</p>
        <h2 className="govuk-heading-m">{t("contact.interpretingHeading")}</h2>
        <p className="govuk-body">{t("contact.interpreting")}</p>
        <h2 className="govuk-heading-m">{t("contact.representativesHeading")}</h2>
        <p className="govuk-body">{t("contact.representatives")}</p>
      </div>
    </div>
  );
}
