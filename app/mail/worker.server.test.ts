import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Database, type OpenDatabase, openDatabase } from "../../db/client";
import { outbox } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase, targetFor } from "../../db/test-support/databases";
import { RESOURCES } from "~/i18n/resources.server";
import { languageFor, type LanguageCode } from "~/i18n/languages";
import { enqueueEmail, type QueuedEmail } from "./outbox.server";
import { type AcknowledgementPayload, renderEmail } from "./templates.server";
import { type SmtpCapture, startSmtpCapture } from "./test-support/smtp-capture";
import { type MailTransport, type OutgoingEmail, transportFromEnv } from "./transport.server";
import { CLAIM_LEASE_MS, deliverDueEmails, MAX_ATTEMPTS, retryDelayMs, startMailWorker } from "./worker.server";

const MINUTE = 60_000;

const payload: AcknowledgementPayload = {
  reference: "CCC-ABCD-EFGH",
  name: "Resident",
  serviceAreaName: "Housing",
  pathway: "corporate",
  receivedOn: "2026-11-20",
  acknowledgeBy: "2026-11-27",
  respondBy: "2026-12-11",
};

function acknowledgement(recipient: string, locale: LanguageCode = "en", extra: Partial<Omit<QueuedEmail, "template" | "payload">> = {}): QueuedEmail {
  return { dedupeKey: `acknowledgement:${recipient}`, template: "acknowledgement", locale, recipient, payload, ...extra };
}

