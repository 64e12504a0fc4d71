// Complaining for someone else (policy §7; RULES §4): who may act for a person, how the person's permission is
// given, and what acting allows at each point. Pure: the database and the pages use these rules, never their own.

/** §7.2–7.3: relatives, friends and carers; advice and advocacy workers; elected members; solicitors; others. */
export const RELATIONSHIPS = ["family_friend_carer", "advocate", "councillor", "mp", "solicitor", "other"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** What a relationship names besides itself: the organisation, the ward, the constituency, or in the person's words. */
export const RELATIONSHIP_DETAIL: Record<Relationship, "organisation" | "ward" | "constituency" | "describe" | null> = {
  family_friend_carer: null,
  advocate: "organisation",
  councillor: "ward",
  mp: "constituency",
  solicitor: "organisation",
  other: "describe",
};

/** Elected members (§7.3) act on a constituent's request without a separate permission, once their address is verified. */
export const ELECTED_RELATIONSHIPS: readonly Relationship[] = ["councillor", "mp"];

/**
 * How the person's permission is given (§7.4, §7.7–7.9): they confirm online; the representative sends a signed
 * form; they cannot give it (a child, an adult lacking capacity, a person who has died); or a verified elected
 * member acts on their request.
 */
export const CONSENT_ROUTES = ["online", "signed_form", "cannot_consent", "elected_member"] as const;
export type ConsentRoute = (typeof CONSENT_ROUTES)[number];

/** The routes a representative chooses between (an elected member's is decided by their verified address). */
export const CHOSEN_CONSENT_ROUTES = ["online", "signed_form"] as const;

/** §7.7–7.9: why the person cannot give permission. */
export const CANNOT_CONSENT_REASONS = ["child", "lacks_capacity", "died"] as const;
export type CannotConsentReason = (typeof CANNOT_CONSENT_REASONS)[number];

/** §7.9 and the law around a death: the authority the representative acts with. */
export const AUTHORITIES: Record<Exclude<CannotConsentReason, "child">, readonly string[]> = {
  lacks_capacity: ["lasting_power_of_attorney", "deputy", "best_interests"],
  died: ["executor", "next_of_kin"],
};

/**
 * Where a representation stands. Awaiting the person's consent (the online route), awaiting the council's decision
 * (a signed form to check, or a person who cannot consent: §7.4, §7.7–7.9), active, or ended: declined by the
 * person, revoked by them, or not accepted by the council.
 */
export const REPRESENTATION_STATES = ["awaiting_consent", "awaiting_decision", "active", "declined", "revoked", "not_accepted"] as const;
export type RepresentationState = (typeof REPRESENTATION_STATES)[number];

/** Who the person chose to receive the council's letters. */
export const LETTERS_TO = ["representative", "person", "both"] as const;
export type LettersTo = (typeof LETTERS_TO)[number];

/** A consent link lasts 28 days; a reminder goes after 7 if it has not been used (issue 10). */
export const CONSENT_LINK_DAYS = 28;
export const CONSENT_REMINDER_DAYS = 7;

/** The state a representation starts in. */
export function initialState(route: ConsentRoute): RepresentationState {
  switch (route) {
    case "online":
      return "awaiting_consent";
    case "elected_member":
      return "active";
    case "signed_form": // counts once staff have checked the form
    case "cannot_consent": // the council decides whether the representation is appropriate
      return "awaiting_decision";
  }
}

/** What can happen to a representation, and by whom. */
export type RepresentationChange =
  | { type: "consent_given"; lettersTo: LettersTo }
  | { type: "consent_declined" }
  | { type: "revoked" }
  | { type: "council_accepted" }
  | { type: "council_not_accepted" };

const NEXT: Record<RepresentationChange["type"], { from: readonly RepresentationState[]; to: RepresentationState }> = {
  consent_given: { from: ["awaiting_consent"], to: "active" },
  consent_declined: { from: ["awaiting_consent"], to: "declined" },
  // The person may take back their permission at any time, or refuse it before the council has decided.
  revoked: { from: ["awaiting_consent", "awaiting_decision", "active"], to: "revoked" },
  council_accepted: { from: ["awaiting_decision"], to: "active" },
  council_not_accepted: { from: ["awaiting_decision"], to: "not_accepted" },
};

/** The state after a change, or null when the change cannot happen in this state (a second revocation, say). */
export function stateAfter(state: RepresentationState, change: RepresentationChange): RepresentationState | null {
  const rule = NEXT[change.type];
  return rule.from.includes(state) ? rule.to : null;
}

/**
 * What the representative may see and do (issue 10, item 4). With consent, all the person may; until then only the
 * reference, the stage and that permission is awaited; once declined, revoked or not accepted, nothing (404).
 */
export function representativeAccess(state: RepresentationState): "full" | "limited" | "none" {
  if (state === "active") return "full";
  if (state === "awaiting_consent" || state === "awaiting_decision") return "limited";
  return "none";
}

/** Whether the representation is still live: it can be revoked, and the person sees it under "people acting for you". */
export function isLive(state: RepresentationState): boolean {
  return representativeAccess(state) !== "none";
}

/** Who the council's letters go to: the representative only while acting with consent, as the person chose. */
export function letterRecipients(state: RepresentationState, lettersTo: LettersTo): { person: boolean; representative: boolean } {
  if (state !== "active") return { person: true, representative: false };
  return { person: lettersTo !== "representative", representative: lettersTo !== "person" };
}

/** The route a representation takes: an elected member verified as one acts on request; others as they chose. */
export function consentRouteFor(input: {
  relationship: Relationship;
  verifiedElectedMember: boolean;
  canConsent: boolean;
  chosen: (typeof CHOSEN_CONSENT_ROUTES)[number] | undefined;
}): ConsentRoute | null {
  if (ELECTED_RELATIONSHIPS.includes(input.relationship) && input.verifiedElectedMember) return "elected_member";
  if (!input.canConsent) return "cannot_consent";
  return input.chosen ?? null;
}

/** A consent link can be used while unused and unexpired, and while the representation still awaits consent. */
export function consentLinkUsable(link: { expiresAt: Date; usedAt: Date | null }, state: RepresentationState, now: Date): boolean {
  return link.usedAt === null && link.expiresAt > now && state === "awaiting_consent";
}

/** Whether a reminder is due: not yet sent, the link unused and live, 7 days since it was sent. */
export function consentReminderDue(link: { createdAt: Date; expiresAt: Date; usedAt: Date | null; remindedAt: Date | null }, state: RepresentationState, now: Date): boolean {
  return link.remindedAt === null && consentLinkUsable(link, state, now) && now.getTime() - link.createdAt.getTime() >= CONSENT_REMINDER_DAYS * 86_400_000;
}
