// Sending a complaint: one transaction creates the complaint, its received event and the acknowledgement email
// in the outbox, and empties the draft. The draft row is locked first, so a double submit, a retry after a
// timeout or a replayed form finds the complaint already made. Equality answers are asked for afterwards and
// never pass through here (app/equality).
import { and, eq, sql } from "drizzle-orm";
import { type Database, rowsOf } from "../../db/client";
import { violatedUniqueConstraint } from "../../db/errors";
import { complaintParties, complaints, drafts, outbox } from "../../db/schema";
import { openCase } from "~/cases/case-service.server";
import type { LanguageCode } from "~/i18n/languages";
import { type ComplaintAnswers, forSomeoneElse } from "~/journey/complaint-steps";
import { RELATIONSHIP_FIELDS } from "~/journey/representation-steps";
import { isLanguageCode } from "~/i18n/languages";
import { saveRepresentativeProfile } from "~/representation/profiles.server";
import { consentRouteFor, type Relationship } from "~/representation/representation-rules";
import { isVerifiedElectedMember, startRepresentation } from "~/representation/representation.server";
import { newComplaintReference } from "~/models/complaint-reference";
import type { IsoDate } from "~/rules/calendar-dates";
import { computeTimeline, dueDatesByKey } from "~/rules/complaint-timeline";
import { screenComplaint, type Subject } from "~/rules/eligibility";
import { attachToComplaint } from "~/uploads/attachments.server";
import type { Pathway } from "~/rules/timescales";

export type SubmittedComplaint = {
  id: string;
  reference: string;
  pathway: Pathway;
  serviceAreaSlug: string;
  receivedOn: IsoDate;
  created: boolean;
};

/** RULES §3: the acknowledgement and Stage 1 response dates for a complaint received on a day. */
export function firstDueDates(pathway: Pathway, receivedOn: IsoDate) {
  const result = computeTimeline({ pathway, events: [{ type: "received", date: receivedOn }] });
  if (!result.ok) throw new Error(result.error.message);
  const dates = dueDatesByKey(result.timeline);
  return {
    acknowledgeBy: dates.acknowledgeBy!,
    responseBy: (pathway === "adults" ? dates.stage1TargetBy : dates.stage1ResponseBy)!,
    timeline: result.timeline,
  };
}

