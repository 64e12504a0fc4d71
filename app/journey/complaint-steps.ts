// The online complaint, one question a page (GOV.UK pattern), as pure data: what each page asks, the zod
// schema that checks its answer in the browser and again on the server, and which page comes next. Error
// messages are translation keys, so they read the same in every language, with or without JavaScript.
import { z } from "zod/mini";
import { asciiDigits } from "~/forms/digits";
import { CHARACTER_COUNT_TEXTS } from "~/i18n/page-texts";
import { EMAIL, NAME_LIMIT, oneLineText, plainText } from "~/forms/plain-text";
import { addCalendarMonths, isIsoDate, type IsoDate } from "~/rules/calendar-dates";
import { isChildrensScopeExclusion, isExcludedSubject, SUBJECTS, type Subject } from "~/rules/subjects";
import type { CannotConsentReason, Relationship } from "~/representation/representation-rules";

/** The cookie that finds a resident's saved answers (see drafts.server.ts). */
export const DRAFT_COOKIE = "complaint";

export const TEXT_LIMIT = 5000;
export const SHORT_TEXT_LIMIT = 200;

export function text(required: string | null, max: number, tooLong: string) {
  return plainText({ max, tooLong, ...(required ? { required } : {}) });
}

/** What a one-line text box takes: no line breaks (see oneLineText). */
export function line(required: string | null, max: number, tooLong: string) {
  return oneLineText({ max, tooLong, ...(required ? { required } : {}) });
}

export const yesNo = (required: string) => z.enum(["yes", "no"], { error: required });

/** A page's schema: what its form posts in, the answers to save out. */
export type StepSchema = z.ZodMiniType<Partial<ComplaintAnswers>>;

export const PREFERRED_CONTACT = ["email", "phone", "post"] as const;

/** Everything the resident has answered so far; every field is optional until check answers. */
export type ComplaintAnswers = {
  serviceArea?: string;
  reportedBefore?: "yes" | "no";
  subject?: Subject;
  happenedOn?: IsoDate;
  exceptionalCircumstances?: string;
  proceedings?: "yes" | "no";
  whatWentWrong?: string;
  howAffected?: string;
  outcomeWanted?: string;
  hasReferences?: "yes" | "no";
  referenceNumbers?: string;
  /** The files page was passed (the files themselves are stored as attachments of the draft). */
  filesReviewed?: "yes";
  giveDetails?: "yes" | "no";
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  preferredContact?: (typeof PREFERRED_CONTACT)[number];
  supportNeeds?: string;
  interpreter?: "yes" | "no";
  interpreterLanguage?: string;
  // Issue 10: complaining for someone else (app/journey/representation-steps.ts).
  complainingFor?: "myself" | "someone_else";
  relationship?: Relationship;
  advocateOrganisation?: string;
  solicitorFirm?: string;
  councillorWard?: string;
  mpConstituency?: string;
  relationshipOther?: string;
  representativeName?: string;
  representativePhone?: string;
  personName?: string;
  personEmail?: string;
  personPhone?: string;
  personAddress?: string;
  personLanguage?: string;
  personUnder18?: "yes" | "no";
  personCanConsent?: "yes" | "no";
  cannotConsentReason?: CannotConsentReason;
  capacityAuthority?: string;
  deathAuthority?: string;
  childAgrees?: string;
  childViews?: string;
  consentRoute?: "online" | "signed_form";
};

/** Whether the complaint is made for someone else (issue 10): then the questions speak of "them". */
export const forSomeoneElse = (answers: ComplaintAnswers) => answers.complainingFor === "someone_else";

