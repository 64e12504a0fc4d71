import { describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n/languages";
import { NAMESPACES } from "~/i18n/namespaces";
import { resourcesFor } from "~/i18n/resources.server";
import { createTranslator } from "~/i18n/translator";
import { caseFileDocument, type CaseFileFacts } from "./case-file";

/** An anonymous complaint, only received: nothing sent, no letters, no files, nobody acting for anyone. */
const ANONYMOUS: CaseFileFacts = {
  reference: "CCC-ANON-0001",
  madeOn: "1 December 2026",
  complaint: { name: "", serviceAreaName: "Housing", pathway: "corporate", stage: 1, status: "triage", receivedOn: "30 November 2026", happenedOn: "", whatWentWrong: "The lift has been broken for a month.", howAffected: "", outcomeWanted: "", referenceNumbers: "" },
  dates: [],
  history: [{ id: 1, type: "received", date: "30 November 2026", params: { channel: "online" }, files: [] }],
  letters: [],
  files: [],
  consent: [],
};

describe("the case file's layout", () => {
  it("says what was not given and that there is nothing to list, rather than leave a gap", () => {
    const t = createTranslator("en-GB", resourcesFor("en", NAMESPACES));
    const { title, author, blocks } = caseFileDocument(ANONYMOUS, t);
    expect([title, author]).toEqual(["Case file for complaint CCC-ANON-0001", "Coventry City Council"]);
    const rows = blocks.flatMap((block) => (block.kind === "rows" ? block.rows : []));
    expect(rows.find((row) => row.label === "Name of the person complaining")).toEqual({ label: "Name of the person complaining", value: "Not given", written: false });
    expect(rows.find((row) => row.label === "What went wrong")).toEqual({ label: "What went wrong", value: "The lift has been broken for a month.", written: true });
    const paragraphs = blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
    expect(paragraphs.filter((text) => text === "None.")).toHaveLength(3); // dates, letters, files
    expect(paragraphs).toContain("Nobody has acted for the person complaining.");
    expect(blocks.filter((block) => block.kind === "heading" && block.level === 2)).toHaveLength(6);
  });

  it.each(LANGUAGES.map((language) => [language.code, language.tag] as const))("has every text in %s", (code, tag) => {
    const t = createTranslator(tag, resourcesFor(code, NAMESPACES));
    const document = caseFileDocument(ANONYMOUS, t);
    expect(JSON.stringify(document)).not.toMatch(/caseFile\.|account\.|start\.|complaint\./);
    expect(document.title).toContain("CCC-ANON-0001");
  });
});
