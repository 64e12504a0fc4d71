// What the server does at the HTTP level, for any client, browser or not: headers on every response, capped
// request bodies, redirects that stay on the site. These run once, without a browser page.
import { request as httpRequest, Agent } from "node:http";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3210);

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One request over a given agent (so keep-alive can be seen), resolving with status, headers and body. */
function send(
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; agent?: Agent },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: PORT, method: options.method ?? "GET", path: options.path, headers: options.headers, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://127.0.0.1:${PORT}`, Host: `127.0.0.1:${PORT}` };

test("every kind of response carries the security headers", async ({ request }) => {
  const page = await request.get("/");
  const asset = (await page.text()).match(/\/assets\/[^"]+\.js/)![0];
  const responses = {
    page: page,
    data: await request.get("/complaint.data"),
    asset: await request.get(asset),
    favicon: await request.get("/favicon.svg"),
    translations: await request.get("/i18n/en"),
    health: await request.get("/healthz"),
    notFound: await request.get("/no/such/page"),
  };
  for (const [name, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["x-content-type-options"], name).toBe("nosniff");
    expect(headers["x-frame-options"], name).toBe("DENY");
    expect(headers["referrer-policy"], name).toBe("same-origin");
    expect(headers["strict-transport-security"], name).toMatch(/^max-age=31536000/);
    expect(headers["content-security-policy"], name).toContain("frame-ancestors 'none'");
  }
  // Pages run their own scripts by nonce; anything else may run nothing.
  expect(responses.page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(responses.asset.headers()["content-security-policy"]).toContain("default-src 'none'");
  // Pages and their data carry personal data: never cached. Built assets are cached for a year.
  expect(responses.page.headers()["cache-control"]).toBe("no-store");
  expect(responses.data.headers()["cache-control"]).toBe("no-store");
  expect(responses.notFound.headers()["cache-control"]).toBe("no-store");
  expect(responses.asset.headers()["cache-control"]).toContain("immutable");
});

test("the language switcher sends hostile return addresses to the start page, never to another site", async ({ request }) => {
  for (const returnTo of ["%2F%09%2Fevil.example", "%2F%5C%2Fevil.example", "%2F%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D", "%2F%00", "%2F%C3%A9t%C3%A9", "https%3A%2F%2Fevil.example"]) {
    const response = await request.get(`/language?lng=pl&returnTo=${returnTo}`, { maxRedirects: 0 });
    expect(response.status(), returnTo).toBeLessThan(500);
    if (response.status() === 303) expect(response.headers().location, returnTo).toBe("/");
    else expect(response.status(), returnTo).toBe(400);
  }
  const ordinary = await request.get("/language?lng=pl&returnTo=%2Fcontact", { maxRedirects: 0 });
  expect(ordinary.headers().location).toBe("/contact");
});

test("a form over its size limit gets 413, and the client's next request on the same connection is answered", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const big = `kind=comment&message=${"a".repeat(100 * 1024)}`;
    const refused = await send({ method: "POST", path: "/compliment", headers: FORM, body: big, agent });
    expect(refused.status).toBe(413);
    const next = await send({ path: "/contact", agent });
    expect(next.status).toBe(200);
  } finally {
    agent.destroy();
  }
});

test("a chunked body with no length is cut off at the limit", async () => {
  // 8 MB in 64 KB chunks to a form that takes 64 KB: refused once the limit passes, long before the end.
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: PORT, method: "POST", path: "/compliment", headers: { ...FORM, "Transfer-Encoding": "chunked" }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", (error) => reject(error));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < 128) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
  expect(status).toBe(413);
});

test("a form posted to a hostile query string writes nothing", async () => {
  const answer = await send({ method: "POST", path: "/complaint/service.data?q=%00", headers: FORM, body: "serviceArea=parking" });
  expect(answer.status).toBe(400);
  expect(String(answer.headers["set-cookie"] ?? "")).not.toContain("complaint=");
});

test("a forwarded host the server does not trust cannot make another site's form look like its own", async () => {
  const answer = await send({
    method: "POST",
    path: "/compliment",
    headers: { ...FORM, Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
    body: "kind=comment&message=hello",
  });
  expect(answer.status).toBe(403);
});