/** The date fields of a date page, checked as a real date that is not in the future. */
export function dateFromParts(day: string, month: string, year: string, today: IsoDate): IsoDate | string {
  const [d, m, y] = [day, month, year].map((part) => asciiDigits(part).trim());
  if (!d && !m && !y) return "complaint.when.error.required";
  const missing = DATE_PARTS.filter((_, index) => ![d, m, y][index]);
  if (missing.length > 0) return MISSING_DATE_PART_ERRORS[missing.join("-")]!;
  if (![d, m, y].every((part) => /^\d+$/.test(part!)) || y!.length !== 4) return "complaint.when.error.invalid";
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  if (!isIsoDate(iso)) return "complaint.when.error.invalid";
  if (iso > today) return "complaint.when.error.future";
  if (iso < "1900-01-01") return "complaint.when.error.invalid";
  return iso;
}

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** GOV.UK's date errors name what is missing: "The date must include a month". */
const MISSING_DATE_PART_ERRORS: Record<string, string> = {
  day: "complaint.when.error.missing.day",
  month: "complaint.when.error.missing.month",
  year: "complaint.when.error.missing.year",
  "day-month": "complaint.when.error.missing.dayMonth",
  "day-year": "complaint.when.error.missing.dayYear",
  "month-year": "complaint.when.error.missing.monthYear",
};

/** The boxes of a date to mark as wrong for an error: only the missing ones when parts are missing, else all. */
export function datePartsInError(errorKey: string | undefined): readonly DatePart[] {
  if (!errorKey) return [];
  const missing = Object.entries(MISSING_DATE_PART_ERRORS).find(([, key]) => key === errorKey)?.[0];
  return missing ? (missing.split("-") as DatePart[]) : DATE_PARTS;
}

/** A radio choice; `reveals` names another field of the page shown under it when it is chosen (GOV.UK conditional reveal). */
export type FieldOption = { value: string; labelKey: string; hintKey?: string; reveals?: string };

export type Field =
  | { kind: "radios"; name: string; options: readonly FieldOption[] | "serviceAreas" | "subjects"; inline?: boolean }
  | { kind: "textarea"; name: string; labelKey?: string; hintKey?: string; maxLength: number; rows?: number }
  | {
      kind: "text";
      name: string;
      labelKey: string;
      hintKey?: string;
      type?: "text" | "email" | "tel";
      autoComplete?: string;
      maxLength: number;
      spellCheck?: boolean;
    }
  | { kind: "date"; name: string; hintKey: string };

export type StepId =
  | "service"
  | "reported-before"
  | "service-request"
  | "subject"
  | "subject-advice"
  | "pathway-note"
  | "when"
  | "out-of-time"
  | "proceedings"
  | "proceedings-advice"
  | "who-for"
  | "relationship"
  | "your-details"
  | "person-name"
  | "person-contact"
  | "person-language"
  | "person-age"
  | "person-consent"
  | "cannot-consent"
  | "capacity-authority"
  | "death-authority"
  | "child-views"
  | "consent-route"
  | "consent-form"
  | "what-went-wrong"
  | "how-affected"
  | "outcome"
  | "references"
  | "files"
  | "give-details"
  | "name"
  | "contact"
  | "preferred-contact"
  | "support-needs"
  | "interpreter"
  | "equality-age"
  | "equality-disability"
  | "equality-disability-impact"
  | "equality-sex"
  | "equality-gender-identity"
  | "equality-sexual-orientation"
  | "equality-religion"
  | "equality-ethnic-group"
  | "equality-ethnic-background"
  | "equality-pregnancy";

export type Step = {
  id: StepId;
  /** The page's heading: the question, or the advice's title. */
  titleKey: string;
  hintKey?: string;
  /** The hint instead, when the council sends text messages (GOV.UK Notify): a page that would then promise a text. */
  textsHintKey?: string;
  /** Advice pages explain and let the resident carry on; they have no fields. */
  advice?: true;
  fields: readonly Field[];
  /** Checks what was posted and gives the answers to save, or field errors as translation keys. */
  schema: StepSchema;
  /** Whether the resident meets this page, given their answers. */
  applies: (answers: ComplaintAnswers, today: IsoDate) => boolean;
  /** Whether this page has been answered. */
  answered: (answers: ComplaintAnswers) => boolean;
  /** Issue 10: the question has a wording about someone else ("How has this affected them?"), `<title's branch>.them`. */
  them?: true;
};

