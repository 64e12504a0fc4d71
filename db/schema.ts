// The portal's tables. Complaint rules live in app/rules; this file only says what is stored.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSchema,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// RULES §2: the three complaint pathways.
export const pathwayEnum = pgEnum("pathway", ["corporate", "childrens", "adults"]);

export const serviceAreas = pgTable("service_areas", {
  slug: text("slug").primaryKey(),
  // The pathway a complaint about this service is suggested for; staff confirm it at triage (RULES §2).
  pathway: pathwayEnum("pathway").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  // §5: where to report a problem or ask for this service instead of complaining; null: the council's contact page.
  reportUrl: text("report_url"),
  // §6: the matters with another route that residents are asked about for this service, besides those every service
  // meets (app/rules/eligibility.ts, subjectsFor); null: all of them.
  screeningSubjects: text("screening_subjects").array(),
});

// Names residents read are translatable data (from locales/<lang>/service-areas.json), not code.
export const serviceAreaNames = pgTable(
  "service_area_names",
  {
    serviceAreaSlug: text("service_area_slug")
      .notNull()
      .references(() => serviceAreas.slug, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
  },
  (table) => [primaryKey({ columns: [table.serviceAreaSlug, table.locale] })],
);

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    serviceAreaSlug: text("service_area_slug")
      .notNull()
      .references(() => serviceAreas.slug),
    pathway: pathwayEnum("pathway").notNull(),
    // Derived from the events by the case service (app/cases) and written in the same transaction as each event,
    // never on their own: the stage machine's status (app/rules/stage-machine.ts) and current stage.
    status: text("status").notNull().default("triage"),
    stage: integer("stage").notNull().default(1),
    // Bumped with every event: a form posted against an older version is stale (409).
    version: integer("version").notNull().default(0),
    // The next date the council must act by, for ordering queues; recomputed by the case service.
    nextDueOn: date("next_due_on", { mode: "string" }),
    // When the complaint ended (withdrawn, closed, not accepted …): retention counts from it.
    closedOn: date("closed_on", { mode: "string" }),
    language: text("language").notNull().default("en"),
    // RULES §1: the London calendar date it was received; timelines count from it.
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    whatWentWrong: text("what_went_wrong").notNull(),
    howAffected: text("how_affected").notNull().default(""),
    outcomeWanted: text("outcome_wanted").notNull().default(""),
    isDemo: boolean("is_demo").notNull().default(false),
    // Issue 4: the online complaint. An anonymous complaint has no complainant's details (policy §8); the people
    // involved and how to reach them are in complaint_parties.
    anonymous: boolean("anonymous").notNull().default(false),
    supportNeeds: text("support_needs").notNull().default(""),
    interpreterLanguage: text("interpreter_language").notNull().default(""),
    translatedLetters: boolean("translated_letters").notNull().default(false),
    happenedOn: date("happened_on", { mode: "string" }),
    referenceNumbers: text("reference_numbers").notNull().default(""),
    exceptionalCircumstances: text("exceptional_circumstances").notNull().default(""),
    // What the resident answered at screening and the advice they were given (RULES §5), for triage.
    screening: jsonb("screening").$type<Record<string, unknown>>().notNull().default({}),
    // One complaint per draft: a second submit of the same answers finds this and creates nothing.
    draftId: uuid("draft_id").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("complaints_received_on_idx").on(table.receivedOn),
    index("complaints_next_due_on_idx").on(table.nextDueOn),
    check("complaints_stage_range", sql`${table.stage} between 1 and 3`),
  ],
);

// Everything that happens to a complaint; deadlines are recomputed from these, never typed by hand (RULES §3).
// `type` and `details` follow one zod schema (app/cases/case-events.ts); only the case service writes them.
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: serial("id").primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    stage: integer("stage"),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    // Who made the change: resident, representative, staff or system.
    actor: text("actor").notNull().default("system"),
    // The signed-in account that made it, when there was one.
    actorAccountId: uuid("actor_account_id"),
    // One event per form: a second post of the same form finds this and records nothing.
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("complaint_events_complaint_idx").on(table.complaintId),
    // Issue 12: the reports count a period's events of a type (responses, requests, acknowledgements …) by their date.
    index("complaint_events_type_occurred_idx").on(table.type, table.occurredOn),
    check("complaint_events_actor", sql`${table.actor} in ('resident', 'representative', 'staff', 'system')`),
  ],
);

