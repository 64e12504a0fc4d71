import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase, rowsOf } from "../../db/client";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { sql } from "drizzle-orm";
import { DEFAULT_RATE_LIMITS, RateLimits, rateLimitsFromEnv } from "./rate-limits.server";

const LIMITS = { ...DEFAULT_RATE_LIMITS, "sends-per-recipient": { points: 3, seconds: 60 }, "sends-per-client": { points: 2, seconds: 60 } };

describe.each(DATABASE_KINDS)("rate limits on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: OpenDatabase | null = null;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Another server on the same database (PostgreSQL); PGlite has one connection, so a second limiter on it.
    if (database.target.kind === "postgres") second = await openDatabase(database.target);
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  it("allow up to the limit, then refuse with the time to wait", async () => {
    const limits = new RateLimits(database.db, LIMITS);
    for (let i = 0; i < 3; i++) expect(await limits.consume([["sends-per-recipient", "ada@example.com"]])).toEqual({ ok: true });
    const refused = await limits.consume([["sends-per-recipient", "ada@example.com"]]);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(!refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // An address is the same address however it is written; another address has its own count.
    expect((await limits.consume([["sends-per-recipient", " ADA@example.com "]])).ok).toBe(false);
    expect((await limits.consume([["sends-per-recipient", "grace@example.com"]])).ok).toBe(true);
  });

  it("hold across servers sharing the database", async () => {
    const first = new RateLimits(database.db, LIMITS);
    const other = new RateLimits(second?.db ?? database.db, LIMITS);
    expect((await first.consume([["sends-per-client", "address:203.0.113.9"]])).ok).toBe(true);
    expect((await other.consume([["sends-per-client", "address:203.0.113.9"]])).ok).toBe(true);
    expect((await first.consume([["sends-per-client", "address:203.0.113.9"]])).ok).toBe(false);
    expect((await other.consume([["sends-per-client", "address:203.0.113.9"]])).ok).toBe(false);
  });

  it("refuse when any one of several limits is reached", async () => {
    const limits = new RateLimits(database.db, LIMITS);
    await limits.consume([["sends-per-client", "address:198.51.100.1"]]);
    await limits.consume([["sends-per-client", "address:198.51.100.1"]]);
    const both = await limits.consume([["sends-per-client", "address:198.51.100.1"], ["sends-per-recipient", "new@example.com"]]);
    expect(both.ok).toBe(false);
  });

  it("store keyed hashes, never an address", async () => {
    const stored = rowsOf<{ key: string }>(await database.db.execute(sql`select key from rate_limits`));
    expect(stored.length).toBeGreaterThan(0);
    for (const { key } of stored) expect(key).not.toMatch(/example\.com|203\.0\.113|198\.51/i);
  });
});

describe("RATE_LIMITS", () => {
  it("overrides limits by name, and refuses anything malformed", () => {
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    const raised = rateLimitsFromEnv({ RATE_LIMITS: '{"sends-per-client": {"points": 100000, "seconds": 60}}' });
    expect(raised["sends-per-client"]).toEqual({ points: 100000, seconds: 60 });
    expect(raised["sends-per-recipient"]).toEqual(DEFAULT_RATE_LIMITS["sends-per-recipient"]);
    expect(() => rateLimitsFromEnv({ RATE_LIMITS: '{"nope": {"points": 1, "seconds": 1}}' })).toThrow(/unknown limit/);
    expect(() => rateLimitsFromEnv({ RATE_LIMITS: '{"sends-per-client": {"points": 0, "seconds": 1}}' })).toThrow(/whole numbers/);
  });
});
