-- Issue 11, item 6: the queue for the staff's 9:00 digest of complaints due, made here as the other queues are
-- (making a queue creates a table, which the web application's role may not do).
SELECT pgboss.create_queue('staff-digest', '{"policy":"standard","retryLimit":2,"retryDelay":300,"retryBackoff":false,"expireInSeconds":900,"retentionMinutes":10080}'::json);
