// The council's letters about a complaint, as emails in the complaint's language: who receives them (the
// complainant, and whoever acts for them with permission, as the person chose — issue 10, item 4), and the email
// that tells them what a change did, queued in the change's own transaction.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { complaintParties as parties, complaints, representations } from "../../db/schema";
import { isLanguageCode, type LanguageCode } from "~/i18n/languages";
import { enqueueEmail } from "~/mail/outbox.server";
import type { EmailPayloads } from "~/mail/templates.server";
import { letterRecipients, type LettersTo } from "~/representation/representation-rules";
import type { ChangedCase, Transaction } from "./case-service.server";

/**
 * Who receives the council's letters about a complaint, in its language: the complainant, and anyone acting for
 * them with permission, as the person chose (issue 10, item 4).
 */
export async function letterRecipientsOf(tx: Transaction | Database, complaintId: string): Promise<Array<{ email: string; name: string; language: LanguageCode }>> {
  const rows = await tx
    .select({
      role: parties.role,
      email: parties.email,
      name: parties.name,
      language: complaints.language,
      state: representations.state,
      lettersTo: representations.lettersTo,
    })
    .from(parties)
    .innerJoin(complaints, eq(complaints.id, parties.complaintId))
    .leftJoin(representations, eq(representations.partyId, parties.id))
    .where(eq(parties.complaintId, complaintId));
  const acting = rows.find((row) => row.role === "representative" && row.state === "active");
  const sendTo = acting ? letterRecipients("active", acting.lettersTo as LettersTo) : { person: true, representative: false };
  return rows
    .filter((row) => row.email !== "" && (row.role === "complainant" ? sendTo.person : row === acting && sendTo.representative))
    .map((row) => ({ email: row.email, name: row.name, language: isLanguageCode(row.language) ? row.language : "en" }));
}

type CaseUpdate = EmailPayloads["caseUpdate"];

/**
 * Tells the complainant (and whoever acts for them, as they chose), in the complaint's language, what a change did;
 * `extra` carries what the kind of letter needs besides (the response date, the officer's own words).
 */
export async function tellComplainant(tx: Transaction, changed: ChangedCase, kind: CaseUpdate["kind"], extra: Partial<Omit<CaseUpdate, "kind" | "reference" | "name" | "date" | "stage">> = {}) {
  const acknowledgeBy = changed.progress.nextCouncilDue?.date;
  for (const [index, contact] of (await letterRecipientsOf(tx, changed.complaint.id)).entries()) {
    await enqueueEmail(tx, {
      dedupeKey: `case:${changed.eventId}${index === 0 ? "" : `:${index}`}`,
      template: "caseUpdate",
      locale: contact.language,
      recipient: contact.email,
      payload: {
        kind,
        reference: changed.complaint.reference,
        name: contact.name,
        date: changed.event.date,
        stage: "stage" in changed.event && typeof changed.event.stage === "number" ? changed.event.stage : changed.progress.state.stage,
        ...(kind === "escalated" && acknowledgeBy ? { acknowledgeBy } : {}),
        ...extra,
      },
    });
  }
}

