// Someone acting for the person a complaint is about (issue 10; policy §7): recording the representative and how
// the person's permission is to be given, the person's answer through a one-time link, revocation, and the council's
// decision. Every change goes through the case service (an event in the complaint's history, in one transaction
// with the representation's new state and its emails); the states and what they allow are in representation-rules.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { complaintParties, complaints, consentRequests, electedMembers, representations } from "../../db/schema";
import { CaseChangeError, changeCase, type Transaction } from "~/cases/case-service.server";
import type { Actor } from "~/cases/case-events";
import { publicUrl } from "~/http/public-url.server";
import { isLanguageCode, type LanguageCode } from "~/i18n/languages";
import { ukMobileNumber } from "~/accounts/mobile-number";
import { enqueueEmail, enqueueText } from "~/mail/outbox.server";
import { textMessagesConfigured } from "~/mail/transport.server";
import type { IsoDate } from "~/rules/calendar-dates";
import {
  CONSENT_LINK_DAYS,
  consentLinkUsable,
  consentReminderDue,
  ELECTED_RELATIONSHIPS,
  initialState,
  type ConsentRoute,
  type LettersTo,
  type Relationship,
  type RepresentationChange,
  type RepresentationState,
  stateAfter,
} from "./representation-rules";

const DAY = 86_400_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Whether the address is a verified elected member's of the kind given (§7.3): on the council's list, or an MP's domain. */
export async function isVerifiedElectedMember(
  db: Database,
  email: string,
  relationship: Relationship,
  env: Record<string, string | undefined> = process.env,
): Promise<boolean> {
  if (!ELECTED_RELATIONSHIPS.includes(relationship)) return false;
  const address = email.trim().toLowerCase();
  const [listed] = await db.select({ kind: electedMembers.kind }).from(electedMembers).where(eq(electedMembers.email, address));
  if (listed) return listed.kind === relationship;
  // MPs by their address's domain (MP_EMAIL_DOMAINS, e.g. "parliament.uk"), as the council configures.
  const domains = (env.MP_EMAIL_DOMAINS ?? "").split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean);
  return relationship === "mp" && domains.some((domain) => address.endsWith(`@${domain}`));
}

export type NewRepresentation = {
  complaintId: string;
  reference: string;
  today: IsoDate;
  representative: { accountId: string; email: string; name: string; phone: string };
  relationship: Relationship;
  relationshipDetail: string;
  route: ConsentRoute;
  personUnder18: boolean;
  cannotConsent?: Record<string, string>;
  /**
   * The person, as the representative described them: a consent link goes to their email, and by text to their UK
   * mobile number when the council sends texts (GOV.UK Notify), in their language.
   */
  person: { name: string; email: string; phone?: string; language: LanguageCode };
  /** What went wrong, for the person to recognise the complaint. */
  summary: string;
};

/**
 * Records the representative as a party of a complaint just made, in the transaction that made it, and asks the
 * person's permission when that is the route (an email with a one-time link), or tells them an elected member acts
 * on their request. Returns the consent link's token when one was made (for the demonstration only).
 */
export async function startRepresentation(
  tx: Transaction | Database,
  input: NewRepresentation,
  now = new Date(),
  env: Record<string, string | undefined> = process.env,
): Promise<{ id: string; consentToken: string | null }> {
  const db = tx as Database;
  const [party] = await db
    .insert(complaintParties)
    .values({
      complaintId: input.complaintId,
      role: "representative",
      name: input.representative.name,
      email: input.representative.email,
      phone: input.representative.phone,
      accountId: input.representative.accountId,
    })
    .returning({ id: complaintParties.id });
  const state = initialState(input.route);
  const [representation] = await db
    .insert(representations)
    .values({
      complaintId: input.complaintId,
      partyId: party!.id,
      accountId: input.representative.accountId,
      relationship: input.relationship,
      relationshipDetail: input.relationshipDetail,
      consentRoute: input.route,
      state,
      personUnder18: input.personUnder18,
      cannotConsent: input.cannotConsent ?? null,
    })
    .returning({ id: representations.id });
  await changeCase(db, {
    complaintId: input.complaintId,
    event: { type: "representative_added", date: input.today, relationship: input.relationship, route: input.route },
    actor: "representative",
    accountId: input.representative.accountId,
  });

  const letter = {
    reference: input.reference,
    representative: input.representative.name,
    representativeDetail: input.relationshipDetail,
    person: input.person.name,
  };
  let consentToken: string | null = null;
  const mobile = textMessagesConfigured(env) ? ukMobileNumber(input.person.phone ?? "") : null;
  if ((input.person.email || mobile) && state === "awaiting_consent") {
    consentToken = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + CONSENT_LINK_DAYS * DAY);
    const [request] = await db
      .insert(consentRequests)
      .values({ representationId: representation!.id, tokenHash: hashToken(consentToken), locale: input.person.language, expiresAt, createdAt: now })
      .returning({ id: consentRequests.id });
    const payload = { kind: "consent_request" as const, ...letter, link: consentLink(consentToken, input.person.language), expiresOn: londonDate(expiresAt) };
    if (input.person.email) {
      await enqueueEmail(db, { dedupeKey: `consent:${request!.id}`, template: "representation", locale: input.person.language, recipient: input.person.email, payload: { ...payload, summary: input.summary.slice(0, 300) } });
    }
    // The same link by text: whichever the person opens first answers.
    if (mobile) await enqueueText(db, { dedupeKey: `consent-text:${request!.id}`, template: "representation", locale: input.person.language, recipient: mobile, payload });
  } else if (input.person.email && input.route === "elected_member") {
    await enqueueEmail(db, {
      dedupeKey: `elected-notice:${representation!.id}`,
      template: "representation",
      locale: input.person.language,
      recipient: input.person.email,
      payload: { kind: "elected_notice", ...letter },
    });
  }
  return { id: representation!.id, consentToken };
}

