// Headers every response carries — documents, Remix's `.data` answers, resource routes and static files — set
// once, in the server, before anything else runs. Documents replace the default Content-Security-Policy with
// their own nonce-based one (entry.server.tsx); everything else keeps the strictest.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Whether the portal is served over HTTPS: production, unless COOKIE_SECURE=false says it serves plain HTTP. */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "production" && env.COOKIE_SECURE !== "false";
}

/** A response that is not a page runs nothing, frames nothing and is framed by nothing. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(options: { https: boolean }) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader("Content-Security-Policy", DEFAULT_CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.https) res.setHeader("Strict-Transport-Security", HSTS);
    next();
  };
}

/**
 * TRUST_PROXY: how many reverse proxies stand in front of the portal (their X-Forwarded-* headers are believed
 * for that many hops). Never "trust everyone": a client could then claim any address or host.
 */
export function trustedProxyHops(value: string | undefined): number {
  if (value === undefined || value === "" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUST_PROXY must be a number of proxies (0–10), not "${value}"`);
  return hops;
}
