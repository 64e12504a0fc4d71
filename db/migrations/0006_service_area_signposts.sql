ALTER TABLE "service_areas" ADD COLUMN "report_url" text;--> statement-breakpoint
ALTER TABLE "service_areas" ADD COLUMN "screening_subjects" text[];