/** The title a page shows, given whom the complaint is for. */
export function titleKeyOf(step: Pick<Step, "titleKey" | "them">, answers: ComplaintAnswers): string {
  return forSomeoneElse(answers) && step.them ? step.titleKey.replace(/\.title$/, ".them") : step.titleKey;
}

export const always = () => true;
/** The questions about the person complaining: for themselves, with their details given (§8). */
const givesDetails = (a: ComplaintAnswers) => a.giveDetails === "yes" && !forSomeoneElse(a);
export const options = (prefix: string, values: readonly string[]): FieldOption[] =>
  values.map((value) => ({ value, labelKey: `${prefix}.${value}` }));

/** §9.2: more than 12 months since it happened or they became aware of it. */
export function isOutOfTime(happenedOn: IsoDate | undefined, today: IsoDate): boolean {
  return happenedOn !== undefined && addCalendarMonths(happenedOn, 12) < today;
}

/**
 * A yes/no question whose "Yes" reveals a one-line box (GOV.UK conditional reveal): on "Yes" the box must be
 * filled in; on "No" whatever it holds is dropped, so a hidden box keeps nothing.
 */
function yesThenLine(
  question: string,
  detail: string,
  checks: { required: string; detailRequired: string; tooLong: string; max: number },
): StepSchema {
  return z.pipe(
    z
      .object({ [question]: yesNo(checks.required), [detail]: line(null, checks.max, checks.tooLong) })
      .check(
        z.refine((value) => value[question] === "no" || value[detail]!.length > 0, { error: checks.detailRequired, path: [detail] }),
      ),
    z.transform((value: Record<string, string>) => ({ [question]: value[question], [detail]: value[question] === "yes" ? value[detail] : "" })),
  ) as StepSchema;
}

export const continueSchema = z.pipe(z.object({}), z.transform(() => ({}))) as StepSchema;

