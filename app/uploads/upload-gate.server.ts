// Uploads take turns. A file is read from the network and written to the database as it arrives, so an upload
// holds a database connection (on PGlite, the one database) for as long as the resident's connection takes to
// send it. At most UPLOAD_CONCURRENCY uploads are read at once in each server process (1 on PGlite, 2 per worker
// on PostgreSQL), UPLOAD_QUEUE_LENGTH more may wait up to UPLOAD_WAIT_MS for a turn, and one client may have at
// most UPLOADS_PER_CLIENT_AT_ONCE in hand (waiting or being read). A body waiting for its turn is not read, so it
// waits in the network's buffers, not in the server's memory.
import { targetFromEnv } from "../../db/client";
import { type PageLimits, pageLimiter, wholeNumberFromEnv } from "~/http/page-limiter.server";

export type UploadLimits = PageLimits & { perClient: number };

export function uploadLimitsFromEnv(env: Record<string, string | undefined> = process.env): UploadLimits {
  const embedded = targetFromEnv(env).kind === "pglite";
  const number = (name: string, fallback: number, least: number) => wholeNumberFromEnv(env, name, fallback, least);
  return {
    concurrency: number("UPLOAD_CONCURRENCY", embedded ? 1 : 2, 1),
    maxWaiting: number("UPLOAD_QUEUE_LENGTH", 8, 0),
    maxWaitMs: number("UPLOAD_WAIT_MS", 30_000, 1),
    perClient: number("UPLOADS_PER_CLIENT_AT_ONCE", 2, 1),
  };
}

export type UploadTurn<T> = { ok: true; value: T } | { ok: false; reason: "client busy" };

export class UploadGate {
  private readonly inTurn;
  private readonly inHand = new Map<string, number>();

  constructor(private readonly limits: UploadLimits) {
    this.inTurn = pageLimiter(limits);
  }

  /**
   * Runs `upload` in its turn. Refuses at once when the client already has its share in hand; throws
   * Overloaded when too many wait, or the wait is too long.
   */
  async run<T>(client: string, upload: () => Promise<T>, leaving?: AbortSignal): Promise<UploadTurn<T>> {
    const held = this.inHand.get(client) ?? 0;
    if (held >= this.limits.perClient) return { ok: false, reason: "client busy" };
    this.inHand.set(client, held + 1);
    try {
      return { ok: true, value: (await this.inTurn(upload, leaving)).value };
    } finally {
      const left = (this.inHand.get(client) ?? 1) - 1;
      if (left > 0) this.inHand.set(client, left);
      else this.inHand.delete(client);
    }
  }
}

let shared: UploadGate | null = null;

/** This server process's upload gate. */
export function uploadGate(): UploadGate {
  shared ??= new UploadGate(uploadLimitsFromEnv());
  return shared;
}

/** Files for drafts not yet sent may take this many megabytes in all (UNSENT_FILES_LIMIT_MB); then no more. */
export function unsentFilesLimitMb(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.UNSENT_FILES_LIMIT_MB ?? 2048);
  if (!Number.isFinite(value) || value < 0) throw new Error(`UNSENT_FILES_LIMIT_MB must be a number of megabytes, not "${env.UNSENT_FILES_LIMIT_MB}"`);
  return value;
}
