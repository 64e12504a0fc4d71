CREATE TABLE "closure_days" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "closure_days" ADD CONSTRAINT "closure_days_added_by_staff_members_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."staff_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- The queue that works out open complaints' stored next-due dates again once the calendar changes (a closure day
-- added or removed), made here as the other queues are (making a queue creates a table).
SELECT pgboss.create_queue('due-dates-refresh', '{"policy":"stately","retryLimit":2,"retryDelay":60,"retryBackoff":false,"expireInSeconds":3600,"retentionMinutes":10080}'::json);