export async function submitComplaint(
  db: Database,
  input: {
    draftId: string;
    answers: ComplaintAnswers;
    /** The hash of the draft's new token: the cookie that found the draft stops working once it is sent. */
    newTokenHash: string;
    serviceAreaPathway: Pathway;
    language: LanguageCode;
    receivedOn: IsoDate;
    /** The signed-in account making the complaint: it is linked at once (issue 9). */
    accountId?: string | null;
    /** Issue 10: the signed-in account complaining for someone else (needed when the answers say so). */
    representative?: { accountId: string; email: string } | null;
    enqueueMail?: (tx: Database, complaint: { reference: string; pathway: Pathway; receivedOn: IsoDate }) => Promise<void>;
  },
): Promise<SubmittedComplaint> {
  const { answers } = input;
  return db.transaction(async (tx) => {
    const locked = await tx.execute(sql`select submitted_complaint_id from drafts where id = ${input.draftId} for update`);
    const lockedRows = rowsOf<{ submitted_complaint_id: string | null }>(locked);
    const already = lockedRows[0]?.submitted_complaint_id;
    if (already) {
      const [existing] = await tx.select().from(complaints).where(eq(complaints.id, already));
      const { id, reference, pathway, serviceAreaSlug, receivedOn } = existing!;
      return { id, reference, pathway, serviceAreaSlug, receivedOn, created: false };
    }

    const screening = screenComplaint({
      serviceAreaPathway: input.serviceAreaPathway,
      firstReport: answers.reportedBefore === "no",
      subject: (answers.subject ?? "none_of_these") as Subject,
      happenedOn: answers.happenedOn ?? input.receivedOn,
      today: input.receivedOn,
      courtOrTribunalProceedings: answers.proceedings === "yes",
      onBehalfOfSomeoneElse: forSomeoneElse(answers),
      ...(answers.cannotConsentReason === "child" ? { representedPerson: "child" as const } : {}),
      ...(answers.cannotConsentReason === "lacks_capacity" ? { representedPerson: "adult_lacking_capacity" as const } : {}),
      anonymous: !forSomeoneElse(answers) && answers.giveDetails === "no",
    });
    const someoneElse = forSomeoneElse(answers);
    if (someoneElse && !input.representative) throw new Error("A complaint for someone else needs the representative's account");
    const anonymous = !someoneElse && answers.giveDetails === "no";
    const values = {
      serviceAreaSlug: answers.serviceArea!,
      pathway: screening.suggestedPathway,
      language: input.language,
      receivedOn: input.receivedOn,
      whatWentWrong: answers.whatWentWrong ?? "",
      howAffected: answers.howAffected ?? "",
      outcomeWanted: answers.outcomeWanted ?? "",
      anonymous,
      supportNeeds: answers.supportNeeds ?? "",
      interpreterLanguage: answers.interpreter === "yes" ? (answers.interpreterLanguage ?? "") : "",
      happenedOn: answers.happenedOn ?? null,
      referenceNumbers: answers.referenceNumbers ?? "",
      exceptionalCircumstances: answers.exceptionalCircumstances ?? "",
      screening: {
        reportedBefore: answers.reportedBefore,
        subject: answers.subject,
        proceedings: answers.proceedings,
        decision: screening.decision,
        advice: screening.advice.map((item) => item.code),
      },
      draftId: input.draftId,
    };
    // Policy §8: an anonymous complaint has no complainant's record to reach. Issue 10: for someone else, the
    // complainant's record is the person's, as the representative described them, and reaches no account of theirs.
    const complainant = someoneElse
      ? { name: answers.personName ?? "", email: answers.personEmail ?? "", phone: answers.personPhone ?? "", address: answers.personAddress ?? "", preferredContact: "email", accountId: null }
      : anonymous
      ? undefined
      : {
          name: answers.name ?? "",
          email: answers.email ?? "",
          phone: answers.phone ?? "",
          address: answers.address ?? "",
          preferredContact: answers.preferredContact ?? "email",
          accountId: input.accountId ?? null,
        };

    // A clash of random references is vanishingly rare; a savepoint lets the insert be tried again.
    let created: { id: string; reference: string } | undefined;
    for (let attempt = 0; !created && attempt < 5; attempt++) {
      const reference = newComplaintReference();
      created = await tx
        .transaction((savepoint) =>
          openCase(savepoint, {
            values: { ...values, reference },
            complainant,
            actor: someoneElse ? "representative" : "resident",
            accountId: someoneElse ? input.representative!.accountId : (input.accountId ?? null),
          }),
        )
        .catch((error: unknown) => {
          if (violatedUniqueConstraint(error) === "complaints_reference_unique") return undefined;
          throw error;
        });
    }
    if (!created) throw new Error("Could not find an unused complaint reference");

    await attachToComplaint(tx as unknown as Database, input.draftId, created.id);
    if (someoneElse) await representFromAnswers(tx as unknown as Database, { complaintId: created.id, reference: created.reference, today: input.receivedOn, answers, representative: input.representative!, language: input.language });

    const complaint = { reference: created.reference, pathway: screening.suggestedPathway, receivedOn: input.receivedOn };
    if (input.enqueueMail) await input.enqueueMail(tx as unknown as Database, complaint);

    // The answers now live in the complaint; the draft keeps only the link to it, for the confirmation page, under
    // a new token.
    await tx
      .update(drafts)
      .set({ submittedComplaintId: created.id, answers: {}, tokenHash: input.newTokenHash })
      .where(eq(drafts.id, input.draftId));
    return { id: created.id, ...complaint, serviceAreaSlug: values.serviceAreaSlug, created: true };
  });
}

