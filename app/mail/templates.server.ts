// The emails the portal sends, rendered in the resident's language from locales/<code>/email.json. Each is a
// plain-text part and an HTML part; the HTML escapes everything it interpolates, so text a resident typed
// (their name) can never become markup.
import { z } from "zod";
import { DEFAULT_LANGUAGE, isLanguageCode, languageFor, type LanguageCode } from "~/i18n/languages";
import { RESOURCES } from "~/i18n/resources.server";
import { serverT } from "~/i18n/translate.server";
import { isIsoDate } from "~/rules/calendar-dates";
import { PATHWAYS } from "~/rules/timescales";
import { EXCLUSIONS } from "~/rules/eligibility";
import { OMBUDSMAN_REFERRAL_REASONS, ombudsmanReferral } from "~/rules/ombudsman";
import { OUTCOMES, REMEDIES } from "~/rules/stage-outcomes";
import { RESTRICTIONS } from "~/staff/contact-restriction";

export const EMAIL_TEMPLATES = ["acknowledgement", "signInCode", "caseUpdate", "contactRestriction", "informationAdded", "representation", "staffDigest", "seriousAllegation"] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export function isEmailTemplate(value: unknown): value is EmailTemplate {
  return typeof value === "string" && (EMAIL_TEMPLATES as readonly string[]).includes(value);
}

const isoDate = z.string().refine(isIsoDate, "expected a calendar date written YYYY-MM-DD");

const acknowledgementPayload = z.object({
  /** The complaint reference, e.g. CCC-ABCD-EFGH. */
  reference: z.string().min(1),
  /** The resident's name as they typed it; empty for "Hello,". */
  name: z.string().default(""),
  /** The service area's name in the resident's language (names live in the database, not in locales/). */
  serviceAreaName: z.string().min(1),
  /** The suggested pathway; its name is translated here (rules:pathway.*). */
  pathway: z.enum(PATHWAYS),
  receivedOn: isoDate,
  /** Due date of the acknowledgement (timeline id acknowledgeBy). */
  acknowledgeBy: isoDate,
  /** Due date of the stage 1 response (timeline id stage1ResponseBy). */
  respondBy: isoDate,
});

/** What a caller puts in the outbox for an acknowledgement; dates are ISO 'YYYY-MM-DD'. */
export type AcknowledgementPayload = z.input<typeof acknowledgementPayload>;

const signInCodePayload = z.object({
  /** The one-time code, digits only. */
  code: z.string().regex(/^[0-9]{4,10}$/),
  /** How long it lasts. */
  minutes: z.number().int().positive(),
});

/**
 * What a change to a complaint did: the resident's own (issue 9: the next stage asked for, or withdrawn), or the
 * council's (issue 11: acknowledged, with our understanding and the response date; responded, with the outcome,
 * the reasons and what the person can do next).
 */
const caseUpdatePayload = z.object({
  kind: z.enum(["escalated", "late_escalation", "withdrawn", "accepted_other_pathway", "resolved_informally", "service_request", "not_accepted", "joined", "late_accepted", "late_refused", "acknowledged", "extended", "responded"]),
  reference: z.string().min(1),
  name: z.string().default(""),
  /** The day it was received. */
  date: isoDate,
  stage: z.number().int().min(1).max(3),
  /** In time: the date the request for the next stage must be acknowledged by. */
  acknowledgeBy: isoDate.optional(),
  /** Acknowledged: the date we will respond by, who is looking into it, and our understanding, as the officer wrote it. */
  responseBy: isoDate.optional(),
  officer: z.string().default(""),
  understanding: z.string().default(""),
  /** Responded: the outcome, the reasons as the officer wrote them, and the next stage and its last day, if any. */
  outcome: z.enum(OUTCOMES).optional(),
  reasons: z.string().default(""),
  nextStage: z.number().int().min(2).max(3).optional(),
  requestBy: isoDate.optional(),
  /** Responded, upheld fully or partly (§13.17, §15): the apology, the remedies, a payment in pence, the actions and their dates. */
  apology: z.string().default(""),
  remedies: z.array(z.enum(REMEDIES)).default([]),
  paymentPence: z.number().int().positive().optional(),
  actions: z.array(z.object({ what: z.string(), by: isoDate })).default([]),
  /** Accepted on another process than the one suggested (RULES §2): the process it is on now. */
  pathway: z.enum(PATHWAYS).optional(),
  /** Not accepted (§6.5): the exclusion that applies. */
  exclusion: z.enum(EXCLUSIONS).optional(),
  /** Joined (§13.10): the reference of the person's Stage 1 complaint that answers both. */
  joinedTo: z.string().optional(),
  /** A decision the person may take to the Ombudsman (an extension, not accepting, a late request refused): which. */
  ombudsman: z.enum(OMBUDSMAN_REFERRAL_REASONS).optional(),
});

