import type { IncomingMessage, ServerResponse } from "node:http";

type Next = (error?: unknown) => void;

/**
 * Renders at most `limit` pages (GET and HEAD) at once and lets the rest wait in arrival order. Node renders
 * one page at a time anyway; letting fifty interleave only makes each take fifty times as long, so under load
 * a bounded queue gives the same throughput with most of the wait moved to where it can be seen. Each page is
 * answered with `Server-Timing: queue;dur=…, app;dur=…`: how long it waited for a turn, then how long the
 * portal took to load and render it (until its headers are sent). A slot is freed as soon as the page is
 * rendered, so a slow reader does not hold one, and after `holdAtMostMs` in any case. Form posts are not queued:
 * an upload can take minutes.
 */
export function pageQueue(limit: number, holdAtMostMs = 30_000) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`The page queue needs a limit of 1 or more, not ${limit}`);
  let rendering = 0;
  const waiting: Array<(fromQueue: boolean) => void> = [];

  return function queuePage(req: IncomingMessage, res: ServerResponse, next: Next) {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const arrived = performance.now();

    const start = (fromQueue: boolean) => {
      rendering++;
      const began = performance.now();
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(holding);
        rendering--;
        waiting.shift()?.(true);
      };
      // A page stuck on something (a database that stopped answering) gives its turn up, so others go on.
      const holding = setTimeout(finish, holdAtMostMs);
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
        if (!res.headersSent) {
          res.setHeader(
            "Server-Timing",
            `queue;dur=${(began - arrived).toFixed(1)}, app;dur=${(performance.now() - began).toFixed(1)}`,
          );
        }
        finish();
        return writeHead.apply(this, args);
      } as ServerResponse["writeHead"];
      res.once("close", finish);
      holding.unref();
      // A page let in as another finishes starts on the next turn, not inside the other's writeHead.
      if (fromQueue) setImmediate(next);
      else next();
    };

    if (rendering < limit) start(false);
    else {
      waiting.push(start);
      // A visitor who gives up while waiting leaves the queue.
      res.once("close", () => {
        const index = waiting.indexOf(start);
        if (index >= 0) waiting.splice(index, 1);
      });
    }
  };
}
