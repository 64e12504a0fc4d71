import { describe, expect, it } from "vitest";
import { servedOverHttps, trustedProxyHops } from "./security-headers.server";

describe("TRUST_PROXY", () => {
  it("is a number of proxy hops, never everyone", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("false")).toBe(0);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("everyone")).toThrow(/number of proxies/);
    expect(() => trustedProxyHops("-1")).toThrow(/number of proxies/);
  });
});

describe("HTTPS", () => {
  it("is assumed in production unless COOKIE_SECURE=false says the portal serves plain HTTP", () => {
    expect(servedOverHttps({ NODE_ENV: "production" })).toBe(true);
    expect(servedOverHttps({ NODE_ENV: "production", COOKIE_SECURE: "false" })).toBe(false);
    expect(servedOverHttps({ NODE_ENV: "development" })).toBe(false);
  });
});
