// The portal's tables. Complaint rules live in app/rules; this file only says what is stored.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// RULES §2: the three complaint pathways.
export const pathwayEnum = pgEnum("pathway", ["corporate", "childrens", "adults"]);

export const serviceAreas = pgTable("service_areas", {
  slug: text("slug").primaryKey(),
  // The pathway a complaint about this service is suggested for; staff confirm it at triage (RULES §2).
  pathway: pathwayEnum("pathway").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
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
    status: text("status").notNull().default("received"),
    stage: integer("stage").notNull().default(1),
    language: text("language").notNull().default("en"),
    // RULES §1: the London calendar date it was received; timelines count from it.
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    whatWentWrong: text("what_went_wrong").notNull(),
    howAffected: text("how_affected").notNull().default(""),
    outcomeWanted: text("outcome_wanted").notNull().default(""),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("complaints_received_on_idx").on(table.receivedOn),
    check("complaints_stage_range", sql`${table.stage} between 1 and 3`),
  ],
);

// Everything that happens to a complaint; deadlines are recomputed from these, never typed by hand (RULES §3).
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: serial("id").primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    stage: integer("stage"),
    occurredOn: date("occurred_on", { mode: "string" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("complaint_events_complaint_idx").on(table.complaintId)],
);
