// The Ombudsman case file for one complaint (issue 12, item 4): the complaint as sent, every due date with whether it
// was met, every event, the council's letters, the files with their checksums and the records of permission. It is
// laid out once, here, as a list of blocks in the reader's language; the HTML page (app/components/case-file.tsx)
// and the tagged PDF (case-file-pdf.server.ts) each draw the same blocks, so the two can never say different things.
import type { Translate } from "~/i18n/translator";
import type { ConsentRoute, RepresentationState } from "~/representation/representation-rules";
import { dueProgress, historySentence, PATHWAY_TEXTS, type DueDateView, type HistoryItemView } from "./case-record-text";

/** What the case file is made from, every date already written in the reader's language. */
export type CaseFileFacts = {
  reference: string;
  madeOn: string;
  complaint: {
    name: string;
    serviceAreaName: string;
    pathway: keyof typeof PATHWAY_TEXTS;
    stage: number;
    status: string;
    receivedOn: string;
    happenedOn: string;
    whatWentWrong: string;
    howAffected: string;
    outcomeWanted: string;
    referenceNumbers: string;
  };
  dates: DueDateView[];
  history: HistoryItemView[];
  /** Each email the council sent (or has queued) about the complaint, as it was written. */
  letters: Array<{ date: string; sent: boolean; to: string; subject: string; text: string }>;
  files: Array<{ filename: string; size: string; receivedOn: string; sha256: string }>;
  /** Policy §7: who acted for the person, how permission was given or why it could not be, and where it stands. */
  consent: Array<{
    name: string;
    relationship: string;
    detail: string;
    route: ConsentRoute;
    state: RepresentationState;
    startedOn: string;
    changedOn: string;
    cannotConsent: string | null;
    requests: Array<{ sentOn: string; answeredOn: string | null }>;
  }>;
};

/** A row of label and value; `written` marks text as someone wrote it (its direction is its own). */
export type CaseFileRow = { label: string; value: string; written?: boolean };

export type CaseFileBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string; written?: boolean }
  | { kind: "paragraph"; text: string; written?: boolean }
  | { kind: "rows"; rows: CaseFileRow[] };

export type CaseFileDocument = { title: string; author: string; blocks: CaseFileBlock[] };

/** The case file's blocks, in order, with every text in the reader's language. */
export function caseFileDocument(facts: CaseFileFacts, t: Translate): CaseFileDocument {
  const title = t("caseFile.title", { reference: facts.reference });
  const blocks: CaseFileBlock[] = [
    { kind: "heading", level: 1, text: title },
    { kind: "paragraph", text: t("caseFile.intro", { date: facts.madeOn }) },
    ...sentBlocks(facts, t),
    ...dateBlocks(facts.dates, t),
    ...historyBlocks(facts.history, t),
    ...letterBlocks(facts.letters, t),
    ...fileBlocks(facts.files, t),
    ...consentBlocks(facts.consent, t),
  ];
  return { title, author: t("council"), blocks };
}

function sentBlocks({ reference, complaint }: CaseFileFacts, t: Translate): CaseFileBlock[] {
  const rows: CaseFileRow[] = [
    { label: t("caseFile.sent.reference"), value: reference },
    { label: t("caseFile.sent.name"), value: complaint.name || t("caseFile.notGiven"), written: Boolean(complaint.name) },
    { label: t("account.case.service"), value: complaint.serviceAreaName },
    { label: t("account.case.pathway"), value: t(PATHWAY_TEXTS[complaint.pathway][0]) },
    { label: t("account.case.stage"), value: t("account.stageShort", { stage: complaint.stage }) },
    { label: t("account.case.status"), value: t(`account.status.${complaint.status}`) },
    { label: t("account.case.received"), value: complaint.receivedOn },
    { label: t("caseFile.sent.happenedOn"), value: complaint.happenedOn || t("caseFile.notGiven") },
    { label: t("caseFile.sent.whatWentWrong"), value: complaint.whatWentWrong, written: true },
    { label: t("caseFile.sent.howAffected"), value: complaint.howAffected || t("caseFile.notGiven"), written: Boolean(complaint.howAffected) },
    { label: t("caseFile.sent.outcomeWanted"), value: complaint.outcomeWanted || t("caseFile.notGiven"), written: Boolean(complaint.outcomeWanted) },
    { label: t("caseFile.sent.referenceNumbers"), value: complaint.referenceNumbers || t("caseFile.notGiven"), written: Boolean(complaint.referenceNumbers) },
  ];
  return [{ kind: "heading", level: 2, text: t("caseFile.sent.heading") }, { kind: "rows", rows }];
}

