CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_signed_in_at" timestamp with time zone,
	CONSTRAINT "accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "complaint_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"preferred_contact" text DEFAULT 'email' NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_parties_role" CHECK ("complaint_parties"."role" in ('complainant', 'representative'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_in_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every event has a date: an undated one takes its complaint's date of receipt.
UPDATE "complaint_events" SET "occurred_on" = "complaints"."received_on" FROM "complaints" WHERE "complaint_events"."complaint_id" = "complaints"."id" AND "complaint_events"."occurred_on" IS NULL;--> statement-breakpoint
ALTER TABLE "complaint_events" ALTER COLUMN "occurred_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "status" SET DEFAULT 'triage';--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "actor" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "actor_account_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "next_due_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "complaint_parties" ADD CONSTRAINT "complaint_parties_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_parties" ADD CONSTRAINT "complaint_parties_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_parties_complaint_idx" ON "complaint_parties" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_parties_email_idx" ON "complaint_parties" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "complaint_parties_account_idx" ON "complaint_parties" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sign_in_codes_email_idx" ON "sign_in_codes" USING btree ("email");--> statement-breakpoint
CREATE INDEX "sign_in_codes_expires_idx" ON "sign_in_codes" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "complaints_next_due_on_idx" ON "complaints" USING btree ("next_due_on");--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_dedupe_key_unique" UNIQUE("dedupe_key");--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor" CHECK ("complaint_events"."actor" in ('resident', 'representative', 'staff', 'system'));;--> statement-breakpoint
-- "received" was never a state of the stage machine: a complaint just received is awaiting triage, one acknowledged
-- is being investigated (the only events recorded before the case service).
UPDATE "complaints" SET "status" = CASE WHEN EXISTS (SELECT 1 FROM "complaint_events" e WHERE e."complaint_id" = "complaints"."id" AND e."type" = 'acknowledged') THEN 'investigating' ELSE 'triage' END WHERE "status" = 'received';--> statement-breakpoint
-- The complainant's details move to their own record, so that a representative can be a second one (issue 10).
INSERT INTO "complaint_parties" ("complaint_id", "role", "name", "email", "phone", "address", "preferred_contact", "created_at")
SELECT "id", 'complainant', "name", "email", "phone", "address", "preferred_contact", "created_at" FROM "complaints" WHERE NOT "anonymous";