/**
 * Policy §18 (issue 11): the council has limited how the person may contact it about the complaint — what, why in
 * the officer's words, their single point of contact and when it will be reviewed — or has lifted the limits.
 */
const contactRestrictionPayload = z.object({
  kind: z.enum(["restricted", "lifted"]),
  reference: z.string().min(1),
  name: z.string().default(""),
  restrictions: z.array(z.enum(RESTRICTIONS)).default([]),
  reasons: z.string().default(""),
  contactName: z.string().default(""),
  contactWay: z.string().default(""),
  reviewOn: isoDate.optional(),
});

/** To the complaints team: a resident added information (the message stays in the portal). */
const informationAddedPayload = z.object({
  reference: z.string().min(1),
  date: isoDate,
  /** How many files came with it. */
  files: z.number().int().min(0).default(0),
});

/** To a member of staff at 9:00 (issue 11): the complaints overdue or due within 2 working days. */
const staffDigestPayload = z.object({
  date: isoDate,
  total: z.number().int().min(1),
  overdue: z.number().int().min(0),
  items: z.array(z.object({ reference: z.string().min(1), service: z.string(), dueOn: isoDate, overdue: z.boolean() })),
  link: z.string().url(),
});

/** To every manager at once (RULES §4, policy §8): a serious allegation was flagged; the details stay in the portal. */
const seriousAllegationPayload = z.object({
  reference: z.string().min(1),
  kind: z.enum(["safeguarding", "fraud", "corruption"]),
  by: z.string(),
  link: z.string().url(),
});

/**
 * Someone acting for a person (issue 10): asking the person's permission (and a reminder), telling them an elected
 * member acts on their request, and telling the representative or the person what became of it.
 */
export const REPRESENTATION_EMAILS = ["consent_request", "consent_reminder", "elected_notice", "consent_given", "consent_declined", "revoked_representative", "revoked_person", "council_accepted", "council_not_accepted"] as const;

const representationPayload = z.object({
  kind: z.enum(REPRESENTATION_EMAILS),
  reference: z.string().min(1),
  /** The representative's name, and their organisation, ward or constituency when they gave one. */
  representative: z.string().default(""),
  representativeDetail: z.string().default(""),
  person: z.string().default(""),
  /** The first lines of what went wrong, for the person to recognise the complaint. */
  summary: z.string().default(""),
  link: z.string().url().optional(),
  expiresOn: isoDate.optional(),
  /** The council's decision: the officer's reasons, as they wrote them. */
  reasons: z.string().default(""),
});