function dateBlocks(dates: DueDateView[], t: Translate): CaseFileBlock[] {
  const rows = dates.map((due) => ({
    label: t(`account.due.${due.id}.label`),
    value: t("caseFile.dates.due", { date: due.date, progress: dueProgress(due, t).text, explanation: due.explanation }),
  }));
  return [{ kind: "heading", level: 2, text: t("caseFile.dates.heading") }, rows.length > 0 ? { kind: "rows", rows } : { kind: "paragraph", text: t("caseFile.none") }];
}

function historyBlocks(history: HistoryItemView[], t: Translate): CaseFileBlock[] {
  const blocks: CaseFileBlock[] = [{ kind: "heading", level: 2, text: t("caseFile.history.heading") }];
  for (const item of history) {
    blocks.push({ kind: "rows", rows: [{ label: item.date, value: historySentence(item, t) }] });
    if (item.text) blocks.push({ kind: "paragraph", text: item.text, written: true });
    if (item.files.length > 0) blocks.push({ kind: "paragraph", text: t("caseFile.history.files", { files: item.files.join(", ") }) });
  }
  return blocks;
}

function letterBlocks(letters: CaseFileFacts["letters"], t: Translate): CaseFileBlock[] {
  const blocks: CaseFileBlock[] = [{ kind: "heading", level: 2, text: t("caseFile.letters.heading") }];
  if (letters.length === 0) return [...blocks, { kind: "paragraph", text: t("caseFile.none") }];
  for (const letter of letters) {
    blocks.push(
      { kind: "heading", level: 3, text: letter.subject },
      {
        kind: "rows",
        rows: [
          { label: t(letter.sent ? "caseFile.letters.sentOn" : "caseFile.letters.queuedOn"), value: letter.date },
          { label: t("caseFile.letters.to"), value: letter.to },
        ],
      },
      { kind: "paragraph", text: letter.text, written: true },
    );
  }
  return blocks;
}

function fileBlocks(files: CaseFileFacts["files"], t: Translate): CaseFileBlock[] {
  const blocks: CaseFileBlock[] = [{ kind: "heading", level: 2, text: t("caseFile.files.heading") }];
  if (files.length === 0) return [...blocks, { kind: "paragraph", text: t("caseFile.none") }];
  blocks.push({ kind: "paragraph", text: t("caseFile.files.intro") });
  for (const file of files) {
    blocks.push(
      { kind: "heading", level: 3, text: file.filename, written: true },
      {
        kind: "rows",
        rows: [
          { label: t("caseFile.files.receivedOn"), value: file.receivedOn },
          { label: t("caseFile.files.size"), value: t("caseFile.files.kilobytes", { size: file.size }) },
          { label: t("caseFile.files.checksum"), value: file.sha256 },
        ],
      },
    );
  }
  return blocks;
}

function consentBlocks(consent: CaseFileFacts["consent"], t: Translate): CaseFileBlock[] {
  const blocks: CaseFileBlock[] = [{ kind: "heading", level: 2, text: t("caseFile.consent.heading") }];
  if (consent.length === 0) return [...blocks, { kind: "paragraph", text: t("caseFile.consent.nobody") }];
  for (const record of consent) {
    const relationship = t(`representation.relationship.${record.relationship}`);
    const rows: CaseFileRow[] = [
      { label: t("caseFile.consent.relationship"), value: record.detail ? `${relationship}: ${record.detail}` : relationship },
      { label: t("caseFile.consent.route"), value: t(`caseFile.consent.routes.${record.route}`) },
      ...(record.cannotConsent ? [{ label: t("caseFile.consent.why"), value: t(`complaint.cannotConsent.options.${record.cannotConsent}`) }] : []),
      { label: t("caseFile.consent.startedOn"), value: record.startedOn },
      ...record.requests.map((request) => ({
        label: t("caseFile.consent.askedOn"),
        value: request.answeredOn ? t("caseFile.consent.answered", { sent: request.sentOn, answered: request.answeredOn }) : t("caseFile.consent.notAnswered", { sent: request.sentOn }),
      })),
      { label: t("caseFile.consent.state"), value: t("caseFile.consent.stateOn", { state: t(`account.people.state.${record.state}`), date: record.changedOn }) },
    ];
    blocks.push({ kind: "heading", level: 3, text: record.name, written: true }, { kind: "rows", rows });
  }
  return blocks;
}
