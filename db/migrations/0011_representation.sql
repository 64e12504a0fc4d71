CREATE TABLE "consent_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"representation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"locale" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "elected_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	CONSTRAINT "elected_members_email_unique" UNIQUE("email"),
	CONSTRAINT "elected_members_kind" CHECK ("elected_members"."kind" in ('councillor', 'mp'))
);
--> statement-breakpoint
CREATE TABLE "representations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"account_id" uuid,
	"relationship" text NOT NULL,
	"relationship_detail" text DEFAULT '' NOT NULL,
	"consent_route" text NOT NULL,
	"state" text NOT NULL,
	"letters_to" text DEFAULT 'representative' NOT NULL,
	"person_under_18" boolean DEFAULT false NOT NULL,
	"cannot_consent" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "representations_state" CHECK ("representations"."state" in ('awaiting_consent', 'awaiting_decision', 'active', 'declined', 'revoked', 'not_accepted')),
	CONSTRAINT "representations_letters_to" CHECK ("representations"."letters_to" in ('representative', 'person', 'both'))
);
--> statement-breakpoint
CREATE TABLE "representative_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"relationship" text NOT NULL,
	"relationship_detail" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_representation_id_representations_id_fk" FOREIGN KEY ("representation_id") REFERENCES "public"."representations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_party_id_complaint_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."complaint_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_profiles" ADD CONSTRAINT "representative_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_requests_representation_idx" ON "consent_requests" USING btree ("representation_id");--> statement-breakpoint
CREATE INDEX "representations_account_idx" ON "representations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "representations_complaint_idx" ON "representations" USING btree ("complaint_id");