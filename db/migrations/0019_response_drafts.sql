CREATE TABLE "response_drafts" (
	"complaint_id" uuid NOT NULL,
	"stage" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_drafts_complaint_id_stage_pk" PRIMARY KEY("complaint_id","stage")
);
--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_drafted_by_staff_members_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;