/** The payload each template needs. */
export interface EmailPayloads {
  acknowledgement: AcknowledgementPayload;
  signInCode: z.input<typeof signInCodePayload>;
  caseUpdate: z.input<typeof caseUpdatePayload>;
  contactRestriction: z.input<typeof contactRestrictionPayload>;
  informationAdded: z.input<typeof informationAddedPayload>;
  representation: z.input<typeof representationPayload>;
  staffDigest: z.input<typeof staffDigestPayload>;
  seriousAllegation: z.input<typeof seriousAllegationPayload>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** An email that can never be rendered (unknown template, malformed payload): retrying will not help. */
export class EmailRenderError extends Error {
  override name = "EmailRenderError";
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Renders one email. An email is written in one language: in a language the portal does not offer, or one
 * without this email's translation yet, the resident gets the English email, marked as English. An unknown
 * template or a payload the template cannot use throws an EmailRenderError.
 */
export function renderEmail(template: string, locale: string, payload: unknown): RenderedEmail {
  const code = languageWithTemplate(locale, template);
  switch (template) {
    case "acknowledgement":
      return renderAcknowledgement(code, parsePayload(acknowledgementPayload, template, payload));
    case "signInCode":
      return renderSignInCode(code, parsePayload(signInCodePayload, template, payload));
    case "caseUpdate":
      return renderCaseUpdate(code, parsePayload(caseUpdatePayload, template, payload));
    case "contactRestriction":
      return renderContactRestriction(code, parsePayload(contactRestrictionPayload, template, payload));
    case "informationAdded":
      return renderInformationAdded(code, parsePayload(informationAddedPayload, template, payload));
    case "representation":
      return renderRepresentation(code, parsePayload(representationPayload, template, payload));
    case "staffDigest":
      return renderStaffDigest(parsePayload(staffDigestPayload, template, payload));
    case "seriousAllegation":
      return renderSeriousAllegation(parsePayload(seriousAllegationPayload, template, payload));
    default:
      throw new EmailRenderError(`Unknown email template "${template}"`);
  }
}

/** The templates that also go as text messages (outbox channel "text"). */
export const TEXT_MESSAGE_TEMPLATES = ["signInCode", "representation"] as const;
export type TextMessageTemplate = (typeof TEXT_MESSAGE_TEMPLATES)[number];

/** Renders one text message: plain text, short enough for a text or two. Throws EmailRenderError as renderEmail does. */
export function renderTextMessage(template: string, locale: string, payload: unknown): string {
  const code = languageWithTemplate(locale, template);
  switch (template) {
    case "signInCode": {
      const { code: signInCode, minutes } = parsePayload(signInCodePayload, template, payload);
      return serverT(code)("email:signInCode.textMessage", { code: signInCode, count: minutes });
    }
    case "representation": {
      // Issue 10: the person's consent link (and its reminder) by text, for a person with a mobile number.
      const { kind, reference, representative, representativeDetail, link, expiresOn } = parsePayload(representationPayload, template, payload);
      if ((kind !== "consent_request" && kind !== "consent_reminder") || !link || !expiresOn) throw new EmailRenderError(`No text message for "${kind}"`);
      const who = (representativeDetail ? `${representative} (${representativeDetail})` : representative).replace(/\s+/g, " ").trim();
      return serverT(code)(`email:representation.${kind}.textMessage`, { representative: who, reference, link, expiresOn });
    }
    default:
      throw new EmailRenderError(`Unknown text message template "${template}"`);
  }
}

function languageWithTemplate(locale: string, template: string): LanguageCode {
  if (!isLanguageCode(locale)) return DEFAULT_LANGUAGE;
  const emails = RESOURCES[locale]?.email;
  return typeof emails === "object" && emails !== null && template in emails ? locale : DEFAULT_LANGUAGE;
}

function parsePayload<T extends z.ZodType>(schema: T, template: string, payload: unknown): z.output<T> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
    throw new EmailRenderError(`Payload for "${template}" is not usable: ${problems.join("; ")}`);
  }
  return parsed.data;
}

type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "facts"; rows: { label: string; value: string; href?: string; hint?: string }[] };

