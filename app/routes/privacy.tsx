import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { TextSections } from "~/components/text-sections";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "privacy.title");

export const loader = textsLoader(["privacy"]);

const SECTIONS = [
  { heading: "privacy.controllerHeading", body: "privacy.controller" },
  { heading: "privacy.collectHeading", body: "privacy.collect" },
  { heading: "privacy.whyHeading", body: "privacy.why" },
  { heading: "privacy.equalityHeading", body: "privacy.equality" },
  { heading: "privacy.shareHeading", body: "privacy.share" },
  { heading: "privacy.keepHeading", body: "privacy.keep" },
  { heading: "privacy.rightsHeading", body: "privacy.rights" },
] as const;

export default function PrivacyNoticePage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("privacy.title")}</h1>
        <p className="govuk-body">{t("privacy.intro")}</p>
        <TextSections sections={SECTIONS} />
      </div>
    </div>
  );
}