async function only(db: Database) {
  const rows = await db.select().from(outbox);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const after = (date: Date, ms: number) => new Date(date.getTime() + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hasEmailTranslation = (code: LanguageCode) => Boolean(RESOURCES[code]?.email);

/** A transport that records what it sends, taking `delayMs` over each message. */
function recordingTransport(delayMs = 0) {
  const sent: OutgoingEmail[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: MailTransport = {
    async send(email) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await sleep(delayMs);
        sent.push(email);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { transport, sent, maxInFlight: () => maxInFlight };
}

describe("retry delays", () => {
  it("double from one minute, and never exceed an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe.each(DATABASE_KINDS)("delivering the outbox on %s", (kind) => {
  let database: OpenDatabase;
  let db: Database;
  let capture: SmtpCapture;
  let smtp: MailTransport;
  let start: Date;

  beforeAll(async () => {
    [database, capture] = await Promise.all([openTestDatabase(kind), startSmtpCapture()]);
    db = database.db;
    smtp = transportFromEnv({ SMTP_URL: capture.url })!;
  });
  afterAll(async () => {
    await Promise.all([database?.close(), capture?.close()]);
  });
  beforeEach(async () => {
    await db.delete(outbox);
    capture.messages.length = 0;
    capture.rejecting.clear();
    start = after(new Date(), 1000); // just after enqueueing: everything queued is due
  });

  it("sends the acknowledgement by SMTP in the resident's language, and marks it sent", async () => {
    const locales: LanguageCode[] = ["en", "pl", "ar"];
    for (const locale of locales) await enqueueEmail(db, acknowledgement(`${locale}@example.org`, locale));

    expect(await deliverDueEmails(db, smtp, { now: start })).toEqual({ sent: 3, failed: 0, retried: 0 });

    expect(capture.messages).toHaveLength(3);
    const byRecipient = new Map(capture.messages.map((message) => [message.to[0], message]));
    expect(byRecipient.get("en@example.org")!.subject).toBe("We have received your complaint – reference CCC-ABCD-EFGH");
    expect(byRecipient.get("en@example.org")!.html).toContain('<html lang="en-GB" dir="ltr">');
    for (const locale of locales) {
      const received = byRecipient.get(`${locale}@example.org`)!;
      const expected = renderEmail("acknowledgement", locale, payload);
      expect(received.subject).toBe(expected.subject);
      expect(received.text.replace(/\r\n/g, "\n")).toBe(expected.text);
      expect(received.html.replace(/\r\n/g, "\n")).toBe(expected.html);
      if (locale !== "en" && hasEmailTranslation(locale)) {
        const { tag, dir } = languageFor(locale);
        expect(received.subject).not.toBe(byRecipient.get("en@example.org")!.subject);
        expect(received.html).toContain(`<html lang="${tag}" dir="${dir}">`);
      }
    }

    const rows = await db.select().from(outbox);
    expect(rows.map((row) => [row.status, row.attempts, row.sentAt?.getTime(), row.lastError])).toEqual(
      locales.map(() => ["sent", 1, start.getTime(), null]),
    );
    expect(await deliverDueEmails(db, smtp, { now: after(start, 24 * 60 * MINUTE) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(capture.messages).toHaveLength(3);
  });

  it("sends one email when a submission is retried", async () => {
    await enqueueEmail(db, acknowledgement("resident@example.org"));
    await deliverDueEmails(db, smtp, { now: start });
    await enqueueEmail(db, acknowledgement("resident@example.org"));
    await deliverDueEmails(db, smtp, { now: after(start, MINUTE) });
    expect(capture.messages.map((message) => message.to)).toEqual([["resident@example.org"]]);
    expect((await only(db)).status).toBe("sent");
  });

  it("retries with growing delays while the relay refuses, then sends", async () => {
    capture.rejecting.add("bounce@example.org");
    await enqueueEmail(db, acknowledgement("bounce@example.org"));

    expect(await deliverDueEmails(db, smtp, { now: start })).toEqual({ sent: 0, failed: 0, retried: 1 });
    let row = await only(db);
    expect(row).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/550|rejected/);
    expect(row.nextAttemptAt.getTime()).toBe(after(start, MINUTE).getTime());

    // Not due again before the delay has passed.
    expect(await deliverDueEmails(db, smtp, { now: after(start, MINUTE - 1000) })).toEqual({ sent: 0, failed: 0, retried: 0 });

    expect(await deliverDueEmails(db, smtp, { now: after(start, MINUTE) })).toEqual({ sent: 0, failed: 0, retried: 1 });
    row = await only(db);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(after(start, 3 * MINUTE).getTime());

    capture.rejecting.clear();
    expect(await deliverDueEmails(db, smtp, { now: after(start, 3 * MINUTE) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    row = await only(db);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(capture.messages.map((message) => message.to)).toEqual([["bounce@example.org"]]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    capture.rejecting.add("bounce@example.org");
    await enqueueEmail(db, acknowledgement("bounce@example.org"));
    let now = start;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const counts = await deliverDueEmails(db, smtp, { now });
      expect(counts).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, failed: 0, retried: 1 } : { sent: 0, failed: 1, retried: 0 });
      const row = await only(db);
      delays.push((row.nextAttemptAt.getTime() - now.getTime()) / MINUTE);
      now = row.nextAttemptAt;
    }
    expect(delays.slice(0, -1)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const row = await only(db);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row.lastError).toMatch(/550|rejected/);
    expect(await deliverDueEmails(db, smtp, { now: after(now, 7 * 24 * 60 * MINUTE) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
    expect(capture.messages).toEqual([]);
  });

  it("gives up at once on a message that can never be rendered, and carries on with the rest", async () => {
    await db.insert(outbox).values([
      { dedupeKey: "newsletter:1", template: "newsletter", locale: "en", recipient: "a@example.org", payload: {} },
      { dedupeKey: "broken:1", template: "acknowledgement", locale: "en", recipient: "b@example.org", payload: { reference: "x" } },
    ]);
    await enqueueEmail(db, acknowledgement("c@example.org"));
    expect(await deliverDueEmails(db, smtp, { now: start })).toEqual({ sent: 1, failed: 2, retried: 0 });
    const rows = await db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((row) => [row.recipient, row.status, row.attempts])).toEqual([
      ["a@example.org", "failed", 1],
      ["b@example.org", "failed", 1],
      ["c@example.org", "sent", 1],
    ]);
    expect(rows[0]!.lastError).toMatch(/Unknown email template "newsletter"/);
    expect(rows[1]!.lastError).toMatch(/serviceAreaName/);
  });

  it("sends at most batchSize messages a run, oldest due first", async () => {
    for (const n of [1, 2, 3]) await enqueueEmail(db, acknowledgement(`r${n}@example.org`));
    expect(await deliverDueEmails(db, smtp, { now: start, batchSize: 2 })).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(capture.messages.map((message) => message.to[0])).toEqual(["r1@example.org", "r2@example.org"]);
    expect(await deliverDueEmails(db, smtp, { now: start, batchSize: 2 })).toEqual({ sent: 1, failed: 0, retried: 0 });
  });

  it("does not let another run take a message while it is being sent", async () => {
    await enqueueEmail(db, acknowledgement("resident@example.org"));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: MailTransport = { send: () => held };
    const first = deliverDueEmails(db, slow, { now: start });
    await vi.waitFor(async () => expect((await only(db)).nextAttemptAt.getTime()).toBe(after(start, CLAIM_LEASE_MS).getTime()));

    expect(await deliverDueEmails(db, smtp, { now: after(start, MINUTE) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(capture.messages).toEqual([]);
  });

  it("sends again a message whose worker died mid-send, once its claim has lapsed", async () => {
    await enqueueEmail(db, acknowledgement("resident@example.org"));
    const dying: MailTransport = { send: () => new Promise<void>(() => {}) }; // never settles, like a killed process
    void deliverDueEmails(db, dying, { now: start });
    await vi.waitFor(async () => expect((await only(db)).nextAttemptAt.getTime()).toBeGreaterThan(start.getTime()));
    expect(await deliverDueEmails(db, smtp, { now: after(start, CLAIM_LEASE_MS) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(capture.messages).toHaveLength(1);
  });

  it("runs on an interval, one run at a time, until stopped", async () => {
    for (const n of [1, 2, 3, 4, 5]) await enqueueEmail(db, acknowledgement(`r${n}@example.org`));
    const recorder = recordingTransport(20);
    const stop = startMailWorker(() => db, recorder.transport, 1, { batchSize: 2 });
    await vi.waitFor(() => expect(recorder.sent).toHaveLength(5), { timeout: 10_000 });
    await stop();
    expect(recorder.maxInFlight()).toBe(1);
    expect((await db.select().from(outbox)).every((row) => row.status === "sent")).toBe(true);

    await enqueueEmail(db, acknowledgement("after-stop@example.org"));
    await sleep(50);
    expect(recorder.sent).toHaveLength(5);
  });
});

describe("workers on PostgreSQL at once", () => {
  const pools: OpenDatabase[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
  });

  it("never send the same message twice", async () => {
    // Two connection pools on one database, as two portal processes would have, each running four workers
    // with small batches and instant sends, so that claims collide as often as they can.
    const target = await targetFor("PostgreSQL");
    pools.push(await openDatabase(target), await openDatabase(target));
    const [a, b] = pools as [OpenDatabase, OpenDatabase];
    const recipients = Array.from({ length: 200 }, (_, n) => `r${n}@example.org`);
    for (const recipient of recipients) await enqueueEmail(a.db, acknowledgement(recipient));

    const recorder = recordingTransport(0);
    const now = after(new Date(), 1000);
    const drain = async (db: Database) => {
      let sent = 0;
      for (;;) {
        const counts = await deliverDueEmails(db, recorder.transport, { now, batchSize: 3 });
        if (counts.sent + counts.failed + counts.retried === 0) return sent;
        sent += counts.sent;
      }
    };
    const sentBy = await Promise.all([a, b, a, b, a, b, a, b].map((pool) => drain(pool.db)));

    expect(recorder.sent.map((email) => email.to).sort()).toEqual([...recipients].sort());
    expect(sentBy.filter((sent) => sent > 0).length).toBeGreaterThan(1); // the work really was shared
    const rows = await a.db.select().from(outbox);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });
});

describe("the mail worker", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("logs a failed run instead of throwing, and tries again", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const stop = startMailWorker(
      () => {
        calls += 1;
        return Promise.reject(new Error("database unavailable"));
      },
      recordingTransport().transport,
      5,
    );
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    await stop();
    // Logged as the error's class and where it happened, never its message (which could quote personal data).
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Mail worker run failed: Error\n\s+at /));
    expect(String(logged.mock.calls[0]?.[0])).not.toContain("database unavailable");
  });

  it("does nothing without a transport: mail stays queued", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const getDb = vi.fn();
    const stop = startMailWorker(getDb, null);
    await sleep(20);
    await stop();
    expect(getDb).not.toHaveBeenCalled();
    expect(warned).toHaveBeenCalledOnce();
  });
});
