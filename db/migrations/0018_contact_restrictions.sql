CREATE TABLE "contact_restrictions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_restrictions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" uuid NOT NULL,
	"restrictions" text[] NOT NULL,
	"reasons" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_way" text NOT NULL,
	"review_on" date NOT NULL,
	"imposed_by" uuid NOT NULL,
	"imposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reasons" text,
	CONSTRAINT "contact_restrictions_kinds" CHECK (cardinality("contact_restrictions"."restrictions") > 0 and "contact_restrictions"."restrictions" <@ array['single_point_of_contact', 'written_only', 'limited_frequency', 'no_repeat_replies', 'meetings_witnessed']::text[])
);
--> statement-breakpoint
ALTER TABLE "contact_restrictions" ADD CONSTRAINT "contact_restrictions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_restrictions" ADD CONSTRAINT "contact_restrictions_imposed_by_staff_members_id_fk" FOREIGN KEY ("imposed_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_restrictions" ADD CONSTRAINT "contact_restrictions_lifted_by_staff_members_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_restrictions_in_force" ON "contact_restrictions" USING btree ("complaint_id") WHERE "contact_restrictions"."lifted_at" is null;