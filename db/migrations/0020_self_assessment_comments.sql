CREATE TABLE "self_assessment_comments" (
	"financial_year" integer NOT NULL,
	"section_id" text NOT NULL,
	"commentary" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessment_comments_financial_year_section_id_pk" PRIMARY KEY("financial_year","section_id")
);
--> statement-breakpoint
ALTER TABLE "self_assessment_comments" ADD CONSTRAINT "self_assessment_comments_updated_by_staff_members_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;