function renderAcknowledgement(code: LanguageCode, payload: z.output<typeof acknowledgementPayload>): RenderedEmail {
  const t = serverT(code);
  const at = (key: string, values?: Record<string, unknown>) => t(`email:acknowledgement.${key}`, values ?? {});
  // Contact details come from common.json, where the translation tests keep them the same in every language.
  const phone = t("common:contact.phone");
  const email = t("common:contact.email");
  // A name is one line (forms refuse line breaks); any whitespace that slipped in older data is folded here, so
  // a name never starts a paragraph of its own in a letter from the council.
  const name = payload.name.replace(/\s+/g, " ").trim();

  const blocks: Block[] = [
    { kind: "paragraph", text: name ? at("greeting", { name }) : at("greetingNoName") },
    { kind: "paragraph", text: at("intro", { receivedOn: payload.receivedOn }) },
    {
      kind: "facts",
      rows: [
        { label: at("referenceLabel"), value: payload.reference, hint: at("referenceHint") },
        { label: at("serviceAreaLabel"), value: payload.serviceAreaName },
        { label: at("pathwayLabel"), value: t(`rules:pathway.${payload.pathway}`), hint: at("pathwayHint") },
      ],
    },
    { kind: "heading", text: at("nextHeading") },
    { kind: "paragraph", text: at("acknowledgeBy", { acknowledgeBy: payload.acknowledgeBy }) },
    { kind: "paragraph", text: at("respondBy", { respondBy: payload.respondBy }) },
    { kind: "paragraph", text: at("moreTime") },
    { kind: "heading", text: at("helpHeading") },
    { kind: "paragraph", text: at("helpIntro") },
    {
      kind: "facts",
      rows: [
        { label: at("phoneLabel"), value: phone, href: `tel:${phone.replace(/\s+/g, "")}`, hint: at("phoneHours") },
        { label: at("emailLabel"), value: email, href: `mailto:${email}` },
      ],
    },
    { kind: "paragraph", text: at("yourLanguage") },
  ];
  const signature = [at("signOff"), at("council")];

  return {
    subject: at("subject", { reference: payload.reference }),
    text: textOf(blocks, signature),
    html: htmlOf(code, at("subject", { reference: payload.reference }), blocks, signature),
  };
}

/** The sign-in code (issue 9): the code first, as mail previews show the start, and what to do if it was not you. */
function renderSignInCode(code: LanguageCode, payload: z.output<typeof signInCodePayload>): RenderedEmail {
  const t = serverT(code);
  const at = (key: string, values?: Record<string, unknown>) => t(`email:signInCode.${key}`, values ?? {});
  const blocks: Block[] = [
    { kind: "facts", rows: [{ label: at("codeLabel"), value: payload.code }] },
    { kind: "paragraph", text: at("useIt", { count: payload.minutes }) },
    { kind: "paragraph", text: at("notYou") },
  ];
  const signature = [at("signOff"), at("council")];
  return {
    subject: at("subject", { code: payload.code }),
    text: textOf(blocks, signature),
    html: htmlOf(code, at("subject", { code: payload.code }), blocks, signature),
  };
}

