// Issue 10: the questions of the online complaint for someone complaining for another person (policy §7): who
// they are to the person, their own details (from their account), the person, whether the person can give
// permission and how. Checked on the server only: these pages' definitions stay out of the browser's code, which
// draws them from what the server sends (journey-order.server.ts puts them in the journey's order).
import { z } from "zod/mini";
import { asciiDigits } from "~/forms/digits";
import { EMAIL, NAME_LIMIT } from "~/forms/plain-text";
import { LANGUAGE_CODES } from "~/i18n/languages";
import { AUTHORITIES, CANNOT_CONSENT_REASONS, CHOSEN_CONSENT_ROUTES, RELATIONSHIPS } from "~/representation/representation-rules";
import {
  continueSchema,
  forSomeoneElse,
  line,
  options,
  SHORT_TEXT_LIMIT,
  type Step,
  type StepSchema,
  text,
  TEXT_LIMIT,
  yesNo,
} from "./complaint-steps";

/** What each relationship names besides itself, as the field revealed under it (RELATIONSHIP_DETAIL). */
export const RELATIONSHIP_FIELDS = {
  advocate: "advocateOrganisation",
  solicitor: "solicitorFirm",
  councillor: "councillorWard",
  mp: "mpConstituency",
  other: "relationshipOther",
} as const;

const detailFields = Object.values(RELATIONSHIP_FIELDS);

const relationshipSchema = z.pipe(
  z
    .object({
      relationship: z.enum(RELATIONSHIPS, { error: "complaint.relationship.error.required" }),
      ...Object.fromEntries(detailFields.map((name) => [name, line(null, SHORT_TEXT_LIMIT, "complaint.relationship.error.tooLong")])),
    })
    // The box revealed under the chosen relationship must be filled in; the error goes on that box.
    .check(
      ...Object.entries(RELATIONSHIP_FIELDS).map(([relationship, field]) =>
        z.refine((value: unknown) => (value as Record<string, unknown>).relationship !== relationship || String((value as Record<string, unknown>)[field] ?? "").length > 0, {
          error: `complaint.relationship.error.${field}`,
          path: [field],
        }),
      ),
    ),
  // Only the chosen relationship's detail is kept: a box hidden under another choice keeps nothing.
  z.transform((value: { relationship: (typeof RELATIONSHIPS)[number] }) => {
    const posted = value as unknown as Record<string, string>;
    const chosen = RELATIONSHIP_FIELDS[value.relationship as keyof typeof RELATIONSHIP_FIELDS];
    return Object.fromEntries([["relationship", value.relationship], ...detailFields.map((name) => [name, chosen === name ? posted[name] : ""])]);
  }),
) as StepSchema;

const phone = (invalid: string) =>
  line(null, 40, invalid).check(
    z.overwrite(asciiDigits),
    z.refine((value) => value === "" || /^[+()\d\s-]{7,}$/.test(value), { error: invalid }),
  );

const someoneElse = forSomeoneElse;
/** Whether the council can write to the person (by email, or a text to their phone): then it asks in which language. */
export const writtenTo = (a: Parameters<Step["applies"]>[0]) => Boolean(a.personEmail || a.personPhone);
const cannotConsent = (reason: string) => (a: Parameters<Step["applies"]>[0]) => someoneElse(a) && a.personCanConsent === "no" && a.cannotConsentReason === reason;

