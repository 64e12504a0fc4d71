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
