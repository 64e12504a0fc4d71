import { useTranslation } from "~/i18n/use-translation";

/** Sections of a page of information, each a heading and a paragraph. */
export function TextSections({ sections }: { sections: readonly { heading: string; body: string }[] }) {
  const { t } = useTranslation();
  return sections.map((section) => (
    <section key={section.heading}>
      <h2 className="govuk-heading-m">{t(section.heading)}</h2>
      <p className="govuk-body">{t(section.body)}</p>
    </section>
  ));
}