export const STEPS: readonly Step[] = [
  {
    id: "service",
    titleKey: "complaint.service.title",
    hintKey: "complaint.service.hint",
    fields: [{ kind: "radios", name: "serviceArea", options: "serviceAreas" }],
    schema: z.object({
      serviceArea: z
        .string({ error: "complaint.service.error.required" })
        .check(z.minLength(1, { error: "complaint.service.error.required" }), z.maxLength(64, { error: "complaint.service.error.required" })),
    }),
    applies: always,
    answered: (a) => a.serviceArea !== undefined,
  },
  {
    id: "reported-before",
    titleKey: "complaint.reportedBefore.title",
    hintKey: "complaint.reportedBefore.hint",
    fields: [{ kind: "radios", name: "reportedBefore", options: options("complaint.reportedBefore.options", ["yes", "no"]), inline: true }],
    schema: z.object({ reportedBefore: yesNo("complaint.reportedBefore.error.required") }),
    applies: always,
    answered: (a) => a.reportedBefore !== undefined,
  },
  {
    // §5: a first report is a service request.
    id: "service-request",
    titleKey: "complaint.advice.serviceRequest.title",
    advice: true,
    fields: [],
    schema: continueSchema,
    applies: (a) => a.reportedBefore === "no",
    answered: always,
  },
  {
    id: "subject",
    titleKey: "complaint.subject.title",
    hintKey: "complaint.subject.hint",
    fields: [{ kind: "radios", name: "subject", options: "subjects" }],
    schema: z.object({ subject: z.enum(SUBJECTS, { error: "complaint.subject.error.required" }) }),
    applies: always,
    answered: (a) => a.subject !== undefined,
  },
  {
    // §6: matters with their own route, or outside the policy.
    id: "subject-advice",
    titleKey: "complaint.advice.subject.title",
    advice: true,
    fields: [],
    schema: continueSchema,
    applies: (a) => a.subject !== undefined && isExcludedSubject(a.subject),
    answered: always,
  },
  {
    // RULES §2, Appendix A: a children's matter outside the statutory scope goes through the general process.
    id: "pathway-note",
    titleKey: "complaint.advice.pathway.title",
    advice: true,
    fields: [],
    schema: continueSchema,
    applies: (a) => isChildrensScopeExclusion(a.subject),
    answered: always,
  },
  {
    id: "when",
    titleKey: "complaint.when.title",
    hintKey: "complaint.when.hint",
    fields: [{ kind: "date", name: "happenedOn", hintKey: "complaint.when.example" }],
    // The date is checked against today in the action (dateFromParts); this checks its shape.
    schema: z.object({ happenedOn: z.string().check(z.refine(isIsoDate, { error: "complaint.when.error.invalid" })) }) as StepSchema,
    applies: always,
    answered: (a) => a.happenedOn !== undefined,
  },
  {
    // §9: over 12 months; exceptional circumstances may be explained.
    id: "out-of-time",
    titleKey: "complaint.outOfTime.title",
    fields: [{ kind: "textarea", name: "exceptionalCircumstances", labelKey: "complaint.outOfTime.label", hintKey: "complaint.outOfTime.hint", maxLength: TEXT_LIMIT, rows: 5 }],
    schema: z.object({ exceptionalCircumstances: text(null, TEXT_LIMIT, "complaint.outOfTime.error.tooLong") }),
    applies: (a, today) => isOutOfTime(a.happenedOn, today),
    answered: (a) => a.exceptionalCircumstances !== undefined,
  },
  {
    id: "proceedings",
    titleKey: "complaint.proceedings.title",
    hintKey: "complaint.proceedings.hint",
    fields: [{ kind: "radios", name: "proceedings", options: options("complaint.proceedings.options", ["yes", "no"]), inline: true }],
    schema: z.object({ proceedings: yesNo("complaint.proceedings.error.required") }),
    applies: always,
    answered: (a) => a.proceedings !== undefined,
  },
  {
    // §6.3 and Appendices A–B.
    id: "proceedings-advice",
    titleKey: "complaint.advice.proceedings.title",
    advice: true,
    fields: [],
    schema: continueSchema,
    applies: (a) => a.proceedings === "yes",
    answered: always,
  },
  {
    // §10.4: what has gone wrong?
    id: "what-went-wrong",
    titleKey: "complaint.whatWentWrong.title",
    fields: [{ kind: "textarea", name: "whatWentWrong", hintKey: "complaint.whatWentWrong.hint", maxLength: TEXT_LIMIT, rows: 8 }],
    schema: z.object({ whatWentWrong: text("complaint.whatWentWrong.error.required", TEXT_LIMIT, "complaint.whatWentWrong.error.tooLong") }),
    applies: always,
    answered: (a) => a.whatWentWrong !== undefined,
  },
  {
    // §10.4: how has this affected you or others?
    id: "how-affected",
    titleKey: "complaint.howAffected.title",
    them: true,
    fields: [{ kind: "textarea", name: "howAffected", hintKey: "complaint.howAffected.hint", maxLength: TEXT_LIMIT, rows: 6 }],
    schema: z.object({ howAffected: text("complaint.howAffected.error.required", TEXT_LIMIT, "complaint.howAffected.error.tooLong") }),
    applies: always,
    answered: (a) => a.howAffected !== undefined,
  },
  {
    // §10.4: what would you like us to do?
    id: "outcome",
    titleKey: "complaint.outcome.title",
    them: true,
    fields: [{ kind: "textarea", name: "outcomeWanted", hintKey: "complaint.outcome.hint", maxLength: TEXT_LIMIT, rows: 6 }],
    schema: z.object({ outcomeWanted: text("complaint.outcome.error.required", TEXT_LIMIT, "complaint.outcome.error.tooLong") }),
    applies: always,
    answered: (a) => a.outcomeWanted !== undefined,
  },
  {
    id: "references",
    titleKey: "complaint.references.title",
    fields: [
      {
        kind: "radios",
        name: "hasReferences",
        options: [
          { value: "yes", labelKey: "complaint.references.options.yes", reveals: "referenceNumbers" },
          { value: "no", labelKey: "complaint.references.options.no" },
        ],
        inline: false,
      },
      { kind: "text", name: "referenceNumbers", labelKey: "complaint.references.label", hintKey: "complaint.references.hint", maxLength: SHORT_TEXT_LIMIT, spellCheck: false },
    ],
    schema: yesThenLine("hasReferences", "referenceNumbers", {
      required: "complaint.references.error.required",
      detailRequired: "complaint.references.error.numbersRequired",
      tooLong: "complaint.references.error.tooLong",
      max: SHORT_TEXT_LIMIT,
    }),
    applies: always,
    // Drafts saved before the yes/no question had only the numbers.
    answered: (a) => a.hasReferences !== undefined || a.referenceNumbers !== undefined,
  },
  {
    // Up to 5 supporting files; the page has a route of its own (complaint.files.tsx) for the upload.
    id: "files",
    titleKey: "complaint.files.title",
    fields: [],
    schema: z.pipe(z.object({}), z.transform(() => ({ filesReviewed: "yes" as const }))) as StepSchema,
    applies: always,
    answered: (a) => a.filesReviewed === "yes",
  },
  {
    // §8: anonymous complaints are accepted but cannot be updated.
    id: "give-details",
    titleKey: "complaint.giveDetails.title",
    hintKey: "complaint.giveDetails.hint",
    fields: [{ kind: "radios", name: "giveDetails", options: [
      { value: "yes", labelKey: "complaint.giveDetails.options.yes" },
      { value: "no", labelKey: "complaint.giveDetails.options.no", hintKey: "complaint.giveDetails.anonymousHint" },
    ] }],
    schema: z.object({ giveDetails: yesNo("complaint.giveDetails.error.required") }),
    // For someone else, the representative's details come from their account and the person's were asked.
    applies: (a) => !forSomeoneElse(a),
    answered: (a) => a.giveDetails !== undefined,
  },
  {
    id: "name",
    titleKey: "complaint.name.title",
    fields: [{ kind: "text", name: "name", labelKey: "complaint.name.label", autoComplete: "name", maxLength: NAME_LIMIT, spellCheck: false }],
    schema: z.object({ name: line("complaint.name.error.required", NAME_LIMIT, "complaint.name.error.tooLong") }),
    applies: givesDetails,
    answered: (a) => a.name !== undefined,
  },
  {
    id: "contact",
    titleKey: "complaint.contact.title",
    hintKey: "complaint.contact.hint",
    fields: [
      { kind: "text", name: "email", labelKey: "complaint.contact.email", type: "email", autoComplete: "email", maxLength: SHORT_TEXT_LIMIT, spellCheck: false },
      { kind: "text", name: "phone", labelKey: "complaint.contact.phone", type: "tel", autoComplete: "tel", maxLength: 40 },
      { kind: "textarea", name: "address", labelKey: "complaint.contact.address", maxLength: 500, rows: 4 },
    ],
    schema: z
      .object({
        email: line(null, SHORT_TEXT_LIMIT, "complaint.contact.error.emailInvalid").check(
          z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: "complaint.contact.error.emailInvalid" }),
        ),
        phone: line(null, 40, "complaint.contact.error.phoneInvalid").check(
          z.overwrite(asciiDigits), // stored as ASCII, whatever digits were typed
          z.refine((value) => value === "" || /^[+()\d\s-]{7,}$/.test(value), { error: "complaint.contact.error.phoneInvalid" }),
        ),
        address: text(null, 500, "complaint.contact.error.addressTooLong"),
      })
      .check(
        z.refine((value) => Boolean(value.email || value.phone || value.address), {
          error: "complaint.contact.error.required",
          path: ["email"],
        }),
      ),
    applies: givesDetails,
    answered: (a) => a.email !== undefined,
  },
  {
    // §13.7: email by default for online complaints.
    id: "preferred-contact",
    titleKey: "complaint.preferredContact.title",
    fields: [{ kind: "radios", name: "preferredContact", options: options("complaint.preferredContact.options", PREFERRED_CONTACT) }],
    schema: z.object({ preferredContact: z.enum(PREFERRED_CONTACT, { error: "complaint.preferredContact.error.required" }) }),
    applies: givesDetails,
    answered: (a) => a.preferredContact !== undefined,
  },
  {
    // §10.6: needs and reasonable adjustments.
    id: "support-needs",
    titleKey: "complaint.supportNeeds.title",
    them: true,
    fields: [{ kind: "textarea", name: "supportNeeds", hintKey: "complaint.supportNeeds.hint", maxLength: TEXT_LIMIT, rows: 4 }],
    schema: z.object({ supportNeeds: text(null, TEXT_LIMIT, "complaint.supportNeeds.error.tooLong") }),
    applies: always,
    answered: (a) => a.supportNeeds !== undefined,
  },
  {
    // §10.6: translation and interpretation.
    id: "interpreter",
    titleKey: "complaint.interpreter.title",
    them: true,
    hintKey: "complaint.interpreter.hint",
    fields: [
      {
        kind: "radios",
        name: "interpreter",
        options: [
          { value: "yes", labelKey: "complaint.interpreter.options.yes", reveals: "interpreterLanguage" },
          { value: "no", labelKey: "complaint.interpreter.options.no" },
        ],
      },
      { kind: "text", name: "interpreterLanguage", labelKey: "complaint.interpreter.language", hintKey: "complaint.interpreter.languageHint", maxLength: 80, autoComplete: "language" },
    ],
    schema: yesThenLine("interpreter", "interpreterLanguage", {
      required: "complaint.interpreter.error.required",
      detailRequired: "complaint.interpreter.error.languageRequired",
      tooLong: "complaint.interpreter.error.languageTooLong",
      max: 80,
    }),
    applies: always,
    answered: (a) => a.interpreter !== undefined,
  },
];