// The people involved in a complaint, each in a role: the complainant now, a representative acting for them
// (issue 10) later. A person's account reaches a complaint through this record, never by owning it.
export const complaintParties = pgTable(
  "complaint_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    name: text("name").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    address: text("address").notNull().default(""),
    preferredContact: text("preferred_contact").notNull().default("email"),
    // The account that was signed in when the complaint was made; an account also reaches every complaint made
    // with its verified email address (app/cases/access.server.ts).
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("complaint_parties_complaint_idx").on(table.complaintId),
    index("complaint_parties_email_idx").on(sql`lower(${table.email})`),
    index("complaint_parties_account_idx").on(table.accountId),
    check("complaint_parties_role", sql`${table.role} in ('complainant', 'representative')`),
  ],
);

// An account is a verified email address (issue 9): made the first time someone signs in with a code sent to it.
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Lower case, as typed otherwise.
  email: text("email").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true }),
});

// What a person acting for others (issue 10) said about themselves, offered again on their next complaint.
export const representativeProfiles = pgTable("representative_profiles", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  name: text("name").notNull().default(""),
  phone: text("phone").notNull().default(""),
  relationship: text("relationship").notNull(),
  // The organisation, ward or constituency, or the relationship in their words (RELATIONSHIP_DETAIL).
  relationshipDetail: text("relationship_detail").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The council's elected members (policy §7.3): a councillor or MP signed in with one of these addresses acts on a
// constituent's request without a separate permission. MPs may also be recognised by their address's domain
// (MP_EMAIL_DOMAINS). Seeded for the demo; the council keeps the list.
export const electedMembers = pgTable(
  "elected_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Lower case.
    email: text("email").notNull().unique(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    // The ward or constituency.
    area: text("area").notNull().default(""),
  },
  (table) => [check("elected_members_kind", sql`${table.kind} in ('councillor', 'mp')`)],
);

// One-time sign-in codes: only a keyed hash is kept; single use, 15 minutes, 5 tries (app/accounts).
export const signInCodes = pgTable(
  "sign_in_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sign_in_codes_email_idx").on(table.email), index("sign_in_codes_expires_idx").on(table.expiresAt)],
);

// Signed-in sessions: the cookie holds a random token, the database its hash. Ended by signing out, by
// "sign out everywhere", or by a day without use.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("sessions_account_idx").on(table.accountId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

// Answers kept as they go (issue 4): server-side, found by the hash of a random token in a cookie, so a
// resident can close the browser and carry on for at least 7 days without an account.
export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    // Bumped on every save; a form posted with an older version is stale.
    version: integer("version").notNull().default(0),
    submittedComplaintId: uuid("submitted_complaint_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("drafts_expires_at_idx").on(table.expiresAt)],
);

// Someone acting for the person a complaint is about (issue 10; policy §7): a representative party of the
// complaint, the account they act from, and where their permission stands (app/representation).
export const representations = pgTable(
  "representations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => complaintParties.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    relationship: text("relationship").notNull(),
    relationshipDetail: text("relationship_detail").notNull().default(""),
    consentRoute: text("consent_route").notNull(),
    state: text("state").notNull(),
    lettersTo: text("letters_to").notNull().default("representative"),
    // About the person: under 18 (reported as complaints made for children and young people), and, when they
    // cannot give permission, why and with what authority, and for a child their knowledge, agreement and views.
    personUnder18: boolean("person_under_18").notNull().default(false),
    cannotConsent: jsonb("cannot_consent").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("representations_account_idx").on(table.accountId),
    index("representations_complaint_idx").on(table.complaintId),
    check("representations_state", sql`${table.state} in ('awaiting_consent', 'awaiting_decision', 'active', 'declined', 'revoked', 'not_accepted')`),
    check("representations_letters_to", sql`${table.lettersTo} in ('representative', 'person', 'both')`),
  ],
);

