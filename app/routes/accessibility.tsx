import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { translatedTitle } from "~/components/page-title";
import { TextSections } from "~/components/text-sections";
import { textsLoader } from "~/i18n/page-texts.server";

export const meta: MetaFunction = ({ matches }) => translatedTitle(matches, "accessibility.title");

export const loader = textsLoader(["accessibility"]);

const CAN_DO = [
  "accessibility.usingItems.zoom",
  "accessibility.usingItems.keyboard",
  "accessibility.usingItems.screenReader",
  "accessibility.usingItems.noJavaScript",
  "accessibility.usingItems.languages",
] as const;
const KNOWN_ISSUES = ["accessibility.knownIssues.translations", "accessibility.knownIssues.equalityTimeLimit"] as const;
const SECTIONS = [
  { heading: "accessibility.feedbackHeading", body: "accessibility.feedback" },
  { heading: "accessibility.enforcementHeading", body: "accessibility.enforcement" },
  { heading: "accessibility.technicalHeading", body: "accessibility.technical" },
  { heading: "accessibility.complianceHeading", body: "accessibility.compliance" },
  { heading: "accessibility.preparationHeading", body: "accessibility.preparation" },
] as const;

// Follows the structure of the UK public sector model accessibility statement.
export default function AccessibilityStatementPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("accessibility.title")}</h1>
        <p className="govuk-body">{t("accessibility.intro")}</p>
        <h2 className="govuk-heading-m">{t("accessibility.usingHeading")}</h2>
        <p className="govuk-body">{t("accessibility.using")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {CAN_DO.map((item) => (
            <li key={item}>{t(item)}</li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">{t("accessibility.howAccessibleHeading")}</h2>
        <p className="govuk-body">{t("accessibility.howAccessible")}</p>
        <ul className="govuk-list govuk-list--bullet">
          {KNOWN_ISSUES.map((item) => (
            <li key={item}>{t(item)}</li>
          ))}
        </ul>
        <TextSections sections={SECTIONS} />
      </div>
    </div>
  );
}
