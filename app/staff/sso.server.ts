// Staff single sign-on (issue 11, item 1): when the council configures its OpenID Connect provider (for example
// Microsoft Entra ID), staff may sign in with their council account instead of the emailed code and authenticator
// app — the provider is then responsible for the second factor. openid-client 6 does the protocol: discovery, the
// authorization code flow with PKCE, state and nonce, and the ID token's checks. The portal then matches the
// provider's verified email address to an active member of staff; roles stay in the portal's own table.
import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  discovery,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  type Configuration,
} from "openid-client";
import type { Database } from "../../db/client";
import { cookieSecrets } from "~/http/cookie-secrets.server";
import { logServerError } from "~/http/error-log.server";
import { portalCookie } from "~/http/cookies.server";
import { publicUrl } from "~/http/public-url.server";

export type SsoSettings = { issuer: URL; clientId: string; clientSecret: string };

/**
 * The provider, from OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or null when single sign-on is not set up.
 * The issuer must be https, except on this machine (a provider the tests start).
 */
export function ssoSettings(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  const url = new URL(issuer);
  if (url.protocol !== "https:" && !isLocal(url)) throw new Error("OIDC_ISSUER must be an https address");
  return { issuer: url, clientId, clientSecret };
}

const isLocal = (url: URL) => url.hostname === "localhost" || url.hostname === "127.0.0.1";

let discovered: { key: string; config: Promise<Configuration> } | null = null;

/** The provider's configuration, discovered once (and again if it failed). */
function providerConfig(settings: SsoSettings): Promise<Configuration> {
  const key = `${settings.issuer.href}|${settings.clientId}`;
  if (discovered?.key !== key) {
    const config = discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, isLocal(settings.issuer) ? { execute: [allowInsecureRequests] } : undefined);
    discovered = { key, config };
    config.catch(() => {
      if (discovered?.config === config) discovered = null;
    });
  }
  return discovered.config;
}

export const SSO_CALLBACK_PATH = "/staff/sign-in/sso/callback";

/** How long a person has at the provider before the sign-in must start again. */
const SSO_MINUTES = 10;
async function ssoCookie(db: Database) {
  return portalCookie("staff_sso", { maxAge: SSO_MINUTES * 60, secrets: await cookieSecrets(db) });
}

/** The provider's sign-in address, and the cookie that keeps this attempt's PKCE verifier, state and nonce. */
export async function startSso(db: Database, settings: SsoSettings): Promise<{ url: string; setCookie: string }> {
  const config = await providerConfig(settings);
  const verifier = randomPKCECodeVerifier();
  const state = randomState();
  const nonce = randomNonce();
  const url = buildAuthorizationUrl(config, {
    redirect_uri: `${publicUrl()}${SSO_CALLBACK_PATH}`,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, setCookie: await (await ssoCookie(db)).serialize({ verifier, state, nonce }) };
}

export type SsoResult = { ok: true; email: string; name: string } | { ok: false; reason: "expired" | "refused" | "unverified" };

/**
 * The provider's answer: the code exchanged, the ID token checked (issuer, audience, signature, nonce, expiry), and
 * the verified email address it names. Anything wrong is refused, never trusted.
 */
export async function finishSso(db: Database, settings: SsoSettings, request: Request): Promise<{ result: SsoResult; clearCookie: string }> {
  const cookie = await ssoCookie(db);
  const clearCookie = await cookie.serialize("", { maxAge: 0 });
  const saved: unknown = await cookie.parse(request.headers.get("Cookie")).catch(() => null);
  const { verifier, state, nonce } = (typeof saved === "object" && saved !== null ? saved : {}) as Record<string, unknown>;
  if (typeof verifier !== "string" || typeof state !== "string" || typeof nonce !== "string") return { result: { ok: false, reason: "expired" }, clearCookie };
  // The address the provider sent the person back to, as the portal is reached (never the request's Host).
  const callback = new URL(`${publicUrl()}${SSO_CALLBACK_PATH}${new URL(request.url).search}`);
  try {
    const tokens = await authorizationCodeGrant(await providerConfig(settings), callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    const claims = tokens.claims();
    const email = typeof claims?.email === "string" ? claims.email : "";
    if (!email || claims?.email_verified !== true) return { result: { ok: false, reason: "unverified" }, clearCookie };
    return { result: { ok: true, email, name: typeof claims?.name === "string" ? claims.name : "" }, clearCookie };
  } catch (error) {
    // A refused or tampered answer, or a provider misconfigured: the person is told to try again; the log says why.
    logServerError("Staff single sign-on", error);
    return { result: { ok: false, reason: "refused" }, clearCookie };
  }
}
