import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmtpCapture, startSmtpCapture } from "./test-support/smtp-capture";
import {
  DEFAULT_MAIL_FROM,
  notifyToken,
  parseNotifyApiKey,
  transportFromEnv,
} from "./transport.server";

const SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
const SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const API_KEY = `portal_test-${SERVICE_ID}-${SECRET}`;
const TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
const message = { to: "resident@example.org", subject: "Subject", text: "Body text", html: "<p>Body</p>" };

const decodeJson = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

describe("choosing a transport", () => {
  it("has none when no mail is configured, so messages stay queued", () => {
    expect(transportFromEnv({})).toBeNull();
  });

  it("needs a Notify template with a Notify key", () => {
    expect(() => transportFromEnv({ NOTIFY_API_KEY: API_KEY })).toThrow(/NOTIFY_TEMPLATE_ID/);
  });

  it("refuses a malformed Notify key at start-up", () => {
    expect(() => transportFromEnv({ NOTIFY_API_KEY: "not-a-key", NOTIFY_TEMPLATE_ID: TEMPLATE_ID })).toThrow(
      /NOTIFY_API_KEY/,
    );
  });

  it("prefers SMTP when both are configured", () => {
    const calls: unknown[] = [];
    const fetcher = (async (...args: unknown[]) => {
      calls.push(args);
      return new Response("{}", { status: 201 });
    }) as typeof fetch;
    const transport = transportFromEnv(
      { SMTP_URL: "smtp://127.0.0.1:1", NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_ID: TEMPLATE_ID },
      fetcher,
    );
    expect(transport).not.toBeNull();
    return expect(transport!.send(message)).rejects.toThrow().then(() => expect(calls).toEqual([]));
  });
});

describe("SMTP", () => {
  let capture: SmtpCapture;
  beforeAll(async () => {
    capture = await startSmtpCapture();
  });
  afterAll(() => capture.close());
  beforeEach(() => {
    capture.messages.length = 0;
    capture.rejecting.clear();
  });

  it("sends a text and an HTML part from the council's address", async () => {
    await transportFromEnv({ SMTP_URL: capture.url })!.send(message);
    expect(capture.messages).toHaveLength(1);
    const [sent] = capture.messages;
    expect(sent!.to).toEqual(["resident@example.org"]);
    expect(sent!.from).toBe("complaints@coventry.gov.uk");
    expect(sent!.raw).toContain(`From: ${DEFAULT_MAIL_FROM}`);
    expect(sent!.subject).toBe("Subject");
    expect(sent!.text.trim()).toBe("Body text");
    expect(sent!.html.trim()).toBe("<p>Body</p>");
  });

  it("sends from MAIL_FROM when it is set", async () => {
    await transportFromEnv({ SMTP_URL: capture.url, MAIL_FROM: "Test <test@example.org>" })!.send(message);
    expect(capture.messages[0]!.from).toBe("test@example.org");
  });

  it("rejects when the relay refuses the recipient", async () => {
    capture.rejecting.add("resident@example.org");
    await expect(transportFromEnv({ SMTP_URL: capture.url })!.send(message)).rejects.toThrow(/550|rejected/);
    expect(capture.messages).toEqual([]);
  });
});

describe("GOV.UK Notify", () => {
  it("reads the service id and secret from the end of the API key", () => {
    expect(parseNotifyApiKey(API_KEY)).toEqual({ serviceId: SERVICE_ID, secret: SECRET });
    // Key names may themselves contain dashes.
    expect(parseNotifyApiKey(`my-key-name-${SERVICE_ID}-${SECRET}`)).toEqual({ serviceId: SERVICE_ID, secret: SECRET });
  });

  it("signs a JWT with HS256: iss is the service id, iat is now", () => {
    const now = new Date("2026-11-20T10:00:00.900Z");
    const token = notifyToken(API_KEY, now);
    const [header, claims, signature] = token.split(".");
    expect(decodeJson(header!)).toEqual({ typ: "JWT", alg: "HS256" });
    expect(decodeJson(claims!)).toEqual({ iss: SERVICE_ID, iat: Math.floor(now.getTime() / 1000) });
    expect(signature).toBe(createHmac("sha256", SECRET).update(`${header}.${claims}`).digest("base64url"));
  });

  it("posts the email to Notify's API with the token as bearer", async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ id: "n1" }), { status: 201 });
    }) as typeof fetch;
    const transport = transportFromEnv({ NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_ID: TEMPLATE_ID }, fetcher)!;
    const before = Math.floor(Date.now() / 1000);
    await transport.send(message);

    expect(requests).toHaveLength(1);
    const [{ url, init }] = requests as [{ url: string; init: RequestInit }];
    expect(url).toBe("https://api.notifications.service.gov.uk/v2/notifications/email");
    expect(init.method).toBe("POST");
    const headers = new Headers(init.headers);
    expect(headers.get("content-type")).toBe("application/json");
    const token = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1] ?? "";
    const [header, claims, signature] = token.split(".");
    const { iss, iat } = decodeJson(claims!) as { iss: string; iat: number };
    expect(iss).toBe(SERVICE_ID);
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(iat).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(signature).toBe(createHmac("sha256", SECRET).update(`${header}.${claims}`).digest("base64url"));
    expect(JSON.parse(String(init.body))).toEqual({
      email_address: "resident@example.org",
      template_id: TEMPLATE_ID,
      personalisation: { subject: "Subject", body: "Body text" },
    });
  });

  it("rejects when Notify does not accept the email", async () => {
    const fetcher = (async () =>
      new Response(JSON.stringify({ errors: [{ error: "BadRequestError", message: "Can't send to this recipient" }] }), {
        status: 400,
      })) as typeof fetch;
    const transport = transportFromEnv({ NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_ID: TEMPLATE_ID }, fetcher)!;
    await expect(transport.send(message)).rejects.toThrow(/400.*Can't send to this recipient/);
  });
});
