import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { outbox } from "../../db/schema";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { enqueueEmail, type QueuedEmail } from "./outbox.server";

const acknowledgement: QueuedEmail = {
  dedupeKey: "acknowledgement:CCC-ABCD-EFGH",
  template: "acknowledgement",
  locale: "pl",
  recipient: "resident@example.org",
  payload: {
    reference: "CCC-ABCD-EFGH",
    name: "Anna",
    serviceAreaName: "Mieszkalnictwo",
    pathway: "corporate",
    receivedOn: "2026-11-20",
    acknowledgeBy: "2026-11-27",
    respondBy: "2026-12-11",
  },
};

describe.each(DATABASE_KINDS)("the outbox on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(outbox);
  });

  it("queues an email, pending and due now", async () => {
    expect(await enqueueEmail(database.db, acknowledgement)).toEqual({ queued: true });
    const rows = await database.db.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dedupeKey: acknowledgement.dedupeKey,
      template: "acknowledgement",
      locale: "pl",
      recipient: "resident@example.org",
      payload: acknowledgement.payload,
      status: "pending",
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(rows[0]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("queues one email per dedupe key, however often a submission is retried", async () => {
    expect(await enqueueEmail(database.db, acknowledgement)).toEqual({ queued: true });
    expect(await enqueueEmail(database.db, { ...acknowledgement, recipient: "other@example.org" })).toEqual({
      queued: false,
    });
    const rows = await database.db.select().from(outbox);
    expect(rows.map((row) => row.recipient)).toEqual(["resident@example.org"]);
  });

  it("queues inside a transaction, and not at all when the transaction rolls back", async () => {
    await database.db.transaction(async (tx) => {
      expect(await enqueueEmail(tx, acknowledgement)).toEqual({ queued: true });
      expect(await enqueueEmail(tx, acknowledgement)).toEqual({ queued: false });
    });
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(tx, { ...acknowledgement, dedupeKey: "acknowledgement:rolled-back" });
        throw new Error("the complaint was not saved");
      }),
    ).rejects.toThrow("the complaint was not saved");
    const rows = await database.db.select({ key: outbox.dedupeKey }).from(outbox);
    expect(rows).toEqual([{ key: acknowledgement.dedupeKey }]);
    expect(await database.db.select().from(outbox).where(eq(outbox.dedupeKey, "acknowledgement:rolled-back"))).toEqual([]);
  });
});