/** Issue 10: records who complains for the person, and asks the person's permission, from the journey's answers. */
async function representFromAnswers(
  tx: Database,
  input: { complaintId: string; reference: string; today: IsoDate; answers: ComplaintAnswers; representative: { accountId: string; email: string }; language: LanguageCode },
) {
  const { answers } = input;
  const relationship = (answers.relationship ?? "other") as Relationship;
  const detailField = RELATIONSHIP_FIELDS[relationship as keyof typeof RELATIONSHIP_FIELDS];
  const relationshipDetail = detailField ? ((answers as Record<string, string | undefined>)[detailField] ?? "") : "";
  const canConsent = answers.personCanConsent !== "no";
  const route =
    consentRouteFor({
      relationship,
      verifiedElectedMember: await isVerifiedElectedMember(tx, input.representative.email, relationship),
      canConsent,
      chosen: answers.consentRoute,
    }) ?? "signed_form";
  const name = answers.representativeName ?? "";
  const phone = answers.representativePhone ?? "";
  await saveRepresentativeProfile(tx, input.representative.accountId, { name, phone, relationship, relationshipDetail });
  const cannotConsent: Record<string, string> | undefined = canConsent
    ? undefined
    : {
        reason: answers.cannotConsentReason ?? "",
        ...(answers.capacityAuthority && answers.cannotConsentReason === "lacks_capacity" ? { authority: answers.capacityAuthority } : {}),
        ...(answers.deathAuthority && answers.cannotConsentReason === "died" ? { authority: answers.deathAuthority } : {}),
        ...(answers.cannotConsentReason === "child" ? { childAgrees: answers.childAgrees ?? "", childViews: answers.childViews ?? "" } : {}),
      };
  const personLanguage = answers.personLanguage && isLanguageCode(answers.personLanguage) ? answers.personLanguage : input.language;
  await startRepresentation(tx, {
    complaintId: input.complaintId,
    reference: input.reference,
    today: input.today,
    representative: { accountId: input.representative.accountId, email: input.representative.email, name, phone },
    relationship,
    relationshipDetail,
    route,
    personUnder18: answers.personUnder18 === "yes",
    ...(cannotConsent ? { cannotConsent } : {}),
    person: { name: answers.personName ?? "", email: answers.personEmail ?? "", phone: answers.personPhone ?? "", language: personLanguage },
    summary: answers.whatWentWrong ?? "",
  });
}

/** The complaint a draft became, for its confirmation page. */
export async function complaintForDraft(db: Database, complaintId: string) {
  const [row] = await db
    .select({
      reference: complaints.reference,
      pathway: complaints.pathway,
      receivedOn: complaints.receivedOn,
      // Issue 10: made for someone else, the acknowledgement went to the representative.
      email: sql<string>`coalesce((select p.email from complaint_parties p where p.complaint_id = ${complaints.id} and p.role = 'representative' limit 1), ${complaintParties.email}, '')`,
      forSomeoneElse: sql<boolean>`exists (select 1 from representations r where r.complaint_id = ${complaints.id})`,
      anonymous: complaints.anonymous,
      serviceAreaSlug: complaints.serviceAreaSlug,
    })
    .from(complaints)
    .leftJoin(complaintParties, and(eq(complaintParties.complaintId, complaints.id), eq(complaintParties.role, "complainant")))
    .where(eq(complaints.id, complaintId));
  return row ?? null;
}

/** The outbox's one acknowledgement per complaint. */
export function acknowledgementKey(reference: string): string {
  return `acknowledgement:${reference}`;
}

/** Whether the acknowledgement email for a complaint has gone (the mail worker sends it within seconds). */
export async function acknowledgementSent(db: Database, reference: string): Promise<boolean> {
  const [row] = await db
    .select({ sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.dedupeKey, acknowledgementKey(reference)));
  return Boolean(row?.sentAt);
}