/** The pages the browser checks as it posts them (the others are checked on the server only). */
export function stepById(id: string): Step | undefined {
  return STEPS.find((step) => step.id === id);
}

/**
 * The texts a step's page shows in the browser: the branch its title is in (which holds its hint and error
 * messages) and every label and hint its fields name. Choices from the database or the rules come translated.
 */
export function stepTextKeys(step: Step): string[] {
  const keys = new Set([step.titleKey.slice(0, step.titleKey.lastIndexOf("."))]);
  const add = (key: string | undefined) => {
    if (key) keys.add(key);
  };
  add(step.hintKey);
  if (step.fields.some((field) => field.kind === "textarea")) CHARACTER_COUNT_TEXTS.forEach(add);
  for (const field of step.fields) {
    if (field.kind === "radios") {
      if (typeof field.options === "string") continue;
      for (const option of field.options) {
        add(option.labelKey);
        add(option.hintKey);
      }
    } else {
      if (field.kind !== "date") add(field.labelKey);
      add(field.hintKey);
    }
  }
  return [...keys];
}

/**
 * The journey's order over a list of pages: which pages a resident meets, which is next, which may be visited.
 * The server binds it to every page (journey-order.server.ts); the browser needs none of it.
 */
export function journeyOver(steps: readonly Step[]) {
  /** The pages this resident meets, in order, given their answers so far. */
  function journey(answers: ComplaintAnswers, today: IsoDate): Step[] {
    return steps.filter((step) => step.applies(answers, today));
  }

  /**
   * The first page not yet answered, or null when every page is answered. Pages are answered in order, so
   * anything after the first unanswered page cannot be reached by typing its address.
   */
  function firstUnanswered(answers: ComplaintAnswers, today: IsoDate): Step | null {
    return journey(answers, today).find((step) => !step.answered(answers)) ?? null;
  }

  /** A page can be shown when it applies and every page before it has been answered. */
  function canVisit(id: StepId, answers: ComplaintAnswers, today: IsoDate): boolean {
    const pages = journey(answers, today);
    const index = pages.findIndex((page) => page.id === id);
    if (index === -1) return false;
    return pages.slice(0, index).every((page) => page.answered(answers));
  }

  /**
   * Where to go after a page is answered: the next page in order, or check answers when all are answered. After
   * a change made from check answers, back to check answers — unless the change brought in a page that still
   * needs an answer, or advice the resident must see first.
   */
  function nextPage(id: StepId, answers: ComplaintAnswers, today: IsoDate, fromCheckAnswers = false): string {
    const pages = journey(answers, today);
    const following = pages[pages.findIndex((page) => page.id === id) + 1];
    const done = "/complaint/check-answers";
    if (!fromCheckAnswers) return following ? `/complaint/${following.id}` : done;
    const returnTo = "?returnTo=check-answers";
    if (following?.advice) return `/complaint/${following.id}${returnTo}`;
    const unanswered = firstUnanswered(answers, today);
    return unanswered ? `/complaint/${unanswered.id}${returnTo}` : done;
  }

  return {
    journey,
    firstUnanswered,
    canVisit,
    nextPage,
    stepById: (id: string): Step | undefined => steps.find((step) => step.id === id),
  };
}