// The link a person follows to confirm (or decline) that someone acts for them: only a hash of its token is kept;
// it works once, for 28 days, and a reminder is sent after 7.
export const consentRequests = pgTable(
  "consent_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    representationId: uuid("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    locale: text("locale").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("consent_requests_representation_idx").on(table.representationId)],
);

// Supporting files, in the database so that a database restore brings them back. A file's bytes are in
// attachment_chunks, a quarter of a megabyte a row, so that neither storing nor reading one holds it whole in
// memory. A file is `kept` once it has arrived in full and passed its checks; until then it belongs to no one.
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    draftId: uuid("draft_id").references(() => drafts.id, { onDelete: "set null" }),
    complaintId: uuid("complaint_id").references(() => complaints.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    kept: boolean("kept").notNull().default(false),
    // What a virus scanner said: "clean", or "unscanned" when none is configured (CLAMD_SOCKET).
    scan: text("scan").notNull().default("unscanned"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("attachments_draft_idx").on(table.draftId), index("attachments_complaint_idx").on(table.complaintId)],
);

export const attachmentChunks = pgTable(
  "attachment_chunks",
  {
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (table) => [primaryKey({ columns: [table.attachmentId, table.seq] })],
);

// Equality monitoring answers (RULES §6): special category data, in a schema of their own that the web
// application's database role cannot read (db/migrations/0002_equality_apart.sql). Rows carry only what the
// aggregate reports break down by — no id, no time (the month at most), no link to a complaint — and reach
// `responses` in shuffled batches, so neither their order nor the transaction that wrote them tells one
// resident's answers from another's. The web application writes only through equality.record_answers().
export const equalitySchema = pgSchema("equality");

const equalityColumns = () => ({
  pathway: pathwayEnum("pathway").notNull(),
  serviceAreaSlug: text("service_area_slug").notNull(),
  receivedMonth: text("received_month").notNull(),
  answers: jsonb("answers").$type<Record<string, string>>().notNull(),
});

/** Answers waiting for a batch to fill. */
export const equalityPending = equalitySchema.table("pending", equalityColumns());

/** Answers released for counting, in shuffled batches. */
export const equalityResponses = equalitySchema.table("responses", equalityColumns());

/** Hashes of the one-use tokens already spent, so a repeated post records nothing twice; kept a few days. */
export const equalitySpentTokens = equalitySchema.table("spent_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  forgetAfter: date("forget_after", { mode: "string" }).notNull(),
});

// Secrets the portal makes for itself when none is configured (the cookie-signing key), shared by every worker.
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});

// Mail to send, written in the same transaction as what it reports, then delivered by a worker with retries.
export const outbox = pgTable(
  "outbox",
  {
    id: serial("id").primaryKey(),
    // One message per purpose: a retried submission cannot queue a second acknowledgement.
    dedupeKey: text("dedupe_key").notNull().unique(),
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    // "email", or "text" for a text message (recipient is then a mobile number, +447…).
    channel: text("channel").notNull().default("email"),
    recipient: text("recipient").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("outbox_due_idx").on(table.status, table.nextAttemptAt),
    // A complaint's letters, for its Ombudsman case file (issue 12), found by the reference in their payload.
    index("outbox_reference_idx").on(sql`(${table.payload}->>'reference')`),
    check("outbox_channel", sql`${table.channel} in ('email', 'text')`),
  ],
);

