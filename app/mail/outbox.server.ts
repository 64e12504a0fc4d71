// Queues an email in the outbox table, in the same transaction as whatever it reports, so a complaint is never
// saved without its acknowledgement nor acknowledged without being saved. The mail worker delivers it.
import type { Database } from "../../db/client";
import { outbox } from "../../db/schema";
import type { LanguageCode } from "~/i18n/languages";
import type { EmailPayloads, EmailTemplate, TextMessageTemplate } from "./templates.server";

/** A database or an open drizzle transaction on it (db.transaction(async (tx) => …)). */
export type DatabaseOrTransaction = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export type QueuedEmail = {
  [T in EmailTemplate]: {
    /** One message per purpose, e.g. `acknowledgement:<complaint id>`: a second enqueue is ignored. */
    dedupeKey: string;
    template: T;
    locale: LanguageCode;
    recipient: string;
    payload: EmailPayloads[T];
  };
}[EmailTemplate];

/**
 * Queues an email for delivery. Returns queued: false when a message with the same dedupeKey is already in the
 * outbox (sent or not), so a retried submission never sends a second email.
 */
export async function enqueueEmail(db: DatabaseOrTransaction, email: QueuedEmail): Promise<{ queued: boolean }> {
  const inserted = await db
    .insert(outbox)
    .values({
      dedupeKey: email.dedupeKey,
      template: email.template,
      locale: email.locale,
      recipient: email.recipient,
      payload: email.payload as Record<string, unknown>,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return { queued: inserted.length > 0 };
}

/** Queues a text message to a UK mobile number (+447…); delivered only when Notify is configured for texts. */
export async function enqueueText(
  db: DatabaseOrTransaction,
  message: { dedupeKey: string; template: TextMessageTemplate; locale: LanguageCode; recipient: string; payload: EmailPayloads[TextMessageTemplate] },
): Promise<{ queued: boolean }> {
  const inserted = await db
    .insert(outbox)
    .values({ ...message, channel: "text", payload: message.payload as Record<string, unknown> })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return { queued: inserted.length > 0 };
}
