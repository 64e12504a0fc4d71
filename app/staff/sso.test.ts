import { describe, expect, it } from "vitest";
import { ssoSettings } from "./sso.server";

describe("ssoSettings", () => {
  it("is off until the issuer, client id and secret are all set", () => {
    expect(ssoSettings({})).toBeNull();
    expect(ssoSettings({ OIDC_ISSUER: "https://login.example.org/tenant/v2.0", OIDC_CLIENT_ID: "portal" })).toBeNull();
  });
  it("takes an https issuer, and plain http only on this machine", () => {
    const env = { OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" };
    expect(ssoSettings({ ...env, OIDC_ISSUER: "https://login.example.org/tenant/v2.0" })?.issuer.href).toBe("https://login.example.org/tenant/v2.0");
    expect(ssoSettings({ ...env, OIDC_ISSUER: "http://127.0.0.1:3214" })?.clientId).toBe("portal");
    expect(() => ssoSettings({ ...env, OIDC_ISSUER: "http://login.example.org" })).toThrow(/https/);
  });
});