/** The link in a consent email: it opens the page in the language the person was written to in. */
const consentLink = (token: string, language: string) => `${publicUrl()}/consent/${token}?lng=${language}`;
const londonDate = (date: Date) => date.toLocaleDateString("en-CA", { timeZone: "Europe/London" }) as IsoDate;

type RepresentationRow = typeof representations.$inferSelect;

/**
 * Changes a representation's state through the case service: an event in the complaint's history, the new state,
 * and the emails, in one transaction. A change the state does not allow (a second revocation, an answer to a link
 * already used) is refused with a CaseChangeError ("representation_unchanged", 409) and changes nothing.
 */
async function changeRepresentation(
  db: Database,
  input: { representationId: string; change: RepresentationChange; actor: Actor; accountId?: string | null; today: IsoDate; dedupeKey?: string },
  after?: (tx: Transaction, representation: RepresentationRow, state: RepresentationState) => Promise<void>,
): Promise<RepresentationState> {
  const [known] = await db.select({ complaintId: representations.complaintId }).from(representations).where(eq(representations.id, input.representationId));
  if (!known) throw new CaseChangeError("not_found", "no such representation");
  let newState: RepresentationState | null = null;
  await changeCase(db, {
    complaintId: known.complaintId,
    event: {
      type: "representation_changed",
      date: input.today,
      change: input.change.type,
      ...(input.change.type === "consent_given" ? { lettersTo: input.change.lettersTo } : {}),
    },
    actor: input.actor,
    accountId: input.accountId ?? null,
    ...(input.dedupeKey ? { dedupeKey: input.dedupeKey } : {}),
    notify: async (tx) => {
      // The complaint's row is locked by the case service, so two answers to one representation take turns.
      const [row] = await tx.select().from(representations).where(eq(representations.id, input.representationId));
      const next = stateAfter(row!.state as RepresentationState, input.change);
      if (next === null) throw new CaseChangeError("representation_unchanged", `a ${row!.state} representation cannot be ${input.change.type}`);
      await tx
        .update(representations)
        .set({ state: next, changedAt: new Date(), ...(input.change.type === "consent_given" ? { lettersTo: input.change.lettersTo } : {}) })
        .where(eq(representations.id, input.representationId));
      newState = next;
      if (after) await after(tx, row!, next);
    },
  });
  if (newState !== null) return newState;
  // The same form posted again: the case service found its event and changed nothing.
  const [now] = await db.select({ state: representations.state }).from(representations).where(eq(representations.id, input.representationId));
  return now!.state as RepresentationState;
}

/** The people in a representation, for its emails. */
async function partiesOf(tx: Transaction, representation: RepresentationRow) {
  const parties = await tx
    .select({ id: complaintParties.id, role: complaintParties.role, name: complaintParties.name, email: complaintParties.email, phone: complaintParties.phone, reference: complaints.reference, language: complaints.language })
    .from(complaintParties)
    .innerJoin(complaints, eq(complaints.id, complaintParties.complaintId))
    .where(eq(complaintParties.complaintId, representation.complaintId));
  const person = parties.find((party) => party.role === "complainant");
  const representative = parties.find((party) => party.id === representation.partyId);
  const language: LanguageCode = person && isLanguageCode(person.language) ? person.language : "en";
  return { person, representative, reference: parties[0]?.reference ?? "", language };
}

export type ConsentLink =
  | { status: "usable"; requestId: string; representationId: string; reference: string; representative: string; representativeDetail: string; relationship: Relationship; person: string; summary: string; expiresAt: Date }
  | { status: "used" | "expired" | "unknown" };

