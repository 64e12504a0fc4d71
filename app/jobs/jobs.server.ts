// Work that runs on a schedule, through pg-boss's job queue in the portal's own database (on PostgreSQL and
// PGlite alike), so it runs once however many workers or servers there are, and is retried when it fails. Its
// schema and queues are installed by a migration (db/migrations/0005_job_queue.sql), by the role that owns the
// database: here pg-boss only checks the version (`migrate: false`). Jobs may run twice (a retry after a crash):
// each must be safe to repeat.
import PgBoss from "pg-boss";
import type { Database, OpenDatabase } from "../../db/client";
import { logServerError } from "~/http/error-log.server";
import { purgeExpiredDrafts } from "~/journey/drafts.server";
import { deleteOldSessions } from "~/accounts/sessions.server";
import { deleteExpiredSignInCodes } from "~/accounts/sign-in-codes.server";
import { sendConsentReminders } from "~/representation/representation.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { sendStaffDigests } from "~/staff/digest.server";
import { refreshDueDatesIfCalendarChanged } from "~/cases/due-dates-refresh.server";

export const QUEUES = {
  /**
   * Deletes expired drafts and the files they leave behind, files abandoned part-way through an upload, and
   * sign-in codes and sessions a day past their end; and sends consent reminders that are due (issue 10).
   */
  purgeExpiredDrafts: "purge-expired-drafts",
  /** Issue 11: each member of staff's 9:00 digest of complaints overdue or due within 2 working days. */
  staffDigest: "staff-digest",
  /**
   * Issue 11: open complaints' stored next-due dates worked out again once a manager changes the closure days
   * (a "stately" queue: a request made while one waits is the same request).
   */
  dueDatesRefresh: "due-dates-refresh",
} as const;

/** The job queue this process started, if it did: pages ask it for work to be done in the background. */
let started: PgBoss | null = null;

/**
 * Asks for open complaints' next-due dates to be worked out again (after the closure days changed). False when no
 * job queue runs in this process (a script, a test): the caller does the work itself.
 */
export async function requestDueDatesRefresh(): Promise<boolean> {
  if (!started) return false;
  await started.send(QUEUES.dueDatesRefresh, {});
  return true;
}

/** Every hour, at 17 minutes past (Europe/London), so it does not coincide with other hourly work. */
const PURGE_SCHEDULE = "17 * * * *";
/** At 9:00 London time every day; the digest itself does nothing on a day that is not a working day. */
const DIGEST_SCHEDULE = "0 9 * * *";

type Rows = { rows: unknown[] };
type PostgresClient = {
  unsafe: (text: string, values?: unknown[]) => Promise<unknown[]>;
  reserve: () => Promise<PostgresClient & { release: () => void }>;
};
type PGliteClient = {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  exec: (text: string) => Promise<Array<{ rows: unknown[] }>>;
};

/**
 * pg-boss's database adapter over the portal's own connection (node-postgres's `query`, which it expects). pg-boss sends some statements several to a string
 * (its maintenance, in a transaction of their own) and without parameters: postgres.js runs those with the simple
 * protocol and PGlite with `exec`; either way the last statement's rows are the answer.
 */
export function jobQueueDatabase({ db, kind }: Pick<OpenDatabase, "db" | "kind">): { executeSql: (text: string, values?: unknown[]) => Promise<Rows> } {
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === "pglite") {
    const pglite = client as PGliteClient;
    return {
      async executeSql(text, values) {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    };
  }
  const postgres = client as PostgresClient;
  // pg-boss passes what node-postgres accepts: objects for json parameters (written as JSON) and undefined for
  // null. postgres.js takes neither.
  const asParameter = (value: unknown) =>
    value === undefined
      ? null
      : value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value)
        ? JSON.stringify(value)
        : value;
  return {
    async executeSql(text, values) {
      const parameters = (values ?? []).map(asParameter);
      // pg-boss's maintenance is one string that opens and commits its own transaction; postgres.js runs that only
      // on a connection reserved for it, never on one the pool could hand to another query mid-transaction.
      const connection = /^\s*BEGIN\b/i.test(text) ? await postgres.reserve() : null;
      let result: unknown[];
      try {
        result = await (connection ?? postgres).unsafe(text, parameters);
      } finally {
        connection?.release();
      }
      const last = result.length > 0 && Array.isArray(result[result.length - 1]) ? (result[result.length - 1] as unknown[]) : result;
      return { rows: [...last] };
    },
  };
}

export type JobOptions = {
  /** How often a worker looks for work to do; pg-boss's least is half a second. */
  pollingIntervalSeconds?: number;
};

/** Starts the queue's workers and schedules in this process; resolves to a function that stops them. */
export async function startJobs(open: Pick<OpenDatabase, "db" | "kind">, options: JobOptions = {}): Promise<{ boss: PgBoss; stop: () => Promise<void> }> {
  const boss = new PgBoss({ db: jobQueueDatabase(open), schema: "pgboss", migrate: false });
  boss.on("error", (error) => logServerError("Job queue", error));
  await boss.start();
  const db: Database = open.db;
  await boss.work(QUEUES.purgeExpiredDrafts, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async () => {
    await purgeExpiredDrafts(db);
    await deleteExpiredSignInCodes(db);
    await deleteOldSessions(db);
    // Issue 10: the one reminder a consent email gets, 7 days on (safe to repeat: each is claimed once).
    await sendConsentReminders(db);
    // A change to the closure days whose refresh did not run (a server stopped first): nothing when none did.
    await refreshDueDatesIfCalendarChanged(db, londonDateOf(new Date()));
  });
  await boss.schedule(QUEUES.purgeExpiredDrafts, PURGE_SCHEDULE, {}, { tz: "Europe/London" });
  await boss.work(QUEUES.staffDigest, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async () => {
    await sendStaffDigests(db, londonDateOf(new Date()));
  });
  await boss.schedule(QUEUES.staffDigest, DIGEST_SCHEDULE, {}, { tz: "Europe/London" });
  await boss.work(QUEUES.dueDatesRefresh, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    await refreshDueDatesIfCalendarChanged(db, londonDateOf(new Date()));
  });
  started = boss;
  return {
    boss,
    stop: async () => {
      started = null;
      await boss.stop({ graceful: true, wait: true, close: false });
    },
  };
}
