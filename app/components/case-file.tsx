// The Ombudsman case file as a page (issue 12, item 4): the primary, accessible format, in the reader's language.
// It draws the blocks laid out by app/cases/case-file.ts — the same the PDF draws — and prints on A4.
import type { ReactNode } from "react";
import type { CaseFileBlock, CaseFileDocument } from "~/cases/case-file";

const HEADING_CLASSES = { 1: "govuk-heading-l", 2: "govuk-heading-m", 3: "govuk-heading-s" } as const;

function Block({ block }: { block: CaseFileBlock }) {
  switch (block.kind) {
    case "heading": {
      const Heading = `h${block.level}` as const;
      return (
        <Heading className={`${HEADING_CLASSES[block.level]} council-case-file__heading`} dir={block.written ? "auto" : undefined}>
          {block.text}
        </Heading>
      );
    }
    case "paragraph":
      return (
        <p className={block.written ? "govuk-body council-resident-text" : "govuk-body"} dir={block.written ? "auto" : undefined}>
          {block.text}
        </p>
      );
    case "rows":
      return (
        <dl className="govuk-summary-list">
          {block.rows.map((row, index) => (
            <div className="govuk-summary-list__row" key={index}>
              <dt className="govuk-summary-list__key">{row.label}</dt>
              <dd className={row.written ? "govuk-summary-list__value council-resident-text" : "govuk-summary-list__value council-case-file__value"} dir={row.written ? "auto" : undefined}>
                {row.value}
              </dd>
            </div>
          ))}
        </dl>
      );
  }
}

/** The case file; `downloads` goes after its opening paragraph (links to the PDF and ZIP, hidden in print). */
export function CaseFile({ document, downloads }: { document: CaseFileDocument; downloads: ReactNode }) {
  const [title, intro, ...rest] = document.blocks;
  return (
    <div className="council-case-file">
      {title ? <Block block={title} /> : null}
      {intro ? <Block block={intro} /> : null}
      {downloads}
      {rest.map((block, index) => (
        <Block block={block} key={index} />
      ))}
    </div>
  );
}
