// Delivers queued email (and text messages, when GOV.UK Notify is configured for them) from the outbox. Each run claims the due messages (so that any number of workers, in one
// process or many, never send a message twice), renders them in the resident's language and sends them; a
// failed send is retried later with exponential backoff, and given up on after MAX_ATTEMPTS.
import { logServerError } from "~/http/error-log.server";
import { and, asc, eq, getTableColumns, inArray, lte } from "drizzle-orm";
import type { Database } from "../../db/client";
import { outbox } from "../../db/schema";
import { EmailRenderError, renderEmail, renderTextMessage } from "./templates.server";
import type { MailTransport, TextTransport } from "./transport.server";

/** How each channel leaves: a channel with none configured is not claimed, so its messages wait. */
export type Transports = { email: MailTransport | null; text?: TextTransport | null };

export const MAX_ATTEMPTS = 8;
const MINUTE = 60_000;
const MAX_RETRY_DELAY_MS = 60 * MINUTE;
/**
 * A claimed message is not due again until this has passed: long enough for any send to finish (the SMTP
 * transport times out well within it), short enough that a worker that died mid-send delays mail only a little.
 */
export const CLAIM_LEASE_MS = 15 * MINUTE;
export const DEFAULT_BATCH_SIZE = 20;

/** Wait after the nth failed attempt: 1 min, 2, 4, … doubling, at most 1 hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_MS);
}

export interface DeliveryCounts {
  sent: number;
  /** Given up on: out of attempts, or a message that can never be rendered. */
  failed: number;
  /** Failed this time and due again later. */
  retried: number;
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Claims up to batchSize due messages by pushing their next attempt a lease into the future, in one statement
 * whose row locks are taken with SKIP LOCKED: a concurrent worker skips rows being claimed, and re-checks rows
 * claimed since its snapshot against the new next_attempt_at, so it cannot take them either. The due rows are
 * picked in a CTE, which PostgreSQL runs once; as an `id IN (subquery)` it may be re-run per row and, skipping
 * rows this statement already updated, claim more than the limit.
 */
async function claimDue(db: Database, now: Date, batchSize: number, channels: string[]): Promise<OutboxRow[]> {
  const due = db.$with("due").as(
    db
      .select({ dueId: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now), inArray(outbox.channel, channels)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true }),
  );
  return db
    .with(due)
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .from(due)
    .where(and(eq(outbox.id, due.dueId), eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .returning(getTableColumns(outbox));
}

export async function deliverDueEmails(
  db: Database,
  transport: MailTransport | null,
  options: { now?: Date; batchSize?: number; text?: TextTransport | null } = {},
): Promise<DeliveryCounts> {
  const now = options.now ?? new Date();
  const counts: DeliveryCounts = { sent: 0, failed: 0, retried: 0 };
  const transports: Transports = { email: transport, text: options.text ?? null };
  const channels = [...(transport ? ["email"] : []), ...(transports.text ? ["text"] : [])];
  if (channels.length === 0) return counts;
  const claimed = await claimDue(db, now, options.batchSize ?? DEFAULT_BATCH_SIZE, channels);
  claimed.sort((a, b) => a.id - b.id);

  for (const row of claimed) {
    const outcome = await attempt(row, transports);
    if (outcome === "sent") {
      // Should this update fail, the claim lapses and the message goes again: delivery is at least once.
      await db
        .update(outbox)
        .set({ status: "sent", sentAt: now, attempts: row.attempts + 1, lastError: null })
        .where(eq(outbox.id, row.id));
      counts.sent += 1;
      continue;
    }
    const attempts = row.attempts + 1;
    const giveUp = outcome.permanent || attempts >= MAX_ATTEMPTS;
    await db
      .update(outbox)
      .set({
        attempts,
        lastError: outcome.error,
        status: giveUp ? "failed" : "pending",
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      })
      .where(eq(outbox.id, row.id));
    if (giveUp) counts.failed += 1;
    else counts.retried += 1;
  }
  return counts;
}

/** Renders and sends one message. A message that cannot be rendered never will be: that failure is permanent. */
async function attempt(row: OutboxRow, transports: Transports): Promise<"sent" | { error: string; permanent: boolean }> {
  let send: () => Promise<void>;
  try {
    if (row.channel === "text") {
      const text = renderTextMessage(row.template, row.locale, row.payload);
      send = () => transports.text!.send({ to: row.recipient, text });
    } else {
      const email = renderEmail(row.template, row.locale, row.payload);
      send = () => transports.email!.send({ to: row.recipient, ...email });
    }
  } catch (error) {
    return { error: describe(error), permanent: error instanceof EmailRenderError };
  }
  try {
    await send();
    return "sent";
  } catch (error) {
    return { error: describe(error), permanent: false };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

/**
 * Runs deliverDueEmails every intervalMs (straight away when a batch was full), one run at a time, logging
 * failures rather than throwing. Resolves the returned stop function once any run in progress has finished.
 * With no transport (no mail configured) it does nothing, and queued messages wait. Text messages go when
 * `options.text` is given.
 */
export function startMailWorker(
  getDb: () => Database | Promise<Database>,
  transport: MailTransport | null,
  intervalMs = 5000,
  options: { batchSize?: number; text?: TextTransport | null } = {},
): () => Promise<void> {
  if (!transport) console.warn("Neither SMTP_URL nor NOTIFY_API_KEY is set, so email stays queued.");
  if (!transport && !options.text) return async () => {};
  const mail = transport;
  const text = options.text ?? null;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce();
    }, delay);
    timer.unref?.(); // never keeps the process alive on its own
  };

  async function runOnce(): Promise<void> {
    let full = false;
    try {
      const counts = await deliverDueEmails(await getDb(), mail, { batchSize, text });
      full = counts.sent + counts.failed + counts.retried >= batchSize;
    } catch (error) {
      logServerError("Mail worker run failed", error);
    }
    schedule(full ? 0 : intervalMs);
  }

  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