/** What a consent link shows: who is acting for whom on which complaint, or why it no longer works. */
export async function readConsentLink(db: Database, token: string, now = new Date()): Promise<ConsentLink> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "unknown" };
  const [row] = await db
    .select({ request: consentRequests, representation: representations, reference: complaints.reference, summary: complaints.whatWentWrong })
    .from(consentRequests)
    .innerJoin(representations, eq(representations.id, consentRequests.representationId))
    .innerJoin(complaints, eq(complaints.id, representations.complaintId))
    .where(eq(consentRequests.tokenHash, hashToken(token)));
  if (!row) return { status: "unknown" };
  const state = row.representation.state as RepresentationState;
  if (!consentLinkUsable(row.request, state, now)) return { status: row.request.usedAt || state !== "awaiting_consent" ? "used" : "expired" };
  const parties = await db
    .select({ id: complaintParties.id, role: complaintParties.role, name: complaintParties.name })
    .from(complaintParties)
    .where(eq(complaintParties.complaintId, row.representation.complaintId));
  return {
    status: "usable",
    requestId: row.request.id,
    representationId: row.representation.id,
    reference: row.reference,
    representative: parties.find((party) => party.id === row.representation.partyId)?.name ?? "",
    representativeDetail: row.representation.relationshipDetail,
    relationship: row.representation.relationship as Relationship,
    person: parties.find((party) => party.role === "complainant")?.name ?? "",
    summary: row.summary,
    expiresAt: row.request.expiresAt,
  };
}

/**
 * The person's answer through their link: agreed (choosing who receives letters) or declined. Works once; a link
 * used, expired, forged or for a representation that has since ended changes nothing.
 */
export async function answerConsent(
  db: Database,
  token: string,
  answer: { agree: true; lettersTo: LettersTo } | { agree: false },
  today: IsoDate,
  now = new Date(),
): Promise<{ ok: true; state: RepresentationState } | { ok: false; status: "used" | "expired" | "unknown" }> {
  const link = await readConsentLink(db, token, now);
  if (link.status !== "usable") return { ok: false, status: link.status };
  const change: RepresentationChange = answer.agree ? { type: "consent_given", lettersTo: answer.lettersTo } : { type: "consent_declined" };
  try {
    const state = await changeRepresentation(db, { representationId: link.representationId, change, actor: "resident", today, dedupeKey: `consent:${link.requestId}` }, async (tx, representation) => {
      // The link is spent by its first use, even when two posts race: the second finds it used.
      const spent = await tx
        .update(consentRequests)
        .set({ usedAt: now })
        .where(and(eq(consentRequests.id, link.requestId), isNull(consentRequests.usedAt)))
        .returning({ id: consentRequests.id });
      if (spent.length === 0) throw new CaseChangeError("representation_unchanged", "the link was already used");
      const { representative, reference, language } = await partiesOf(tx, representation);
      if (representative?.email) {
        await enqueueEmail(tx, {
          dedupeKey: `consent-answer:${link.requestId}`,
          template: "representation",
          locale: language,
          recipient: representative.email,
          payload: { kind: answer.agree ? "consent_given" : "consent_declined", reference, representative: representative.name, person: link.person },
        });
      }
    });
    return { ok: true, state };
  } catch (error) {
    if (error instanceof CaseChangeError && error.code === "representation_unchanged") return { ok: false, status: "used" };
    throw error;
  }
}

/**
 * The person stops someone acting for them (issue 10, item 4): effective at once, recorded in the history, and
 * confirmed by email to both. Refused (409, nothing changed) when it has already ended.
 */
export async function revokeRepresentation(
  db: Database,
  input: { representationId: string; complaintId: string; accountId: string; today: IsoDate; formId: string },
): Promise<RepresentationState> {
  const [row] = await db
    .select({ id: representations.id })
    .from(representations)
    .where(and(eq(representations.id, input.representationId), eq(representations.complaintId, input.complaintId)));
  if (!row) throw new CaseChangeError("not_found", "no such representation on this complaint");
  return changeRepresentation(db, { representationId: row.id, change: { type: "revoked" }, actor: "resident", accountId: input.accountId, today: input.today, dedupeKey: `resident:${input.formId}` }, async (tx, representation) => {
    const { person, representative, reference, language } = await partiesOf(tx, representation);
    const letter = { reference, representative: representative?.name ?? "", person: person?.name ?? "" };
    if (representative?.email) {
      await enqueueEmail(tx, { dedupeKey: `revoked:${representation.id}:representative`, template: "representation", locale: language, recipient: representative.email, payload: { kind: "revoked_representative", ...letter } });
    }
    if (person?.email) {
      await enqueueEmail(tx, { dedupeKey: `revoked:${representation.id}:person`, template: "representation", locale: language, recipient: person.email, payload: { kind: "revoked_person", ...letter } });
    }
  });
}