// Compliments and comments (policy §3): logged and passed to the service, and counted.
export const compliments = pgTable("compliments", {
  id: uuid("id").primaryKey().defaultRandom(),
  // "CMT-" and eight characters, as complaints have "CCC-": quoted if the resident contacts us about it.
  reference: text("reference").unique(),
  kind: text("kind").notNull(),
  serviceAreaSlug: text("service_area_slug").references(() => serviceAreas.slug),
  team: text("team").notNull().default(""),
  message: text("message").notNull(),
  name: text("name").notNull().default(""),
  email: text("email").notNull().default(""),
  language: text("language").notNull().default("en"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// Rate limits (app/http/rate-limits.server.ts), counted in the database so they hold across every worker and
// server. Keys are keyed hashes of the client's address or an email address, never the address itself.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

// Council staff (issue 11): an account per person, by email address, with one role (app/staff/staff-roles.ts).
// Without single sign-on they sign in with an emailed code and an authenticator app's code (the TOTP secret below,
// confirmed once they have shown a code from it). A leaver is deactivated: their sessions stop at once.
export const staffMembers = pgTable(
  "staff_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull().default(""),
    role: text("role").notNull(),
    active: boolean("active").notNull().default(true),
    totpSecret: text("totp_secret"),
    totpConfirmedAt: timestamp("totp_confirmed_at", { withTimezone: true }),
    // The last authenticator time step accepted: a code is never accepted twice (RFC 6238 §5.2).
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  },
  (table) => [
    check("staff_members_role", sql`${table.role} in ('complaints_officer', 'investigating_officer', 'manager', 'independent_investigator', 'equality_analyst')`),
    check("staff_members_email_lower", sql`${table.email} = lower(${table.email})`),
  ],
);

// Staff sessions, apart from residents' (their own cookie): the token's hash, ended by signing out, deactivation,
// STAFF_SESSION_HOURS after signing in, or an hour unused.
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("staff_sessions_staff_idx").on(table.staffId)],
);

// Who looks into a complaint (issue 11, item 3): an investigating officer assigned to it, or an independent
// investigator or panel member appointed to children's Stages 2–3. They see only these complaints.
export const caseAssignments = pgTable(
  "case_assignments",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    assignedBy: uuid("assigned_by").references(() => staffMembers.id, { onDelete: "restrict" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.complaintId, table.staffId] }), index("case_assignments_staff_idx").on(table.staffId)],
);

