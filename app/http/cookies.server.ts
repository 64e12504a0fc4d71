// The portal's cookies, made one way: HttpOnly, SameSite=Lax, for the whole site, and when the portal is served
// over HTTPS, Secure with the __Host- prefix, so neither a plain-HTTP page nor a subdomain can set or overwrite
// them. The demo and the end-to-end tests serve plain HTTP (COOKIE_SECURE=false) and use the bare names.
import { createCookie } from "@remix-run/node";
import { servedOverHttps } from "./security-headers.server";

export function cookieName(name: string, env: Record<string, string | undefined> = process.env): string {
  return servedOverHttps(env) ? `__Host-${name}` : name;
}

export function portalCookie(name: string, options: { maxAge: number; secrets?: string[] }) {
  const secure = servedOverHttps();
  return createCookie(cookieName(name), { path: "/", sameSite: "lax", httpOnly: true, secure, ...options });
}
