import { describe, expect, it } from "vitest";
import { Overloaded, pageLimiter, pageLimitsFromEnv } from "./page-limiter.server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page that takes `ms` to render, counting how many render at once. */
function pages() {
  const seen = { rendering: 0, most: 0, rendered: 0 };
  const page = (ms: number) => async () => {
    seen.rendering++;
    seen.most = Math.max(seen.most, seen.rendering);
    await sleep(ms);
    seen.rendering--;
    seen.rendered++;
    return "page";
  };
  return { seen, page };
}

describe("the page limiter", () => {
  it("renders no more pages at once than its limit, and says how long each waited and took", async () => {
    const inTurn = pageLimiter({ concurrency: 2, maxWaiting: 10, maxWaitMs: 10_000 });
    const { seen, page } = pages();
    const answers = await Promise.all(Array.from({ length: 6 }, () => inTurn(page(40))));
    expect(answers.map((answer) => answer.value)).toEqual(Array(6).fill("page"));
    expect(seen.most).toBe(2);
    for (const answer of answers) expect(answer.appMs).toBeGreaterThanOrEqual(35);
    // Six pages, two at a time, 40 ms each: the last pair waited about two turns.
    expect(Math.max(...answers.map((answer) => answer.queueMs))).toBeGreaterThanOrEqual(70);
  });

  it("refuses at once a page that finds the waiting list full", async () => {
    const inTurn = pageLimiter({ concurrency: 1, maxWaiting: 2, maxWaitMs: 10_000 });
    const { seen, page } = pages();
    const admitted = [inTurn(page(100)), inTurn(page(10)), inTurn(page(10))];
    await expect(inTurn(page(10))).rejects.toEqual(new Overloaded("queue full"));
    expect(seen.rendered).toBe(0); // refused before any of the others was done, not after waiting for them
    await Promise.all(admitted);
    expect(seen.rendered).toBe(3);
  });

  it("refuses a page that waited too long, and never renders it", async () => {
    const inTurn = pageLimiter({ concurrency: 1, maxWaiting: 10, maxWaitMs: 50 });
    const { seen, page } = pages();
    const slow = inTurn(page(300));
    await expect(inTurn(page(10))).rejects.toEqual(new Overloaded("waited too long"));
    await slow;
    await sleep(20);
    expect(seen.rendered).toBe(1);
  });

  it("holds a turn until the page is rendered, however long that takes", async () => {
    const inTurn = pageLimiter({ concurrency: 1, maxWaiting: 10, maxWaitMs: 10_000 });
    const { seen, page } = pages();
    await Promise.all([inTurn(page(150)), inTurn(page(10))]);
    expect(seen.most).toBe(1);
  });

  it("forgets a visitor who leaves while waiting, and carries on with the others", async () => {
    const inTurn = pageLimiter({ concurrency: 1, maxWaiting: 10, maxWaitMs: 10_000 });
    const { seen, page } = pages();
    const first = inTurn(page(100));
    const leaving = new AbortController();
    const leaver = inTurn(page(10), leaving.signal);
    const third = inTurn(page(10));
    leaving.abort();
    await expect(leaver).rejects.toBeDefined();
    await Promise.all([first, third]);
    expect(seen.rendered).toBe(2);
  });

  it("takes its numbers from the environment, and refuses nonsense", () => {
    expect(pageLimitsFromEnv({})).toEqual({ concurrency: 2, maxWaiting: 64, maxWaitMs: 10_000 });
    expect(pageLimitsFromEnv({ CONCURRENT_PAGES: "4", PAGE_QUEUE_LENGTH: "0" })).toMatchObject({ concurrency: 4, maxWaiting: 0 });
    expect(() => pageLimitsFromEnv({ CONCURRENT_PAGES: "0" })).toThrow(/CONCURRENT_PAGES/);
  });
});