// Serious allegations flagged at triage or later (RULES §4, policy §8: safeguarding, fraud, corruption go to a
// senior manager at once). Staff only: never shown to the complainant.
export const caseFlags = pgTable(
  "case_flags",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    details: text("details").notNull(),
    flaggedBy: uuid("flagged_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("case_flags_complaint_idx").on(table.complaintId), check("case_flags_kind", sql`${table.kind} in ('safeguarding', 'fraud', 'corruption')`)],
);

// What staff did and saw (issue 11, item 4): append-only — a trigger (migration 0012) refuses every update and
// delete, so the application cannot change it.
export const staffAudit = pgTable(
  "staff_audit",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    staffId: uuid("staff_id").references(() => staffMembers.id, { onDelete: "restrict" }),
    // What happened: "signed_in", "viewed", "changed", "refused" (an attempt on a complaint not theirs), and so on.
    action: text("action").notNull(),
    // Not a foreign key: the record of what was done outlives the complaint's own retention.
    complaintId: uuid("complaint_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("staff_audit_complaint_idx").on(table.complaintId), index("staff_audit_staff_idx").on(table.staffId)],
);

// Triage's record of what a complaint is about (issue 11, item 3): the team and the categories of concern
// (app/staff/classification.ts). One row per complaint, changed as the picture becomes clearer; each change is in
// the staff audit trail.
export const caseClassifications = pgTable(
  "case_classifications",
  {
    complaintId: uuid("complaint_id")
      .primaryKey()
      .references(() => complaints.id, { onDelete: "cascade" }),
    team: text("team").notNull(),
    categories: text("categories").array().notNull(),
    classifiedBy: uuid("classified_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    classifiedAt: timestamp("classified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("case_classifications_team_idx").on(table.team),
    check(
      "case_classifications_categories",
      sql`cardinality(${table.categories}) > 0 and ${table.categories} <@ array['communication', 'standard_of_service', 'delay', 'staff_conduct', 'policy_or_procedure', 'finance', 'discrimination', 'confidentiality', 'child_protection', 'standard_of_environment']::text[]`,
    ),
  ],
);

// §15.4: the outcome of looking into a member of staff's conduct, for staff only — never on the complainant's
// pages or in their letters.
export const conductOutcomes = pgTable(
  "conduct_outcomes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    stage: integer("stage").notNull(),
    outcome: text("outcome").notNull(),
    notes: text("notes").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("conduct_outcomes_complaint_idx").on(table.complaintId),
    check("conduct_outcomes_outcome", sql`${table.outcome} in ('upheld', 'partially_upheld', 'not_upheld')`),
  ],
);

// Enquiries from the Local Government and Social Care Ombudsman about a complaint (issue 11, item 3; RULES §7,
// §16): when one came, the Ombudsman's reference, and later its decision and any remedy, for the reports
// (issue 12) and the case page.
export const ombudsmanEnquiries = pgTable(
  "ombudsman_enquiries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    ombudsmanReference: text("ombudsman_reference").notNull(),
    receivedOn: date("received_on").notNull(),
    decision: text("decision"),
    decidedOn: date("decided_on"),
    remedy: text("remedy").notNull().default(""),
    remedyPence: integer("remedy_pence"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("ombudsman_enquiries_complaint_idx").on(table.complaintId),
    index("ombudsman_enquiries_received_idx").on(table.receivedOn),
    check(
      "ombudsman_enquiries_decision",
      sql`${table.decision} is null or ${table.decision} in ('upheld_with_injustice', 'upheld_no_injustice', 'not_upheld', 'closed_after_initial_enquiries', 'referred_back', 'advice_given', 'incomplete_or_invalid')`,
    ),
    check("ombudsman_enquiries_decided", sql`(${table.decision} is null) = (${table.decidedOn} is null)`),
    check("ombudsman_enquiries_remedy_pence", sql`${table.remedyPence} is null or ${table.remedyPence} > 0`),
  ],
);

// The council's own closure days, and bank holidays announced after the committed list (RULES §1), added by a
// manager (issue 11, item 3). No working-day deadline falls on one, and deadlines counted across one move.
export const closureDays = pgTable("closure_days", {
  day: date("day").primaryKey(),
  name: text("name").notNull(),
  addedBy: uuid("added_by")
    .notNull()
    .references(() => staffMembers.id, { onDelete: "restrict" }),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
});

// Policy §18: limits on how someone may contact the council about a complaint (app/staff/contact-restriction.ts),
// with a single point of contact and a review date; at most one in force per complaint. Lifted, not deleted.
export const contactRestrictions = pgTable(
  "contact_restrictions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    restrictions: text("restrictions").array().notNull(),
    reasons: text("reasons").notNull(),
    contactName: text("contact_name").notNull(),
    contactWay: text("contact_way").notNull(),
    reviewOn: date("review_on").notNull(),
    imposedBy: uuid("imposed_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    imposedAt: timestamp("imposed_at", { withTimezone: true }).notNull().defaultNow(),
    liftedBy: uuid("lifted_by").references(() => staffMembers.id, { onDelete: "restrict" }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftReasons: text("lift_reasons"),
  },
  (table) => [
    uniqueIndex("contact_restrictions_in_force").on(table.complaintId).where(sql`${table.liftedAt} is null`),
    check(
      "contact_restrictions_kinds",
      sql`cardinality(${table.restrictions}) > 0 and ${table.restrictions} <@ array['single_point_of_contact', 'written_only', 'limited_frequency', 'no_repeat_replies', 'meetings_witnessed']::text[]`,
    ),
  ],
);

// A stage response drafted by the investigating officer (or independent investigator) assigned to a complaint, for
// a complaints officer or manager to check and send (issue 11, item 1): the response form's fields as they were
// posted. One per complaint and stage, replaced when redrafted. Staff only.
export const responseDrafts = pgTable(
  "response_drafts",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    stage: integer("stage").notNull(),
    fields: jsonb("fields").$type<{ values: Record<string, string>; remedies: string[] }>().notNull(),
    draftedBy: uuid("drafted_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    draftedAt: timestamp("drafted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.complaintId, table.stage] })],
);

// The council's commentary on its Complaint Handling Code self-assessment (issue 12, item 3): one text per
// financial year (the April's year) and section of the Code (app/config/complaint-handling-code.json), written by
// managers beside the portal's evidence. Staff only.
export const selfAssessmentComments = pgTable(
  "self_assessment_comments",
  {
    financialYear: integer("financial_year").notNull(),
    sectionId: text("section_id").notNull(),
    commentary: text("commentary").notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.financialYear, table.sectionId] })],
);