function renderCaseUpdate(code: LanguageCode, payload: z.output<typeof caseUpdatePayload>): RenderedEmail {
  const t = serverT(code);
  const at = (key: string, values?: Record<string, unknown>) => t(`email:caseUpdate.${key}`, values ?? {});
  const name = payload.name.replace(/\s+/g, " ").trim();
  const values = {
    reference: payload.reference,
    date: payload.date,
    stage: payload.stage,
    acknowledgeBy: payload.acknowledgeBy,
    responseBy: payload.responseBy,
    officer: payload.officer,
    outcome: payload.outcome ? at(`outcome.${payload.outcome}`) : "",
    pathway: payload.pathway ? t(`rules:pathway.${payload.pathway}`) : "",
    exclusion: payload.exclusion ? t(`rules:eligibility.exclusion.${payload.exclusion}`) : "",
    nextStage: payload.nextStage,
    requestBy: payload.requestBy,
    joinedTo: payload.joinedTo,
  };
  const blocks: Block[] = [
    { kind: "paragraph", text: name ? t("email:acknowledgement.greeting", { name }) : t("email:acknowledgement.greetingNoName") },
    { kind: "paragraph", text: at(`${payload.kind}.body`, values) },
  ];
  if (payload.kind === "escalated" && payload.acknowledgeBy) blocks.push({ kind: "paragraph", text: at("escalated.next", values) });
  // The officer's own words, shown as they wrote them.
  if (payload.kind === "acknowledged") {
    if (payload.understanding) blocks.push({ kind: "facts", rows: [{ label: at("acknowledged.understandingLabel"), value: payload.understanding }] });
    if (payload.officer) blocks.push({ kind: "paragraph", text: at("acknowledged.officer", values) });
    if (payload.responseBy) blocks.push({ kind: "paragraph", text: at("acknowledged.responseBy", values) });
  }
  // The officer's own words, under a heading that says what they are.
  const reasonsLabel: Partial<Record<typeof payload.kind, string>> = {
    extended: "extended.reasonsLabel",
    accepted_other_pathway: "accepted_other_pathway.reasonsLabel",
    resolved_informally: "resolved_informally.reasonsLabel",
    service_request: "service_request.reasonsLabel",
    not_accepted: "not_accepted.reasonsLabel",
    joined: "joined.reasonsLabel",
    late_accepted: "late_accepted.reasonsLabel",
    late_refused: "late_refused.reasonsLabel",
  };
  const label = reasonsLabel[payload.kind];
  if (label && payload.reasons) blocks.push({ kind: "facts", rows: [{ label: at(label), value: payload.reasons }] });
  if ((payload.kind === "extended" || payload.kind === "joined") && payload.responseBy) blocks.push({ kind: "paragraph", text: at("acknowledged.responseBy", values) });
  if (payload.kind === "late_accepted" && payload.acknowledgeBy) blocks.push({ kind: "paragraph", text: at("escalated.next", values) });
  if (payload.ombudsman) {
    const referral = ombudsmanReferral(payload.ombudsman);
    blocks.push({ kind: "paragraph", text: t(`rules:${referral.key}`, referral.params as Record<string, unknown>) });
  }
  if (payload.kind === "responded") {
    if (payload.reasons) blocks.push({ kind: "facts", rows: [{ label: at("responded.reasonsLabel"), value: payload.reasons }] });
    if (payload.apology) blocks.push({ kind: "facts", rows: [{ label: at("responded.apologyLabel"), value: payload.apology }] });
    if (payload.remedies.length > 0) {
      const remedies = payload.remedies.map((remedy) => t(`rules:remedies.${remedy}`)).join("; ");
      blocks.push({ kind: "facts", rows: [{ label: at("responded.remediesLabel"), value: remedies }] });
    }
    if (payload.paymentPence) {
      const amount = new Intl.NumberFormat(languageFor(code).tag, { style: "currency", currency: "GBP" }).format(payload.paymentPence / 100);
      blocks.push({ kind: "paragraph", text: at("responded.payment", { amount }) });
    }
    if (payload.actions.length > 0) {
      blocks.push({ kind: "heading", text: at("responded.actionsHeading") });
      blocks.push({ kind: "facts", rows: payload.actions.map((action) => ({ label: action.what, value: at("responded.actionBy", { by: action.by }) })) });
    }
    blocks.push({ kind: "paragraph", text: payload.nextStage && payload.requestBy ? at("responded.nextStage", values) : at("responded.ombudsman", values) });
  }
  blocks.push({ kind: "paragraph", text: at(`${payload.kind}.after`, values) }, { kind: "paragraph", text: at("online") });
  const signature = [t("email:acknowledgement.signOff"), t("email:acknowledgement.council")];
  const subject = at(`${payload.kind}.subject`, values);
  return { subject, text: textOf(blocks, signature), html: htmlOf(code, subject, blocks, signature) };
}

