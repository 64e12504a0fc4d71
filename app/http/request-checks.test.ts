import { describe, expect, it } from "vitest";
import { isHostileQuery, originalSearch } from "./request-checks";

describe("hostile query strings", () => {
  it("lets ordinary queries through, including other scripts and encoded spaces", () => {
    expect(isHostileQuery("")).toBe(false);
    expect(isHostileQuery("?lng=pl&returnTo=%2Fcontact")).toBe(false);
    expect(isHostileQuery("?q=%D8%B4%DA%A9%D8%A7%DB%8C%D8%AA+abc")).toBe(false);
  });

  it("refuses broken percent-encoding", () => {
    expect(isHostileQuery("?q=%")).toBe(true);
    expect(isHostileQuery("?q=%E0%A4%A")).toBe(true);
  });

  it("refuses NUL and control characters", () => {
    expect(isHostileQuery("?q=a%00b")).toBe(true);
    expect(isHostileQuery("?q=%1B[31m")).toBe(true);
  });

  it("refuses a query longer than any link the portal makes", () => {
    expect(isHostileQuery(`?q=${"a".repeat(3000)}`)).toBe(true);
  });

  it("treats markup as ordinary text: React escapes it when shown", () => {
    expect(isHostileQuery("?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")).toBe(false);
  });
});

describe("the original query string", () => {
  it("comes from the server's load context when there is one, as the visitor typed it", () => {
    const request = new Request("http://localhost/?q=%25");
    expect(originalSearch(request, { originalUrl: "/?q=%" })).toBe("?q=%");
    expect(isHostileQuery(originalSearch(request, { originalUrl: "/?q=%" }))).toBe(true);
  });

  it("falls back to the request URL, and is empty when there is no query", () => {
    expect(originalSearch(new Request("http://localhost/contact?a=1"), undefined)).toBe("?a=1");
    expect(originalSearch(new Request("http://localhost/contact"), {})).toBe("");
  });
});
