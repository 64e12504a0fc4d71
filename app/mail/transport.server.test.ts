import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmtpCapture, startSmtpCapture } from "./test-support/smtp-capture";
import {
  DEFAULT_MAIL_FROM,
  notifyToken,
  parseNotifyApiKey,
  textMessagesConfigured,
  textTransportFromEnv,
  transportFromEnv,
} from "./transport.server";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

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

describe("text messages through GOV.UK Notify", () => {
  const SMS_TEMPLATE_ID = "0d5c7a7e-6f2b-4c49-9f0e-6b1d7e0c2a11";
  let received: Array<{ url: string; authorization: string; body: Record<string, unknown> }> = [];
  let answer = { status: 201, body: '{"id":"sms-1"}' };
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ url: request.url ?? "", authorization: request.headers.authorization ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      response.writeHead(answer.status, { "Content-Type": "application/json" }).end(answer.body);
    });
  });
  let apiUrl = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received = [];
    answer = { status: 201, body: '{"id":"sms-1"}' };
  });

  it("are sent only when Notify has a text template", () => {
    expect(textTransportFromEnv({ NOTIFY_API_KEY: API_KEY })).toBeNull();
    expect(textTransportFromEnv({ NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID })).toBeNull();
    expect(textMessagesConfigured({ SMTP_URL: "smtp://localhost:25", NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID })).toBe(false);
    expect(textMessagesConfigured({ NOTIFY_API_KEY: API_KEY, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID })).toBe(true);
    expect(() => textTransportFromEnv({ NOTIFY_API_KEY: "nope", NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID })).toThrow(/NOTIFY_API_KEY/);
  });

  it("post the number and text to Notify's sms endpoint, signed with the key, over HTTP", async () => {
    const transport = textTransportFromEnv({ NOTIFY_API_KEY: API_KEY, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID, NOTIFY_API_URL: apiUrl })!;
    await transport.send({ to: "+447700900123", text: "123456 is your code" });
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe("/v2/notifications/sms");
    expect(received[0]!.body).toEqual({ phone_number: "+447700900123", template_id: SMS_TEMPLATE_ID, personalisation: { body: "123456 is your code" } });
    const [header, claims, signature] = received[0]!.authorization.replace(/^Bearer /, "").split(".");
    expect(signature).toBe(createHmac("sha256", SECRET).update(`${header}.${claims}`).digest("base64url"));
  });

  it("reject when Notify refuses the number", async () => {
    answer = { status: 400, body: '{"errors":[{"error":"ValidationError","message":"phone_number Not a UK mobile number"}]}' };
    const transport = textTransportFromEnv({ NOTIFY_API_KEY: API_KEY, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID, NOTIFY_API_URL: apiUrl })!;
    await expect(transport.send({ to: "+447700900123", text: "x" })).rejects.toThrow(/400.*Not a UK mobile number/);
  });
});