function renderContactRestriction(code: LanguageCode, payload: z.output<typeof contactRestrictionPayload>): RenderedEmail {
  const t = serverT(code);
  const at = (key: string, values: Record<string, unknown> = {}) => t(`email:contactRestriction.${key}`, values);
  const name = payload.name.replace(/\s+/g, " ").trim();
  const values = { reference: payload.reference, reviewOn: payload.reviewOn };
  const blocks: Block[] = [
    { kind: "paragraph", text: name ? t("email:acknowledgement.greeting", { name }) : t("email:acknowledgement.greetingNoName") },
    { kind: "paragraph", text: at(`${payload.kind}.body`, values) },
  ];
  // The officer's own words, shown as they wrote them.
  if (payload.reasons) blocks.push({ kind: "facts", rows: [{ label: at(`${payload.kind}.reasonsLabel`), value: payload.reasons }] });
  if (payload.kind === "restricted") {
    blocks.push({ kind: "heading", text: at("restricted.limitsHeading") });
    for (const restriction of payload.restrictions) blocks.push({ kind: "paragraph", text: at(`restriction.${restriction}`) });
    if (payload.contactName) blocks.push({ kind: "facts", rows: [{ label: at("restricted.contactLabel"), value: payload.contactWay ? `${payload.contactName}, ${payload.contactWay}` : payload.contactName }] });
    if (payload.reviewOn) blocks.push({ kind: "paragraph", text: at("restricted.review", values) });
    const referral = ombudsmanReferral("contact_restricted");
    blocks.push({ kind: "paragraph", text: t(`rules:${referral.key}`, referral.params as Record<string, unknown>) });
  }
  blocks.push({ kind: "paragraph", text: at(`${payload.kind}.after`, values) });
  const signature = [t("email:acknowledgement.signOff"), t("email:acknowledgement.council")];
  const subject = at(`${payload.kind}.subject`, values);
  return { subject, text: textOf(blocks, signature), html: htmlOf(code, subject, blocks, signature) };
}

function renderRepresentation(code: LanguageCode, payload: z.output<typeof representationPayload>): RenderedEmail {
  const t = serverT(code);
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const representative = oneLine(payload.representativeDetail ? `${payload.representative} (${payload.representativeDetail})` : payload.representative);
  const values = { reference: payload.reference, representative, person: oneLine(payload.person), expiresOn: payload.expiresOn };
  const at = (key: string) => t(`email:representation.${payload.kind}.${key}`, values);
  const person = oneLine(payload.person);
  const toPerson = payload.kind === "consent_request" || payload.kind === "consent_reminder" || payload.kind === "elected_notice" || payload.kind === "revoked_person";
  const blocks: Block[] = [
    { kind: "paragraph", text: toPerson && person ? t("email:acknowledgement.greeting", { name: person }) : t("email:acknowledgement.greetingNoName") },
    { kind: "paragraph", text: at("body") },
  ];
  if (payload.summary) blocks.push({ kind: "facts", rows: [{ label: t("email:representation.summaryLabel"), value: oneLine(payload.summary) }] });
  if (payload.link) blocks.push({ kind: "facts", rows: [{ label: t("email:representation.linkLabel"), value: payload.link, href: payload.link }] });
  if (payload.reasons) blocks.push({ kind: "facts", rows: [{ label: t("email:representation.reasonsLabel"), value: payload.reasons }] });
  blocks.push({ kind: "paragraph", text: at("after") });
  const signature = [t("email:acknowledgement.signOff"), t("email:acknowledgement.council")];
  const subject = at("subject");
  return { subject, text: textOf(blocks, signature), html: htmlOf(code, subject, blocks, signature) };
}

/** The complaints team's notice: English, as staff pages are; the information itself is read in the portal. */
function renderInformationAdded(_code: LanguageCode, payload: z.output<typeof informationAddedPayload>): RenderedEmail {
  const t = serverT("en");
  const subject = t("staff:email.informationAdded.subject", { reference: payload.reference });
  const blocks: Block[] = [{ kind: "paragraph", text: t("staff:email.informationAdded.body", { reference: payload.reference, date: payload.date }) }];
  if (payload.files > 0) blocks.push({ kind: "paragraph", text: t("staff:email.informationAdded.files", { count: payload.files }) });
  const signature = [t("staff:email.informationAdded.signOff")];
  return { subject, text: textOf(blocks, signature), html: htmlOf("en", subject, blocks, signature) };
}