export type StepValues = Record<string, string>;
export type StepErrors = Record<string, string>;
export type StepResult = { ok: true; answers: Partial<ComplaintAnswers> } | { ok: false; errors: StepErrors };

/** The names a page posts: its fields, and a date's day, month and year. */
export function postedNames(step: Step): string[] {
  return step.fields.flatMap((field) =>
    field.kind === "date" ? [`${field.name}-day`, `${field.name}-month`, `${field.name}-year`] : [field.name],
  );
}

/**
 * Checks one page's answer with its schema: the same function in the browser (react-hook-form's resolver)
 * and in the action. Only the page's own fields are read; anything else posted is ignored.
 */
export function validateStep(step: Step, values: StepValues, today: IsoDate): StepResult {
  const input: Record<string, string> = {};
  for (const field of step.fields) {
    if (field.kind === "date") {
      const date = dateFromParts(values[`${field.name}-day`] ?? "", values[`${field.name}-month`] ?? "", values[`${field.name}-year`] ?? "", today);
      if (!isIsoDate(date)) return { ok: false, errors: { [field.name]: date } };
      input[field.name] = date;
    } else {
      input[field.name] = values[field.name] ?? "";
    }
  }
  const parsed = step.schema.safeParse(input);
  if (parsed.success) return { ok: true, answers: parsed.data };
  const errors: StepErrors = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? step.fields[0]?.name ?? "form");
    errors[name] ??= issue.message.includes(".") ? issue.message : "errors.form.invalid";
  }
  return { ok: false, errors };
}

/** What a page shows in its fields: the saved answer, as the form posts it. */
export function savedValues(step: Step, answers: ComplaintAnswers): StepValues {
  const values: StepValues = {};
  const saved = answers as Record<string, unknown>;
  for (const field of step.fields) {
    const value = saved[field.name];
    if (field.kind === "date" && typeof value === "string" && isIsoDate(value)) {
      const [year, month, day] = value.split("-");
      values[`${field.name}-day`] = String(Number(day));
      values[`${field.name}-month`] = String(Number(month));
      values[`${field.name}-year`] = year!;
    } else if (typeof value === "string") {
      values[field.name] = value;
    }
  }
  return values;
}

/** Saves a page's answer into the draft's answers. */
export function mergeAnswers(answers: ComplaintAnswers, patch: Partial<ComplaintAnswers>): ComplaintAnswers {
  const merged = { ...answers, ...patch };
  // The matters asked about depend on the service (§6): a new service asks again what the complaint is about.
  if (patch.serviceArea !== undefined && answers.serviceArea !== undefined && patch.serviceArea !== answers.serviceArea) {
    delete merged.subject;
  }
  return merged;
}