/**
 * The council's decision on someone acting for a person who cannot consent, or on a signed form (§7.4, §7.7–7.9;
 * issue 10, item 3): accepted, they see and do everything the person could; not accepted, nothing. The
 * representative is told, with the officer's reasons as written. Refused (409, nothing changed) unless the
 * representation is awaiting the decision.
 */
export async function decideRepresentation(
  db: Database,
  input: { representationId: string; complaintId: string; accept: boolean; reasons: string; today: IsoDate; formId: string },
  audit?: (tx: Transaction) => Promise<void>,
): Promise<RepresentationState> {
  const [row] = await db
    .select({ id: representations.id })
    .from(representations)
    .where(and(eq(representations.id, input.representationId), eq(representations.complaintId, input.complaintId)));
  if (!row) throw new CaseChangeError("not_found", "no such representation on this complaint");
  const change = input.accept ? ({ type: "council_accepted" } as const) : ({ type: "council_not_accepted" } as const);
  return changeRepresentation(db, { representationId: row.id, change, actor: "staff", today: input.today, dedupeKey: `staff:${input.formId}` }, async (tx, representation) => {
    const { person, representative, reference, language } = await partiesOf(tx, representation);
    if (representative?.email) {
      await enqueueEmail(tx, {
        dedupeKey: `decided:${representation.id}`,
        template: "representation",
        locale: language,
        recipient: representative.email,
        payload: { kind: input.accept ? "council_accepted" : "council_not_accepted", reference, representative: representative.name, person: person?.name ?? "", reasons: input.reasons },
      });
    }
    await audit?.(tx);
  });
}

/** The people acting for the person on a complaint, for its page ("people acting for you"). */
export async function representativesOf(db: Database, complaintId: string) {
  return db
    .select({
      id: representations.id,
      name: complaintParties.name,
      relationship: representations.relationship,
      relationshipDetail: representations.relationshipDetail,
      state: representations.state,
      lettersTo: representations.lettersTo,
      // For the council's decision: how permission is given, and why the person cannot give it (§7.7–7.9).
      consentRoute: representations.consentRoute,
      personUnder18: representations.personUnder18,
      cannotConsent: representations.cannotConsent,
    })
    .from(representations)
    .innerJoin(complaintParties, eq(complaintParties.id, representations.partyId))
    .where(eq(representations.complaintId, complaintId))
    .orderBy(representations.createdAt);
}

/** Sends the one reminder a consent link gets, 7 days after it was sent (the hourly job). Returns how many went. */
export async function sendConsentReminders(db: Database, now = new Date(), env: Record<string, string | undefined> = process.env): Promise<number> {
  const due = await db
    .select({ request: consentRequests, representation: representations })
    .from(consentRequests)
    .innerJoin(representations, eq(representations.id, consentRequests.representationId))
    .where(and(isNull(consentRequests.remindedAt), isNull(consentRequests.usedAt), eq(representations.state, "awaiting_consent"), lte(consentRequests.createdAt, new Date(now.getTime() - 7 * DAY))));
  let sent = 0;
  for (const { request, representation } of due) {
    if (!consentReminderDue(request, representation.state as RepresentationState, now)) continue;
    // Only a hash of the first link is kept, so the reminder carries a second link of its own, to the same
    // representation and expiring with the first; whichever is used first answers, and the other then says so.
    const token = randomBytes(32).toString("base64url");
    const reminded = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(consentRequests)
        .set({ remindedAt: now })
        .where(and(eq(consentRequests.id, request.id), isNull(consentRequests.remindedAt), isNull(consentRequests.usedAt)))
        .returning({ id: consentRequests.id });
      if (claimed.length === 0) return false;
      await tx.insert(consentRequests).values({
        representationId: representation.id,
        tokenHash: hashToken(token),
        locale: request.locale,
        expiresAt: request.expiresAt,
        remindedAt: now,
        createdAt: now,
      });
      const { person, representative, reference } = await partiesOf(tx, representation);
      const mobile = textMessagesConfigured(env) ? ukMobileNumber(person?.phone ?? "") : null;
      if (!person || (!person.email && !mobile)) return false;
      const locale = isLanguageCode(request.locale) ? request.locale : "en";
      const payload = { kind: "consent_reminder" as const, reference, representative: representative?.name ?? "", representativeDetail: representation.relationshipDetail, person: person.name, link: consentLink(token, request.locale), expiresOn: londonDate(request.expiresAt) };
      if (person.email) await enqueueEmail(tx, { dedupeKey: `consent-reminder:${request.id}`, template: "representation", locale, recipient: person.email, payload });
      if (mobile) await enqueueText(tx, { dedupeKey: `consent-reminder-text:${request.id}`, template: "representation", locale, recipient: mobile, payload });
      return true;
    });
    if (reminded) sent += 1;
  }
  return sent;
}

export { hashToken as consentTokenHash };
