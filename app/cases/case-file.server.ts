// Gathers what the Ombudsman case file holds for one complaint (issue 12, item 4), for a reader the caller has
// already allowed to see it: the page's own record (complaintPage), the letters from the outbox, the files and the
// records of permission. Laid out by case-file.ts; drawn as HTML, PDF (case-file-pdf.server.ts) and ZIP.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { complaintParties, consentRequests, outbox, representations } from "../../db/schema";
import { languageFor, type LanguageCode } from "~/i18n/languages";
import { serverT } from "~/i18n/translate.server";
import type { Translate } from "~/i18n/translator";
import { EmailRenderError, renderEmail } from "~/mail/templates.server";
import type { ConsentRoute, RepresentationState } from "~/representation/representation-rules";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { formatIsoDate } from "~/rules/explanations";
import { listComplaintAttachments, type AttachmentMeta } from "~/uploads/attachments.server";
import { attachmentDisposition } from "~/uploads/disposition";
import type { ComplaintRow } from "./access.server";
import { caseFileDocument, type CaseFileDocument, type CaseFileFacts } from "./case-file";
import { caseFilePdf } from "./case-file-pdf.server";
import { caseFileZip } from "./case-file-zip.server";
import { complaintPage } from "./complaint-page.server";

/** The emails that are the council's letters about a complaint (not sign-in codes, staff mail or consent links). */
const LETTER_TEMPLATES = ["acknowledgement", "caseUpdate", "contactRestriction"] as const;

export type CaseFile = { facts: CaseFileFacts; document: CaseFileDocument; locale: LanguageCode; attachments: AttachmentMeta[] };

/** The case file of a complaint the caller may see, in `locale`, as on `today`. */
export async function caseFileOf(db: Database, row: ComplaintRow, locale: LanguageCode, today: IsoDate): Promise<CaseFile> {
  const tag = languageFor(locale).tag;
  const kilobytes = new Intl.NumberFormat(tag);
  const dateOf = (date: Date | string) => formatIsoDate((typeof date === "string" ? date : londonDateOf(date)) as IsoDate, tag);
  const [page, [complainant], letters, files, consent] = await Promise.all([
    complaintPage(db, row, locale, today),
    db
      .select({ name: complaintParties.name })
      .from(complaintParties)
      .where(and(eq(complaintParties.complaintId, row.id), eq(complaintParties.role, "complainant"))),
    lettersAbout(db, row.reference),
    listComplaintAttachments(db, row.id),
    consentRecordsOf(db, row.id),
  ]);
  const facts: CaseFileFacts = {
    reference: row.reference,
    madeOn: dateOf(today),
    complaint: {
      name: complainant?.name ?? "",
      serviceAreaName: page.serviceAreaName,
      pathway: page.pathway,
      stage: page.stage,
      status: page.status,
      receivedOn: page.receivedOn,
      happenedOn: row.happenedOn ? dateOf(row.happenedOn) : "",
      whatWentWrong: row.whatWentWrong,
      howAffected: row.howAffected,
      outcomeWanted: row.outcomeWanted,
      referenceNumbers: row.referenceNumbers,
    },
    dates: page.dates,
    history: page.history,
    letters: letters.map((letter) => ({ ...letter, date: dateOf(letter.date) })),
    files: files.map((file) => ({ filename: file.filename, size: kilobytes.format(Math.max(1, Math.round(file.size / 1024))), receivedOn: dateOf(file.createdAt), sha256: file.sha256 })),
    consent: consent.map((record) => ({
      ...record,
      startedOn: dateOf(record.startedOn),
      changedOn: dateOf(record.changedOn),
      requests: record.requests.map((request) => ({ sentOn: dateOf(request.sentOn), answeredOn: request.answeredOn ? dateOf(request.answeredOn) : null })),
    })),
  };
  return { facts, document: caseFileDocument(facts, serverT(locale) as unknown as Translate), locale, attachments: files };
}

/** The case file as a download: its PDF, or a ZIP of the PDF, the files and their checksums. Never kept by a cache. */
export async function caseFileDownload(db: Database, row: ComplaintRow, locale: LanguageCode, format: "pdf" | "zip"): Promise<Response> {
  const now = new Date();
  const file = await caseFileOf(db, row, locale, londonDateOf(now));
  const pdf = await caseFilePdf(file.document, locale);
  const name = `case-file-${row.reference}.${format}`;
  const headers = { "Content-Disposition": attachmentDisposition(name), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "pdf") return new Response(new Uint8Array(pdf), { headers: { ...headers, "Content-Type": "application/pdf", "Content-Length": String(pdf.length) } });
  return new Response(caseFileZip(db, { reference: row.reference, pdf, files: file.attachments, madeAt: now }), { headers: { ...headers, "Content-Type": "application/zip" } });
}

/** Each letter about the complaint, oldest first, rendered as it was sent: in its own language, to its own recipient. */
async function lettersAbout(db: Database, reference: string) {
  const rows = await db
    .select({ template: outbox.template, locale: outbox.locale, recipient: outbox.recipient, payload: outbox.payload, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.channel, "email"), inArray(outbox.template, [...LETTER_TEMPLATES]), sql`${outbox.payload}->>'reference' = ${reference}`))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
  return rows.flatMap((row) => {
    try {
      const email = renderEmail(row.template, row.locale, row.payload);
      return [{ date: row.sentAt ?? row.createdAt, sent: row.status === "sent", to: row.recipient, subject: email.subject, text: email.text }];
    } catch (error) {
      // A letter the outbox could never send (its worker marks it failed) was never a letter: it is left out, said in the log.
      if (!(error instanceof EmailRenderError)) throw error;
      console.warn(`case file ${reference}: a ${row.template} email could not be rendered: ${error.message}`);
      return [];
    }
  });
}

/** Policy §7: everyone who acted or asked to act for the person, with how permission was asked for and answered. */
async function consentRecordsOf(db: Database, complaintId: string) {
  const records = await db
    .select({
      id: representations.id,
      name: complaintParties.name,
      relationship: representations.relationship,
      detail: representations.relationshipDetail,
      route: representations.consentRoute,
      state: representations.state,
      cannotConsent: representations.cannotConsent,
      startedOn: representations.createdAt,
      changedOn: representations.changedAt,
    })
    .from(representations)
    .innerJoin(complaintParties, eq(complaintParties.id, representations.partyId))
    .where(eq(representations.complaintId, complaintId))
    .orderBy(asc(representations.createdAt));
  const requests =
    records.length === 0
      ? []
      : await db
          .select({ representationId: consentRequests.representationId, sentOn: consentRequests.createdAt, answeredOn: consentRequests.usedAt })
          .from(consentRequests)
          .where(inArray(consentRequests.representationId, records.map((record) => record.id)))
          .orderBy(asc(consentRequests.createdAt));
  return records.map(({ id, cannotConsent, ...record }) => ({
    ...record,
    route: record.route as ConsentRoute,
    state: record.state as RepresentationState,
    cannotConsent: cannotConsent?.reason || null,
    requests: requests.filter((request) => request.representationId === id),
  }));
}
