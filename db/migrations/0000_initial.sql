CREATE TYPE "public"."pathway" AS ENUM('corporate', 'childrens', 'adults');--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" text NOT NULL,
	"stage" integer,
	"occurred_on" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"service_area_slug" text NOT NULL,
	"pathway" "pathway" NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"stage" integer DEFAULT 1 NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"received_on" date NOT NULL,
	"what_went_wrong" text NOT NULL,
	"how_affected" text DEFAULT '' NOT NULL,
	"outcome_wanted" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_reference_unique" UNIQUE("reference"),
	CONSTRAINT "complaints_stage_range" CHECK ("complaints"."stage" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "service_area_names" (
	"service_area_slug" text NOT NULL,
	"locale" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "service_area_names_service_area_slug_locale_pk" PRIMARY KEY("service_area_slug","locale")
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"slug" text PRIMARY KEY NOT NULL,
	"pathway" "pathway" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_service_area_slug_service_areas_slug_fk" FOREIGN KEY ("service_area_slug") REFERENCES "public"."service_areas"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_area_names" ADD CONSTRAINT "service_area_names_service_area_slug_service_areas_slug_fk" FOREIGN KEY ("service_area_slug") REFERENCES "public"."service_areas"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_received_on_idx" ON "complaints" USING btree ("received_on");