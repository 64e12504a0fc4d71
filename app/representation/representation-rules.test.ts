import { describe, expect, it } from "vitest";
import {
  CONSENT_LINK_DAYS,
  consentLinkUsable,
  consentReminderDue,
  consentRouteFor,
  initialState,
  letterRecipients,
  representativeAccess,
  stateAfter,
} from "./representation-rules";

const DAY = 86_400_000;

describe("representation", () => {
  it("starts awaiting the person's consent online, the council's decision otherwise, active for a verified elected member", () => {
    expect(initialState("online")).toBe("awaiting_consent");
    expect(initialState("signed_form")).toBe("awaiting_decision");
    expect(initialState("cannot_consent")).toBe("awaiting_decision");
    expect(initialState("elected_member")).toBe("active");
  });

  it("lets an elected member act on request only when verified; a person who cannot consent goes to the council", () => {
    const base = { verifiedElectedMember: false, canConsent: true, chosen: "online" as const };
    expect(consentRouteFor({ ...base, relationship: "councillor", verifiedElectedMember: true })).toBe("elected_member");
    expect(consentRouteFor({ ...base, relationship: "mp" })).toBe("online");
    expect(consentRouteFor({ ...base, relationship: "family_friend_carer", verifiedElectedMember: true })).toBe("online");
    expect(consentRouteFor({ ...base, relationship: "advocate", canConsent: false })).toBe("cannot_consent");
    expect(consentRouteFor({ ...base, relationship: "advocate", chosen: undefined })).toBeNull();
  });

  it("moves only along the allowed changes: a second revocation or a late consent changes nothing", () => {
    expect(stateAfter("awaiting_consent", { type: "consent_given", lettersTo: "both" })).toBe("active");
    expect(stateAfter("awaiting_consent", { type: "consent_declined" })).toBe("declined");
    expect(stateAfter("active", { type: "revoked" })).toBe("revoked");
    expect(stateAfter("awaiting_decision", { type: "revoked" })).toBe("revoked");
    expect(stateAfter("revoked", { type: "revoked" })).toBeNull();
    expect(stateAfter("declined", { type: "consent_given", lettersTo: "person" })).toBeNull();
    expect(stateAfter("awaiting_decision", { type: "consent_given", lettersTo: "person" })).toBeNull();
    expect(stateAfter("awaiting_decision", { type: "council_accepted" })).toBe("active");
    expect(stateAfter("awaiting_decision", { type: "council_not_accepted" })).toBe("not_accepted");
    expect(stateAfter("active", { type: "council_accepted" })).toBeNull();
  });

  it("gives a representative everything with consent, the reference and stage before it, nothing after it ends", () => {
    expect(representativeAccess("active")).toBe("full");
    expect(representativeAccess("awaiting_consent")).toBe("limited");
    expect(representativeAccess("awaiting_decision")).toBe("limited");
    for (const ended of ["declined", "revoked", "not_accepted"] as const) expect(representativeAccess(ended)).toBe("none");
  });

  it("sends letters as the person chose, and only to the person until the representative may act", () => {
    expect(letterRecipients("active", "both")).toEqual({ person: true, representative: true });
    expect(letterRecipients("active", "representative")).toEqual({ person: false, representative: true });
    expect(letterRecipients("active", "person")).toEqual({ person: true, representative: false });
    expect(letterRecipients("awaiting_consent", "representative")).toEqual({ person: true, representative: false });
    expect(letterRecipients("revoked", "both")).toEqual({ person: true, representative: false });
  });

  it("keeps a consent link usable once, for 28 days, while consent is awaited; reminds once after 7 days", () => {
    const sent = new Date("2026-12-01T10:00:00Z");
    const link = { createdAt: sent, expiresAt: new Date(sent.getTime() + CONSENT_LINK_DAYS * DAY), usedAt: null, remindedAt: null };
    expect(consentLinkUsable(link, "awaiting_consent", new Date(sent.getTime() + 27 * DAY))).toBe(true);
    expect(consentLinkUsable(link, "awaiting_consent", new Date(sent.getTime() + 28 * DAY))).toBe(false);
    expect(consentLinkUsable({ ...link, usedAt: sent }, "awaiting_consent", sent)).toBe(false);
    expect(consentLinkUsable(link, "revoked", sent)).toBe(false);
    expect(consentReminderDue(link, "awaiting_consent", new Date(sent.getTime() + 6 * DAY))).toBe(false);
    expect(consentReminderDue(link, "awaiting_consent", new Date(sent.getTime() + 7 * DAY))).toBe(true);
    expect(consentReminderDue({ ...link, remindedAt: sent }, "awaiting_consent", new Date(sent.getTime() + 8 * DAY))).toBe(false);
    expect(consentReminderDue(link, "active", new Date(sent.getTime() + 8 * DAY))).toBe(false);
  });
});
