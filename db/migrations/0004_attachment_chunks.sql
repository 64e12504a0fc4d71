CREATE TABLE "attachment_chunks" (
	"attachment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_chunks_attachment_id_seq_pk" PRIMARY KEY("attachment_id","seq")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "kept" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "scan" text DEFAULT 'unscanned' NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment_chunks" ADD CONSTRAINT "attachment_chunks_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Files stored before this migration were whole and checked: they are kept, and their bytes move into chunks.
UPDATE "attachments" SET "kept" = true;--> statement-breakpoint
INSERT INTO "attachment_chunks" ("attachment_id", "seq", "data")
  SELECT a."id", s.seq, substring(a."data" from s.seq * 262144 + 1 for 262144)
  FROM "attachments" a, generate_series(0, greatest(0, (length(a."data") - 1) / 262144)) AS s(seq);--> statement-breakpoint
ALTER TABLE "attachments" DROP COLUMN "data";