export const REPRESENTATION_STEPS: readonly Step[] = [
  {
    // §7.2–7.3: the journey's first question after screening.
    id: "who-for",
    titleKey: "complaint.whoFor.title",
    fields: [
      {
        kind: "radios",
        name: "complainingFor",
        options: [
          { value: "myself", labelKey: "complaint.whoFor.options.myself" },
          { value: "someone_else", labelKey: "complaint.whoFor.options.someoneElse", hintKey: "complaint.whoFor.options.someoneElseHint" },
        ],
      },
    ],
    schema: z.object({ complainingFor: z.enum(["myself", "someone_else"], { error: "complaint.whoFor.error.required" }) }),
    applies: () => true,
    answered: (a) => a.complainingFor !== undefined,
  },
  {
    id: "relationship",
    titleKey: "complaint.relationship.title",
    fields: [
      {
        kind: "radios",
        name: "relationship",
        options: RELATIONSHIPS.map((value) => ({
          value,
          labelKey: `representation.relationship.${value}`,
          ...(value in RELATIONSHIP_FIELDS ? { reveals: RELATIONSHIP_FIELDS[value as keyof typeof RELATIONSHIP_FIELDS] } : {}),
        })),
      },
      ...detailFields.map((name) => ({ kind: "text" as const, name, labelKey: `complaint.relationship.${name}`, maxLength: SHORT_TEXT_LIMIT })),
    ],
    schema: relationshipSchema,
    applies: someoneElse,
    answered: (a) => a.relationship !== undefined,
  },
  {
    // Signed in (the page offers it), so the complaint can be followed; the name and telephone are offered again.
    id: "your-details",
    titleKey: "complaint.yourDetails.title",
    hintKey: "complaint.yourDetails.hint",
    fields: [
      { kind: "text", name: "representativeName", labelKey: "complaint.yourDetails.name", autoComplete: "name", maxLength: NAME_LIMIT, spellCheck: false },
      { kind: "text", name: "representativePhone", labelKey: "complaint.yourDetails.phone", type: "tel", autoComplete: "tel", maxLength: 40 },
    ],
    schema: z.object({
      representativeName: line("complaint.yourDetails.error.nameRequired", NAME_LIMIT, "complaint.yourDetails.error.nameTooLong"),
      representativePhone: phone("complaint.yourDetails.error.phoneInvalid"),
    }),
    applies: someoneElse,
    answered: (a) => a.representativeName !== undefined,
  },
  {
    id: "person-name",
    titleKey: "complaint.personName.title",
    fields: [{ kind: "text", name: "personName", labelKey: "complaint.personName.title", maxLength: NAME_LIMIT, spellCheck: false }],
    schema: z.object({ personName: line("complaint.personName.error.required", NAME_LIMIT, "complaint.personName.error.tooLong") }),
    applies: someoneElse,
    answered: (a) => a.personName !== undefined,
  },
  {
    // How to reach the person, if at all: their permission is asked by email (or a text to a mobile number, when the
    // council sends texts), and letters may go to them.
    id: "person-contact",
    titleKey: "complaint.personContact.title",
    hintKey: "complaint.personContact.hint",
    textsHintKey: "complaint.personContact.hintTexts",
    fields: [
      { kind: "text", name: "personEmail", labelKey: "complaint.contact.email", type: "email", maxLength: SHORT_TEXT_LIMIT, spellCheck: false },
      { kind: "text", name: "personPhone", labelKey: "complaint.contact.phone", type: "tel", maxLength: 40 },
      { kind: "textarea", name: "personAddress", labelKey: "complaint.contact.address", maxLength: 500, rows: 4 },
    ],
    schema: z.object({
      personEmail: line(null, SHORT_TEXT_LIMIT, "complaint.contact.error.emailInvalid").check(
        z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: "complaint.contact.error.emailInvalid" }),
      ),
      personPhone: phone("complaint.contact.error.phoneInvalid"),
      personAddress: text(null, 500, "complaint.contact.error.addressTooLong"),
    }),
    applies: someoneElse,
    answered: (a) => a.personEmail !== undefined,
  },
  {
    // The language the person is written to in (their consent email or text, and letters if they choose).
    id: "person-language",
    titleKey: "complaint.personLanguage.title",
    fields: [{ kind: "radios", name: "personLanguage", options: options("complaint.personLanguage.options", LANGUAGE_CODES) }],
    schema: z.object({ personLanguage: z.enum(LANGUAGE_CODES, { error: "complaint.personLanguage.error.required" }) }),
    applies: (a) => someoneElse(a) && writtenTo(a),
    answered: (a) => a.personLanguage !== undefined,
  },
  {
    // Reported: complaints made for children and young people (issue 10, item 6).
    id: "person-age",
    titleKey: "complaint.personAge.title",
    fields: [{ kind: "radios", name: "personUnder18", options: options("complaint.personAge.options", ["yes", "no"]), inline: true }],
    schema: z.object({ personUnder18: yesNo("complaint.personAge.error.required") }),
    applies: someoneElse,
    answered: (a) => a.personUnder18 !== undefined,
  },
  {
    // §7.4, §7.7–7.9.
    id: "person-consent",
    titleKey: "complaint.personConsent.title",
    hintKey: "complaint.personConsent.hint",
    fields: [{ kind: "radios", name: "personCanConsent", options: options("complaint.personConsent.options", ["yes", "no"]), inline: true }],
    schema: z.object({ personCanConsent: yesNo("complaint.personConsent.error.required") }),
    applies: someoneElse,
    answered: (a) => a.personCanConsent !== undefined,
  },
  {
    id: "cannot-consent",
    titleKey: "complaint.cannotConsent.title",
    fields: [{ kind: "radios", name: "cannotConsentReason", options: options("complaint.cannotConsent.options", CANNOT_CONSENT_REASONS) }],
    schema: z.object({ cannotConsentReason: z.enum(CANNOT_CONSENT_REASONS, { error: "complaint.cannotConsent.error.required" }) }),
    applies: (a) => someoneElse(a) && a.personCanConsent === "no",
    answered: (a) => a.cannotConsentReason !== undefined,
  },
  {
    // §7.9: acting for an adult who lacks capacity.
    id: "capacity-authority",
    titleKey: "complaint.capacityAuthority.title",
    fields: [{ kind: "radios", name: "capacityAuthority", options: options("complaint.capacityAuthority.options", AUTHORITIES.lacks_capacity) }],
    schema: z.object({ capacityAuthority: z.enum(AUTHORITIES.lacks_capacity as [string, ...string[]], { error: "complaint.capacityAuthority.error.required" }) }),
    applies: cannotConsent("lacks_capacity"),
    answered: (a) => a.capacityAuthority !== undefined,
  },
  {
    id: "death-authority",
    titleKey: "complaint.deathAuthority.title",
    fields: [{ kind: "radios", name: "deathAuthority", options: options("complaint.deathAuthority.options", AUTHORITIES.died) }],
    schema: z.object({ deathAuthority: z.enum(AUTHORITIES.died as [string, ...string[]], { error: "complaint.deathAuthority.error.required" }) }),
    applies: cannotConsent("died"),
    answered: (a) => a.deathAuthority !== undefined,
  },
  {
    // §7.7–7.8: whether the child knows and agrees, and their views.
    id: "child-views",
    titleKey: "complaint.childViews.title",
    fields: [
      { kind: "radios", name: "childAgrees", options: options("complaint.childViews.options", ["agrees", "knows_not_agree", "does_not_know", "too_young"]) },
      { kind: "textarea", name: "childViews", labelKey: "complaint.childViews.views", hintKey: "complaint.childViews.viewsHint", maxLength: TEXT_LIMIT, rows: 4 },
    ],
    schema: z.object({
      childAgrees: z.enum(["agrees", "knows_not_agree", "does_not_know", "too_young"], { error: "complaint.childViews.error.required" }),
      childViews: text(null, TEXT_LIMIT, "complaint.childViews.error.tooLong"),
    }),
    applies: cannotConsent("child"),
    answered: (a) => a.childAgrees !== undefined,
  },
  {
    id: "consent-route",
    titleKey: "complaint.consentRoute.title",
    hintKey: "complaint.consentRoute.hint",
    fields: [{ kind: "radios", name: "consentRoute", options: options("complaint.consentRoute.options", CHOSEN_CONSENT_ROUTES) }],
    schema: z.object({ consentRoute: z.enum(CHOSEN_CONSENT_ROUTES, { error: "complaint.consentRoute.error.required" }) }),
    applies: (a) => someoneElse(a) && a.personCanConsent === "yes",
    answered: (a) => a.consentRoute !== undefined,
  },
  {
    // The printable form, signed and sent with the complaint's files; staff check it (issue 11).
    id: "consent-form",
    titleKey: "complaint.consentForm.title",
    advice: true,
    fields: [],
    schema: continueSchema,
    applies: (a) => someoneElse(a) && a.personCanConsent === "yes" && a.consentRoute === "signed_form",
    answered: () => true,
  },
];
