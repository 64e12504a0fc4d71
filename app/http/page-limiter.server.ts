// Renders at most `concurrency` pages at once and lets a bounded number wait, in arrival order (p-queue). Node
// renders one page at a time anyway; letting fifty interleave only makes each take fifty times as long. Past the
// waiting list's length, or after waiting too long, a page is refused at once (the server answers a translated
// 503 with Retry-After) rather than queued without end. A turn is held until the page has been rendered, however
// long that takes, so the limit is a limit; a visitor who leaves while waiting gives their place up.
import PQueue from "p-queue";

export type PageLimits = {
  /** Pages rendered at once (CONCURRENT_PAGES). */
  concurrency: number;
  /** Pages that may wait for a turn (PAGE_QUEUE_LENGTH); more are refused. */
  maxWaiting: number;
  /** How long a page may wait for a turn (PAGE_WAIT_MS) before it is refused. */
  maxWaitMs: number;
};

/** A whole-number setting from the environment, at least `least`; anything else stops the server. */
export function wholeNumberFromEnv(env: Record<string, string | undefined>, name: string, fallback: number, least: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number of ${least} or more, not "${env[name]}"`);
  return value;
}

export function pageLimitsFromEnv(env: Record<string, string | undefined> = process.env): PageLimits {
  const number = (name: string, fallback: number, least: number) => wholeNumberFromEnv(env, name, fallback, least);
  return {
    concurrency: number("CONCURRENT_PAGES", 2, 1),
    maxWaiting: number("PAGE_QUEUE_LENGTH", 64, 0),
    maxWaitMs: number("PAGE_WAIT_MS", 10_000, 1),
  };
}

/** A page refused because too many are waiting, or it waited too long. */
export class Overloaded extends Error {
  constructor(readonly reason: "queue full" | "waited too long") {
    super(`Too busy to render a page: ${reason}`);
    this.name = "Overloaded";
  }
}

export type Timed<T> = { value: T; queueMs: number; appMs: number };

export function pageLimiter(limits: PageLimits) {
  const queue = new PQueue({ concurrency: limits.concurrency });

  /**
   * Runs `render` in its turn, and says how long it waited and how long it took. Among those waiting, a higher
   * `priority` goes first (arrival order otherwise).
   */
  return async function inTurn<T>(render: () => Promise<T>, leaving?: AbortSignal, priority = 0): Promise<Timed<T>> {
    if (queue.pending >= limits.concurrency && queue.size >= limits.maxWaiting) throw new Overloaded("queue full");
    const arrived = performance.now();
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(new Overloaded("waited too long")), limits.maxWaitMs);
    const onLeave = () => giveUp.abort(leaving?.reason);
    leaving?.addEventListener("abort", onLeave, { once: true });
    let began = arrived;
    const turn = queue.add(
      async () => {
        clearTimeout(timer);
        leaving?.removeEventListener("abort", onLeave);
        began = performance.now();
        return render();
      },
      { signal: giveUp.signal, throwOnTimeout: true, priority },
    );
    // A page given up while waiting stays in p-queue's list until its turn comes, and is then skipped at once;
    // the visitor is answered now.
    const gaveUp = new Promise<never>((_, reject) => {
      if (giveUp.signal.aborted) reject(giveUp.signal.reason);
      giveUp.signal.addEventListener("abort", () => reject(giveUp.signal.reason), { once: true });
    });
    turn.catch(() => {});
    gaveUp.catch(() => {});
    try {
      const value = await Promise.race([turn, gaveUp]);
      return { value, queueMs: began - arrived, appMs: performance.now() - began };
    } finally {
      clearTimeout(timer);
      leaving?.removeEventListener("abort", onLeave);
    }
  };
}

export type PageLimiter = ReturnType<typeof pageLimiter>;
