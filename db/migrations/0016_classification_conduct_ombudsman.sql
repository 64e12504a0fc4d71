CREATE TABLE "case_classifications" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"team" text NOT NULL,
	"categories" text[] NOT NULL,
	"classified_by" uuid NOT NULL,
	"classified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_classifications_categories" CHECK (cardinality("case_classifications"."categories") > 0 and "case_classifications"."categories" <@ array['communication', 'standard_of_service', 'delay', 'staff_conduct', 'policy_or_procedure', 'finance', 'discrimination', 'confidentiality', 'child_protection', 'standard_of_environment']::text[])
);
--> statement-breakpoint
CREATE TABLE "conduct_outcomes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conduct_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"outcome" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_outcomes_outcome" CHECK ("conduct_outcomes"."outcome" in ('upheld', 'partially_upheld', 'not_upheld'))
);
--> statement-breakpoint
CREATE TABLE "ombudsman_enquiries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ombudsman_enquiries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" uuid NOT NULL,
	"ombudsman_reference" text NOT NULL,
	"received_on" date NOT NULL,
	"decision" text,
	"decided_on" date,
	"remedy" text DEFAULT '' NOT NULL,
	"remedy_pence" integer,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ombudsman_enquiries_decision" CHECK ("ombudsman_enquiries"."decision" is null or "ombudsman_enquiries"."decision" in ('upheld_with_injustice', 'upheld_no_injustice', 'not_upheld', 'closed_after_initial_enquiries', 'referred_back', 'advice_given', 'incomplete_or_invalid')),
	CONSTRAINT "ombudsman_enquiries_decided" CHECK (("ombudsman_enquiries"."decision" is null) = ("ombudsman_enquiries"."decided_on" is null)),
	CONSTRAINT "ombudsman_enquiries_remedy_pence" CHECK ("ombudsman_enquiries"."remedy_pence" is null or "ombudsman_enquiries"."remedy_pence" > 0)
);
--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_classified_by_staff_members_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_outcomes" ADD CONSTRAINT "conduct_outcomes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_outcomes" ADD CONSTRAINT "conduct_outcomes_recorded_by_staff_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_enquiries" ADD CONSTRAINT "ombudsman_enquiries_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_enquiries" ADD CONSTRAINT "ombudsman_enquiries_recorded_by_staff_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_classifications_team_idx" ON "case_classifications" USING btree ("team");--> statement-breakpoint
CREATE INDEX "conduct_outcomes_complaint_idx" ON "conduct_outcomes" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "ombudsman_enquiries_complaint_idx" ON "ombudsman_enquiries" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "ombudsman_enquiries_received_idx" ON "ombudsman_enquiries" USING btree ("received_on");