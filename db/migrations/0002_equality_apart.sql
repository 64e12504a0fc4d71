CREATE SCHEMA "equality";
--> statement-breakpoint
CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equality"."pending" (
	"pathway" "pathway" NOT NULL,
	"service_area_slug" text NOT NULL,
	"received_month" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equality"."responses" (
	"pathway" "pathway" NOT NULL,
	"service_area_slug" text NOT NULL,
	"received_month" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equality"."spent_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"forget_after" date NOT NULL
);
--> statement-breakpoint
-- Answers stored before this migration keep their dimensions and month; their time and id go, and they enter the
-- new table in a random order.
INSERT INTO "equality"."responses" ("pathway", "service_area_slug", "received_month", "answers")
  SELECT "pathway", "service_area_slug", "received_month", "answers" FROM "equality_responses" ORDER BY gen_random_uuid();
--> statement-breakpoint
DROP TABLE "equality_responses" CASCADE;
--> statement-breakpoint
CREATE INDEX "spent_tokens_forget_after_idx" ON "equality"."spent_tokens" ("forget_after");
--> statement-breakpoint
-- Database roles (cluster-wide, so made only when missing; a DBA may make them first and the migration then
-- needs no CREATEROLE). The web application logs in as a member of portal_web; reports as a member of
-- portal_reports. Neither can read a single equality row.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_web') THEN CREATE ROLE portal_web NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_reports') THEN CREATE ROLE portal_reports NOLOGIN; END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_web;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_web;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_web;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_web;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_web;
--> statement-breakpoint
REVOKE ALL ON SCHEMA "equality" FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA "equality" FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "equality" TO portal_web, portal_reports;
--> statement-breakpoint
-- Moves every waiting answer to responses in one statement, in a random order: the batch shares one transaction
-- (xmin) and its physical order (ctid) is shuffled, so nothing stored orders one resident before another.
CREATE FUNCTION "equality"."release_batch"(minimum integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  released integer;
BEGIN
  -- One release at a time: a second caller waits, then finds the rows gone.
  LOCK TABLE "equality"."pending" IN SHARE ROW EXCLUSIVE MODE;
  IF (SELECT count(*) FROM "equality"."pending") < greatest(minimum, 1) THEN
    RETURN 0;
  END IF;
  WITH moved AS (DELETE FROM "equality"."pending" RETURNING *)
  INSERT INTO "equality"."responses" ("pathway", "service_area_slug", "received_month", "answers")
    SELECT "pathway", "service_area_slug", "received_month", "answers" FROM moved ORDER BY gen_random_uuid();
  GET DIAGNOSTICS released = ROW_COUNT;
  DELETE FROM "equality"."spent_tokens" WHERE "forget_after" < current_date;
  RETURN released;
END $$;
--> statement-breakpoint
-- The web application's only way in: records one resident's answers once per token, and releases a batch when
-- `p_batch_size` (at least 2) are waiting. A batch is never released smaller, so no schedule is needed. It returns whether the answers were recorded (false for a token already spent).
CREATE FUNCTION "equality"."record_answers"(
  p_token_hash text, p_pathway public.pathway, p_service_area text, p_month text, p_answers jsonb, p_batch_size integer
) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO "equality"."spent_tokens" ("token_hash", "forget_after") VALUES (p_token_hash, current_date + 3)
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF p_month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' OR jsonb_typeof(p_answers) <> 'object' THEN
    RAISE EXCEPTION 'equality answers must be an object and the month YYYY-MM' USING ERRCODE = '22023';
  END IF;
  INSERT INTO "equality"."pending" ("pathway", "service_area_slug", "received_month", "answers")
    VALUES (p_pathway, p_service_area, p_month, p_answers);
  PERFORM "equality"."release_batch"(greatest(p_batch_size, 2));
  RETURN true;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "equality"."release_batch"(integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "equality"."record_answers"(text, public.pathway, text, text, jsonb, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "equality"."record_answers"(text, public.pathway, text, text, jsonb, integer) TO portal_web;
--> statement-breakpoint
-- What reports may see: counts per question and answer, never a row (small counts are suppressed where reports
-- are made). The view runs with its owner's rights, so portal_reports needs nothing on the tables themselves.
CREATE VIEW "equality"."answer_counts" AS
  SELECT r."pathway", r."service_area_slug", r."received_month", a."key" AS "question", a."value" AS "answer",
         count(*)::integer AS "responses"
  FROM "equality"."responses" r, jsonb_each_text(r."answers") a
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
REVOKE ALL ON "equality"."answer_counts" FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT ON "equality"."answer_counts" TO portal_reports;