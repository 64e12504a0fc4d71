import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/nonce";
import { setActionDataSource } from "~/components/page-title";
import { closeDb, getDb, getOpenDatabase } from "~/db.server";
import { isHostileQuery, originalSearch } from "~/http/request-checks";
import { logServerError } from "~/http/error-log.server";
export { pageLimiter, pageLimitsFromEnv } from "~/http/page-limiter.server";
export { remixHandler } from "~/http/remix-handler.server";
export { securityHeaders, servedOverHttps, trustedProxyHops } from "~/http/security-headers.server";
export { logServerError };
import { setPageResources } from "~/i18n/page-resources";
import { shellResourcesFor } from "~/i18n/resources.server";
import { QUEUES, startJobs } from "~/jobs/jobs.server";
import { textTransportFromEnv, transportFromEnv } from "~/mail/transport.server";
import { startMailWorker } from "~/mail/worker.server";
import { demoSignIn } from "~/accounts/account.server";
import { refreshDueDatesIfCalendarChanged } from "~/cases/due-dates-refresh.server";
import { londonDateOf } from "~/rules/calendar-dates";
import { sessionIdleHours } from "~/accounts/sessions.server";
import { staffSessionHours } from "~/staff/staff-sessions.server";

const ABORT_DELAY = 5_000;

// Pages render with the shell's bundled translations, as the browser has them from /i18n/<code>, plus the texts
// their routes send (app/i18n/page-texts.ts).
setPageResources((code) => shellResourcesFor(code));

// Page titles say "Error: " when the page shows errors, which only the action's data tells; renders of different
// requests interleave, so each carries its own.
const rendering = new AsyncLocalStorage<{ actionData: unknown }>();
setActionDataSource(() => rendering.getStore()?.actionData);

let stopMailWorker: (() => Promise<void>) | null = null;
let stopJobs: (() => Promise<void>) | null = null;

/** Called once by server.js before any worker starts: opens the database to apply its migrations, and closes it. */
export async function migrateDatabase() {
  await getDb();
  await closeDb();
}

/**
 * Called by server.js before it listens: opens the database, applies migrations, starts sending mail and the
 * scheduled jobs (app/jobs/jobs.server.ts), and asks for expired drafts to be deleted now rather than at the hour.
 */
export async function startup() {
  // Refuses DEMO_SIGN_IN=true on a portal serving Secure cookies, before it listens.
  demoSignIn();
  sessionIdleHours();
  staffSessionHours();
  const open = await getOpenDatabase();
  // Complaints' stored next-due dates follow the calendar: worked out again when it changed (a new bank holiday).
  await refreshDueDatesIfCalendarChanged(open.db, londonDateOf(new Date()));
  stopMailWorker = startMailWorker(getDb, transportFromEnv(), Number(process.env.MAIL_INTERVAL_MS ?? 5000), { text: textTransportFromEnv() });
  const jobs = await startJobs(open);
  stopJobs = jobs.stop;
  await jobs.boss.send(QUEUES.purgeExpiredDrafts, {});
}

/** Called by server.js on SIGTERM/SIGINT so mail in flight finishes and the embedded database closes cleanly. */
export async function shutdown() {
  await stopJobs?.();
  await stopMailWorker?.();
  await closeDb();
}

/** A page's own Content-Security-Policy: its scripts run only with this response's nonce. The other security
 * headers are set for every response by the server (app/http/security-headers.server.ts). */
function documentPolicy(headers: Headers, nonce: string) {
  if (process.env.NODE_ENV !== "production") return;
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  // The root renders the translated "problem with that web address" page for these (see root.tsx).
  if (responseStatusCode === 200 && isHostileQuery(originalSearch(request, loadContext))) responseStatusCode = 400;
  // Pages have nothing deferred, so each is rendered whole and sent as one piece: one compression pass and a
  // Content-Length instead of dozens of small chunks (this halves the CPU compression takes per page).
  const { actionData } = remixContext.staticHandlerContext;
  return rendering.run({ actionData }, renderPage);

  function renderPage() {
    return new Promise<Response>((resolve, reject) => {
      let rendered = false;
      const { pipe, abort } = renderToPipeableStream(
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceContext.Provider>,
        {
          nonce,
          onAllReady() {
            rendered = true;
            const chunks: Buffer[] = [];
            const body = new PassThrough();
            body.on("data", (chunk: Buffer) => chunks.push(chunk));
            body.on("end", () => {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              documentPolicy(responseHeaders, nonce);
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
            });
            pipe(body);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (rendered) logServerError("Page failed to render", error);
          },
        },
      );
      setTimeout(abort, ABORT_DELAY + 1000).unref();
    });
  }
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logServerError(`${request.method} ${new URL(request.url).pathname} failed`, error);
};
