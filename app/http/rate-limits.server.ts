// Rate limits on everything that sends mail or stores data, counted in the database with rate-limiter-flexible's
// drizzle store (atomic upserts), so they hold across every worker and server, on PGlite and PostgreSQL alike.
// Each limit counts per key — the client's address, or the email address a message goes to — over a window. The
// numbers leave room for an advice office whose staff share one network address or one email address; they can be
// changed with RATE_LIMITS (JSON, e.g. {"sends-per-client": {"points": 100, "seconds": 3600}}), which tests and
// benchmarks use to set their own. Keys are stored as keyed hashes, never as addresses.
import { createHmac } from "node:crypto";
import { data, type HeadersFunction } from "@remix-run/node";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { cookieSecrets } from "./cookie-secrets.server";

export type Limit = { points: number; seconds: number };

const HOUR = 60 * 60;

export const DEFAULT_RATE_LIMITS = {
  /** Complaints sent from one network address. */
  "sends-per-client": { points: 30, seconds: HOUR },
  /** Acknowledgements to one email address: 15 in 7 seconds reached one address before. */
  "sends-per-recipient": { points: 10, seconds: HOUR },
  /** Complaints started (drafts stored) from one network address. */
  "drafts-per-client": { points: 60, seconds: HOUR },
  /** Posts of the supporting files page from one network address. */
  "uploads-per-client": { points: 60, seconds: HOUR },
  /** Megabytes of supporting files stored from one network address in a day (a full complaint is 50). */
  "upload-megabytes-per-client": { points: 250, seconds: 24 * HOUR },
  /** Compliments and comments from one network address. */
  "compliments-per-client": { points: 30, seconds: HOUR },
  /** Sign-in codes asked for from one network address (an advice office signs in for many people). */
  "sign-in-codes-per-client": { points: 30, seconds: HOUR },
  /** Sign-in codes sent to one email address. */
  "sign-in-codes-per-address": { points: 5, seconds: HOUR },
  /** Authenticator app codes tried for one member of staff (issue 11): guessing six digits takes far more. */
  "authenticator-codes-per-member": { points: 10, seconds: 15 * 60 },
  /** Sets of equality answers recorded from one network address. */
  "equality-per-client": { points: 30, seconds: HOUR },
} as const satisfies Record<string, Limit>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;

/** The limits in force: the defaults, with any RATE_LIMITS overrides. A malformed override stops the server. */
export function rateLimitsFromEnv(env: Record<string, string | undefined> = process.env): Record<RateLimitName, Limit> {
  const limits: Record<RateLimitName, Limit> = { ...DEFAULT_RATE_LIMITS };
  if (!env.RATE_LIMITS) return limits;
  const overrides = JSON.parse(env.RATE_LIMITS) as Record<string, unknown>;
  for (const [name, value] of Object.entries(overrides)) {
    const limit = value as Partial<Limit>;
    if (!(name in DEFAULT_RATE_LIMITS)) throw new Error(`RATE_LIMITS names an unknown limit "${name}"`);
    if (!Number.isInteger(limit.points) || limit.points! < 1 || !Number.isInteger(limit.seconds) || limit.seconds! < 1) {
      throw new Error(`RATE_LIMITS["${name}"] needs whole numbers of points and seconds, both 1 or more`);
    }
    limits[name as RateLimitName] = { points: limit.points!, seconds: limit.seconds! };
  }
  return limits;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimits {
  private readonly limiters = new Map<RateLimitName, RateLimiterDrizzle>();

  constructor(
    private readonly db: Database,
    private readonly limits: Record<RateLimitName, Limit> = rateLimitsFromEnv(),
  ) {}

  private limiter(name: RateLimitName): RateLimiterDrizzle {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const { points, seconds } = this.limits[name];
      limiter = new RateLimiterDrizzle({ storeClient: this.db, schema: rateLimits, keyPrefix: name, points, duration: seconds });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /**
   * Counts uses (one, or `points`) under each (limit, key) pair, and says whether all were within their limits;
   * when not, how long until the first that was refused allows again. Keys are compared case-insensitively
   * (email addresses).
   */
  async consume(uses: ReadonlyArray<readonly [RateLimitName, string, number?]>): Promise<RateLimitResult> {
    const [secret] = await cookieSecrets(this.db);
    let wait = 0;
    for (const [name, key, points = 1] of uses) {
      const hashed = createHmac("sha256", secret!).update(`${name}\n${key.trim().toLowerCase()}`).digest("base64url");
      try {
        await this.limiter(name).consume(hashed, points);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        wait = Math.max(wait, Math.ceil(refusal.msBeforeNext / 1000));
      }
    }
    return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
  }
}

let shared: { db: Database; limits: RateLimits } | null = null;

/** The server's rate limits, on its database. */
export function rateLimitsFor(db: Database): RateLimits {
  if (shared?.db !== db) shared = { db, limits: new RateLimits(db) };
  return shared.limits;
}

/** The key for the client making a request: its network address, as the server worked it out (TRUST_PROXY). */
export function clientKey(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return `address:${typeof address === "string" && address !== "" ? address : "unknown"}`;
}

/**
 * The page again, as a 429 with Retry-After, carrying what the resident posted and the translated message, so
 * nothing they typed is lost.
 */
export function tooManyRequests<T extends Record<string, unknown>>(
  result: { retryAfterSeconds: number },
  body: T,
  headers: Record<string, string> = {},
) {
  return data(body, { status: 429, headers: { ...headers, "Retry-After": String(result.retryAfterSeconds) } });
}

export const TOO_MANY = "errors.form.tooMany";

/**
 * A route's `headers` for pages whose action may answer 429: Remix builds a page's headers from its routes'
 * `headers` functions, so the action's Retry-After reaches the page only through one.
 */
export const withRetryAfter: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
