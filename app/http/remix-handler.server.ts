// Hands Express requests to Remix, as @remix-run/express does, with differences that are the portal's own:
// every body is read through the capped reader (request-body.server.ts); pages render in turns
// (page-limiter.server.ts); a form posted to a hostile query string is never given to an action; the origin comes
// only from headers a trusted proxy set; and responses that set no caching of their own are `no-store`, since
// pages carry personal data.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest } from "express";
import { busyResponse } from "./busy-page.server";
import { Overloaded, type PageLimiter } from "./page-limiter.server";
import { isHostileQuery } from "./request-checks";
import { bodyLimitFor, cappedBody, type CappedBody, DRAIN_BYTES, drainOrClose, takesFiles } from "./request-body.server";

const READING_PRIORITY = 1;
const POSTING_PRIORITY = 0;

/** What loaders and actions learn of the request beyond it: its URL as sent, and the client's address. */
export type PortalLoadContext = AppLoadContext & { originalUrl: string; clientAddress: string };

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

/**
 * The origin the client reached. Protocol and host come as Express finds them, honouring `trust proxy` (but
 * keeping the port): a client cannot pick the origin with X-Forwarded-Host unless a trusted proxy set it.
 */
function requestOrigin(req: ExpressRequest): string {
  const trust = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  let host = req.get("X-Forwarded-Host");
  if (!host || !trust(req.socket.remoteAddress, 0)) host = req.get("Host");
  else host = host.split(",")[0]!.trim();
  try {
    return new URL(`${req.protocol}://${host ?? ""}`).origin;
  } catch {
    return `${req.protocol}://localhost`;
  }
}

/** The request as Remix sees it, with its body behind the cap. */
function remixRequest(req: ExpressRequest, res: ServerResponse): { request: Request; body: CappedBody | null } {
  // Concatenated, not resolved: a path such as "//evil.example/" stays a path on this site.
  let url = new URL(`${requestOrigin(req)}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const search = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
  let method = req.method;
  // A form posted to a hostile query string is answered like the page itself would be: the translated 400
  // page (root.tsx), with no action run and nothing written.
  if (method !== "GET" && method !== "HEAD" && isHostileQuery(search)) {
    method = "GET";
    url = new URL(url.pathname.replace(/\.data$/, "") + url.search, url.origin);
  }
  const headers = requestHeaders(req);
  // Remix answers a form whose Origin names another site with a bare 500. Mark it instead, so the portal refuses
  // it with a translated 403 page (same-origin.server.ts).
  const origin = headers.get("Origin");
  if (origin !== null && origin !== url.origin) {
    headers.delete("Origin");
    headers.set("X-Cross-Origin-Form", "1");
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  let body: CappedBody | null = null;
  if (method !== "GET" && method !== "HEAD") {
    body = cappedBody(req, bodyLimitFor(url.pathname));
    init.body = body.stream;
    init.duplex = "half";
  }
  return { request: new Request(url.href, init), body };
}

async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response, body: CappedBody | null) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
  // A body left unread (refused for its size, or never needed) is drained after the answer when little of it is
  // left, so the connection can carry the client's next request; when a lot is declared, the connection closes
  // (lingering, so the client reads this answer first).
  if (body && !body.state.finished) {
    body.detach();
    const declared = Number(req.headers["content-length"]);
    const close = Number.isFinite(declared) && declared - body.state.received > DRAIN_BYTES;
    if (close) res.setHeader("Connection", "close");
    res.once("finish", () => drainOrClose(req));
  }
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * An Express handler for the Remix build. Pages and form posts are handled in turns (page-limiter.server.ts),
 * pages being read first, and say in Server-Timing how long they waited and took; uploads have turns of their own.
 */
export function remixHandler(build: ServerBuild, options: { mode?: string; pages: PageLimiter }) {
  const handle = createRequestHandler(build, options.mode ?? process.env.NODE_ENV);
  return async (req: ExpressRequest, res: ServerResponse, next: (error?: unknown) => void) => {
    if (!req.originalUrl.startsWith("/")) {
      res.statusCode = 400;
      res.setHeader("Connection", "close");
      res.end();
      return;
    }
    let made: ReturnType<typeof remixRequest>;
    try {
      made = remixRequest(req, res);
    } catch (error) {
      next(error);
      return;
    }
    const { request, body } = made;
    try {
      // req.ip honours TRUST_PROXY: X-Forwarded-For counts only for the proxies the server trusts.
      const context: PortalLoadContext = { originalUrl: req.originalUrl, clientAddress: req.ip ?? "" };
      const reading = request.method === "GET" || request.method === "HEAD";
      if (!reading && takesFiles(new URL(request.url).pathname)) {
        // Uploads take turns of their own (upload-gate.server.ts): one can last as long as the connection.
        await sendResponse(req, res, await handle(request, context), body);
        return;
      }
      let response: Response;
      try {
        // A form post renders a page too, and takes its turn with the rest; pages being read go first, so a
        // client posting forms as fast as it can (and being refused) does not slow everyone else's reading.
        const priority = reading ? READING_PRIORITY : POSTING_PRIORITY;
        const page = await options.pages(() => handle(request, context), request.signal, priority);
        response = page.value;
        res.setHeader("Server-Timing", `queue;dur=${page.queueMs.toFixed(1)}, app;dur=${page.appMs.toFixed(1)}`);
      } catch (error) {
        if (!(error instanceof Overloaded)) throw error;
        response = await busyResponse(request);
      }
      await sendResponse(req, res, response, body);
    } catch (error) {
      if (request.signal.aborted) return; // the visitor left while waiting: there is no one to answer
      next(error);
    }
  };
}
