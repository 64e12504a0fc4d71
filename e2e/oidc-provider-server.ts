// A stand-in for the council's OpenID Connect provider (issue 11: staff single sign-on), for the end-to-end tests:
// oidc-provider with its development sign-in pages, which take any login and password. The login is the account's
// email address; one starting "unverified." is released with email_verified false.
// Usage: tsx e2e/oidc-provider-server.ts <port> <portal's public address>
import Provider from "oidc-provider";
import { E2E_OIDC_CLIENT } from "./oidc-settings";

const [portArgument, portal] = process.argv.slice(2);
const port = Number(portArgument);
if (!Number.isInteger(port) || !portal) throw new Error("Usage: oidc-provider-server.ts <port> <portal address>");

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: E2E_OIDC_CLIENT.id,
      client_secret: E2E_OIDC_CLIENT.secret,
      redirect_uris: [`${portal}/staff/sign-in/sso/callback`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The claims go in the ID token, as Entra ID puts email there.
  conformIdTokenClaims: false,
  findAccount: async (_context, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id.replace(/^unverified\./, ""), email_verified: !id.startsWith("unverified."), name: id.split("@")[0] }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["e2e-only-cookie-key-0123456789abcdef"] },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1");
