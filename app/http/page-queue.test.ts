import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pageQueue } from "./page-queue.server";

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A server whose pages take `renderMs` to render behind a queue of `limit`; it counts pages rendering at once. */
async function serve(limit: number, renderMs: number, holdAtMostMs?: number) {
  const queue = pageQueue(limit, holdAtMostMs);
  const seen = { rendering: 0, most: 0, total: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) =>
    queue(req, res, () => {
      seen.rendering++;
      seen.total++;
      seen.most = Math.max(seen.most, seen.rendering);
      setTimeout(() => {
        seen.rendering--;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("page");
      }, renderMs);
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

function get(port: number, method = "GET") {
  return new Promise<{ status: number; timing: string }>((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", method, path: "/", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, timing: String(res.headers["server-timing"] ?? "") }));
    });
    req.on("error", reject);
    req.end();
  });
}

const durations = (timing: string) =>
  Object.fromEntries([...timing.matchAll(/(\w+);dur=([\d.]+)/g)].map((match) => [match[1], Number(match[2])]));

describe("the page queue", () => {
  it("renders no more pages at once than its limit, and says how long each waited and took", async () => {
    const { port, seen } = await serve(2, 40);
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(port)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(seen.most).toBe(2);
    const timings = answers.map((answer) => durations(answer.timing));
    for (const timing of timings) expect(timing.app).toBeGreaterThanOrEqual(35);
    // Six pages, two at a time, 40 ms each: the last pair waited about two turns.
    expect(Math.max(...timings.map((timing) => timing.queue!))).toBeGreaterThanOrEqual(70);
  });

  it("does not queue form posts", async () => {
    const { port, seen } = await serve(1, 40);
    const answers = await Promise.all(Array.from({ length: 3 }, () => get(port, "POST")));
    expect(seen.most).toBe(3);
    expect(answers.every((answer) => answer.timing === "")).toBe(true);
  });

  it("forgets a visitor who leaves while waiting, and carries on with the others", async () => {
    const { port, seen } = await serve(1, 250);
    const first = get(port);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const leaver = request({ port, host: "127.0.0.1", path: "/", agent: false });
    leaver.on("error", () => undefined);
    leaver.end();
    await new Promise((resolve) => setTimeout(resolve, 10));
    leaver.destroy();
    const third = get(port);
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
    // The leaver never rendered: one page at a time, and two pages in all.
    expect(seen.most).toBe(1);
    expect(seen.total).toBe(2);
  });

  it("lets others go on when a page holds its turn too long", async () => {
    const { port, seen } = await serve(1, 300, 50);
    const [first, second] = await Promise.all([get(port), get(port)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // The second began rendering while the first, stuck, was still at it, after waiting about 50 ms, not 300.
    expect(seen.most).toBe(2);
    const waited = Math.max(...[first, second].map((answer) => durations(answer.timing).queue!));
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(290);
  });

  it("refuses a limit below one", () => {
    expect(() => pageQueue(0)).toThrow(/limit of 1 or more/);
  });
});
