import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin.server";

const post = (headers: Record<string, string>) =>
  new Request("http://portal.example/complaint/service", { method: "POST", headers: { Host: "portal.example", ...headers } });

describe("same-origin form posts", () => {
  it("accepts a post from the portal's own pages", () => {
    expect(isSameOriginPost(post({ Origin: "http://portal.example" }))).toBe(true);
    expect(isSameOriginPost(post({ "Sec-Fetch-Site": "same-origin" }))).toBe(true);
  });

  it("refuses a post from another site", () => {
    expect(isSameOriginPost(post({ Origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginPost(post({ "Sec-Fetch-Site": "cross-site" }))).toBe(false);
    expect(isSameOriginPost(post({ Origin: "http://portal.example.evil.example" }))).toBe(false);
  });

  it("refuses a post the server marked as coming from another site", () => {
    expect(isSameOriginPost(post({ "X-Cross-Origin-Form": "1" }))).toBe(false);
  });

  it("refuses an Origin header that is not a URL", () => {
    expect(isSameOriginPost(post({ Origin: "not a url" }))).toBe(false);
  });
});

describe("same-origin form posts behind no trusted proxy", () => {
  it("judge the host by the request's own address, not a forwarded host the client wrote", () => {
    // The server builds the request's URL from X-Forwarded-Host only when TRUST_PROXY trusts the hop, so here the
    // URL says portal.example and a client's claim to be evil.example changes nothing.
    expect(isSameOriginPost(post({ Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" }))).toBe(false);
  });
});
