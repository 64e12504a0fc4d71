import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { busyResponse } from "./busy-page.server";

const text = (code: string, key: "title" | "body") =>
  (JSON.parse(readFileSync(`locales/${code}/common.json`, "utf8")) as { errors: { busy: Record<string, string> } }).errors.busy[key]!;

describe("the page for a server too busy to render one", () => {
  it("is a 503 with Retry-After, in the visitor's language and direction", async () => {
    const response = await busyResponse(new Request("http://portal.example/complaint/service", { headers: { "Accept-Language": "ar" } }));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("10");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<h1>${text("ar", "title")}</h1>`);
    expect(html).toContain(text("ar", "body"));
  });

  it("falls back to English", async () => {
    const html = await (await busyResponse(new Request("http://portal.example/"))).text();
    expect(html).toContain('<html lang="en-GB" dir="ltr">');
    expect(html).toContain(text("en", "title"));
  });
});