/** The staff's morning digest: English, as staff pages are. */
function renderStaffDigest(payload: z.output<typeof staffDigestPayload>): RenderedEmail {
  const t = serverT("en");
  const at = (key: string, values: Record<string, unknown> = {}) => t(`staff:email.digest.${key}`, values);
  const subject = at("subject", { count: payload.total, overdue: payload.overdue });
  const blocks: Block[] = [
    { kind: "paragraph", text: at("intro", { date: payload.date }) },
    {
      kind: "facts",
      rows: payload.items.map((item) => ({ label: item.reference, value: at(item.overdue ? "itemOverdue" : "itemDueSoon", { service: item.service, dueOn: item.dueOn }) })),
    },
  ];
  if (payload.total > payload.items.length) blocks.push({ kind: "paragraph", text: at("more", { count: payload.total - payload.items.length }) });
  blocks.push({ kind: "facts", rows: [{ label: at("queue"), value: payload.link, href: payload.link }] });
  const signature = [t("staff:email.informationAdded.signOff")];
  return { subject, text: textOf(blocks, signature), html: htmlOf("en", subject, blocks, signature) };
}

/** The managers' notice of a serious allegation: English, as staff pages are, and without the details. */
function renderSeriousAllegation(payload: z.output<typeof seriousAllegationPayload>): RenderedEmail {
  const t = serverT("en");
  const values = { reference: payload.reference, kind: t(`staff:flag.kindName.${payload.kind}`), by: payload.by };
  const subject = t("staff:email.seriousAllegation.subject", values);
  const blocks: Block[] = [
    { kind: "paragraph", text: t("staff:email.seriousAllegation.body", values) },
    { kind: "facts", rows: [{ label: t("staff:email.seriousAllegation.linkLabel"), value: payload.link, href: payload.link }] },
  ];
  const signature = [t("staff:email.informationAdded.signOff")];
  return { subject, text: textOf(blocks, signature), html: htmlOf("en", subject, blocks, signature) };
}

function textOf(blocks: Block[], signature: string[]): string {
  const parts = blocks.map((block) => {
    if (block.kind === "facts") {
      return block.rows
        .map((row) => `${row.label}: ${row.value}${row.hint ? `\n${row.hint}` : ""}`)
        .join("\n\n");
    }
    return block.text;
  });
  return `${[...parts, signature.join("\n")].join("\n\n")}\n`;
}

const FONT = "font-family: Arial, sans-serif; color: #0b0c0c;";

function htmlOf(code: LanguageCode, title: string, blocks: Block[], signature: string[]): string {
  const { tag, dir } = languageFor(code);
  // Every value below passes through escapeHtml; only the fixed markup here is trusted.
  const body = blocks
    .map((block) => {
      if (block.kind === "heading") {
        return `<h2 style="${FONT} font-size: 24px; margin: 30px 0 15px;">${escapeHtml(block.text)}</h2>`;
      }
      if (block.kind === "paragraph") {
        return `<p style="${FONT} font-size: 19px; line-height: 1.4; margin: 0 0 20px;">${escapeHtml(block.text)}</p>`;
      }
      return block.rows
        .map((row) => {
          const value = row.href
            ? // dir="ltr" keeps a phone number's digit groups in order inside right-to-left text.
              `<a href="${escapeHtml(row.href)}" dir="ltr" style="color: #1d70b8;">${escapeHtml(row.value)}</a>`
            : `<strong>${escapeHtml(row.value)}</strong>`;
          const hint = row.hint ? `<br><span style="color: #505a5f;">${escapeHtml(row.hint)}</span>` : "";
          return `<p style="${FONT} font-size: 19px; line-height: 1.4; margin: 0 0 20px;">${escapeHtml(row.label)}: ${value}${hint}</p>`;
        })
        .join("\n");
    })
    .join("\n");
  const sign = signature.map(escapeHtml).join("<br>");
  // lang and dir sit on <html> and again on the wrapper, because some mail clients drop the <html> element.
  return `<!DOCTYPE html>
<html lang="${tag}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin: 0; padding: 0;">
<div lang="${tag}" dir="${dir}" style="max-width: 640px; margin: 0 auto; padding: 20px;">
${body}
<p style="${FONT} font-size: 19px; line-height: 1.4; margin: 0;">${sign}</p>
</div>
</body>
</html>
`;
}
