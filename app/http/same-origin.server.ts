// Forms are only accepted from this site's own pages (cross-site request forgery). Browsers send Origin on
// every POST; Sec-Fetch-Site is checked too, for the rare browser that leaves Origin out.
export function isSameOriginPost(request: Request): boolean {
  // remix-handler.server.ts marks posts whose Origin named another site (and removes the Origin, which Remix
  // would reject with a 500 of its own).
  if (request.headers.get("X-Cross-Origin-Form") === "1") return false;
  const origin = request.headers.get("Origin");
  // The request's own URL has the host a client reached, as the server worked it out: X-Forwarded-Host counts
  // only when a trusted proxy (TRUST_PROXY) set it.
  const host = new URL(request.url).host;
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const site = request.headers.get("Sec-Fetch-Site");
  return site === null || site === "same-origin" || site === "none";
}

/** Throws a 403, shown as a translated page, for a form posted from another site. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginPost(request)) throw new Response("Forbidden", { status: 403 });
}
