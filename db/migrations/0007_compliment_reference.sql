ALTER TABLE "compliments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "compliments" ADD CONSTRAINT "compliments_reference_unique" UNIQUE("reference");