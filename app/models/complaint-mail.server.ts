// The acknowledgement of receipt (issue 4): queued in the same transaction as the complaint, in the
// resident's language, only when they gave an email address.
import type { Database } from "../../db/client";
import type { LanguageCode } from "~/i18n/languages";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { enqueueEmail } from "~/mail/outbox.server";
import type { IsoDate } from "~/rules/calendar-dates";
import type { Pathway } from "~/rules/timescales";
import { acknowledgementKey, firstDueDates } from "./complaints.server";

export async function acknowledgementMail(
  tx: Database,
  complaint: {
    reference: string;
    pathway: Pathway;
    receivedOn: IsoDate;
    answers: ComplaintAnswers;
    locale: LanguageCode;
    serviceAreaName: string;
    /** Issue 10: someone complaining for another person is sent the acknowledgement at their account's address. */
    representativeEmail?: string;
  },
): Promise<void> {
  const email = complaint.representativeEmail ?? (complaint.answers.giveDetails === "yes" ? (complaint.answers.email ?? "") : "");
  if (email === "") return;
  const { acknowledgeBy, responseBy } = firstDueDates(complaint.pathway, complaint.receivedOn);
  await enqueueEmail(tx, {
    dedupeKey: acknowledgementKey(complaint.reference),
    template: "acknowledgement",
    locale: complaint.locale,
    recipient: email,
    payload: {
      reference: complaint.reference,
      name: (complaint.representativeEmail ? complaint.answers.representativeName : complaint.answers.name) ?? "",
      serviceAreaName: complaint.serviceAreaName,
      pathway: complaint.pathway,
      receivedOn: complaint.receivedOn,
      acknowledgeBy,
      respondBy: responseBy,
    },
  });
}
