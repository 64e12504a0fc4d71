// RULES §7 and policy §16: the Local Government and Social Care Ombudsman, the route after the final
// stage (and the right named whenever the council refuses something). Contact details are data; the
// sentences around them live in locales/<lng>/rules.json under "ombudsman".
import { explanation, type Explanation } from "./explanations";
import { finalStage, type Pathway, type Stage } from "./timescales";

/** §16.5–§16.6 */
export const OMBUDSMAN_CONTACT = Object.freeze({
  name: "Local Government and Social Care Ombudsman",
  website: "https://www.lgo.org.uk",
  websiteLabel: "lgo.org.uk",
  howToComplainUrl: "https://www.lgo.org.uk/how-to-complain",
  telephone: "0300 061 0614",
  postalAddress: Object.freeze(["Local Government and Social Care Ombudsman", "PO Box 4771", "Coventry", "CV4 0EH"]),
});

/** §16.4 and RULES §7: the Ombudsman normally expects complaints within 12 months of knowing of the problem. */
export const OMBUDSMAN_USUAL_TIME_LIMIT_MONTHS = 12;

export const OMBUDSMAN_REFERRAL_REASONS = [
  "final_response", // §14.12, §22.11, §23.8: after the last stage
  "not_accepted", // §6.5: a decision not to accept a complaint
  "out_of_time", // §9.3: a complaint refused as out of time
  "late_escalation_refused", // §14.3: a late Stage 2 request refused
  "extension", // §13.11, §14.9: corporate extensions may be taken to the Ombudsman
  "any_stage", // §16.4: a person may contact the Ombudsman at any stage
  "contact_restricted", // §18 (and §16.4): limits on how the person may contact the council
] as const;
export type OmbudsmanReferralReason = (typeof OMBUDSMAN_REFERRAL_REASONS)[number];

/** Whether a stage is the last one of its pathway, after which the Ombudsman is the next step. */
export function isFinalStage(pathway: Pathway, stage: Stage): boolean {
  return stage === finalStage(pathway);
}

/** The sentence telling the person how to go to the Ombudsman, with the contact details as params. */
export function ombudsmanReferral(reason: OmbudsmanReferralReason): Explanation {
  return REFERRALS[reason];
}

const REFERRAL_PARAMS = Object.freeze({
  website: OMBUDSMAN_CONTACT.websiteLabel,
  websiteUrl: OMBUDSMAN_CONTACT.website,
  telephone: OMBUDSMAN_CONTACT.telephone,
  address: OMBUDSMAN_CONTACT.postalAddress.join(", "),
  months: OMBUDSMAN_USUAL_TIME_LIMIT_MONTHS,
});

const REFERRALS = Object.fromEntries(
  OMBUDSMAN_REFERRAL_REASONS.map((reason) => [reason, Object.freeze(explanation(`ombudsman.referral.${reason}`, REFERRAL_PARAMS))]),
) as Record<OmbudsmanReferralReason, Explanation>;
