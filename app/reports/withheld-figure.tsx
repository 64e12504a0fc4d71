// An equality figure as the reports show it (issue 12, item 2): the number, or the mark for one withheld
// ("[c]", explained above the tables), which a screen reader reads as "withheld".
import { useTranslation } from "~/i18n/use-translation";

export function Figure({ value, suffix = "" }: { value: number | null; suffix?: string }) {
  const { t } = useTranslation();
  if (value === null)
    return (
      <>
        <span aria-hidden="true">{t("staff:equality.withheldMark")}</span>
        <span className="govuk-visually-hidden">{t("staff:equality.withheld")}</span>
      </>
    );
  return <>{`${value.toLocaleString("en-GB")}${suffix}`}</>;
}
