// How email leaves the portal: an SMTP relay (SMTP_URL) or GOV.UK Notify (NOTIFY_API_KEY), chosen from the
// environment. With neither, there is no transport: messages wait in the outbox until one is configured.
// Text messages (sign-in codes to a mobile number) go only through GOV.UK Notify, when NOTIFY_API_KEY and
// NOTIFY_SMS_TEMPLATE_ID are both set; without them none is queued.
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  /** Resolves once the relay or Notify has accepted the message; rejects when it did not. */
  send(email: OutgoingEmail): Promise<void>;
}

export interface OutgoingText {
  /** A UK mobile number, +447… */
  to: string;
  text: string;
}

export interface TextTransport {
  /** Resolves once Notify has accepted the message; rejects when it did not. */
  send(message: OutgoingText): Promise<void>;
}

export const DEFAULT_MAIL_FROM = "Coventry City Council complaints <complaints@coventry.gov.uk>";
export const NOTIFY_API_URL = "https://api.notifications.service.gov.uk";

export type MailEnv = Record<string, string | undefined>;

/**
 * The transport the environment asks for: SMTP when SMTP_URL is set, else GOV.UK Notify when NOTIFY_API_KEY is
 * set, else null — no mail is configured, so queued messages stay pending in the outbox (nothing is lost; they
 * go out once a transport is configured and the worker runs).
 */
export function transportFromEnv(env: MailEnv = process.env, fetcher: typeof fetch = fetch): MailTransport | null {
  if (env.SMTP_URL) return smtpTransport({ url: env.SMTP_URL, from: env.MAIL_FROM || DEFAULT_MAIL_FROM });
  if (env.NOTIFY_API_KEY) {
    if (!env.NOTIFY_TEMPLATE_ID) throw new Error("NOTIFY_TEMPLATE_ID must be set when NOTIFY_API_KEY is set");
    return notifyTransport({ apiKey: env.NOTIFY_API_KEY, templateId: env.NOTIFY_TEMPLATE_ID, fetch: fetcher, apiUrl: notifyApiUrl(env) });
  }
  return null;
}

/** The text message transport when GOV.UK Notify is configured for texts (NOTIFY_API_KEY, NOTIFY_SMS_TEMPLATE_ID). */
export function textTransportFromEnv(env: MailEnv = process.env, fetcher: typeof fetch = fetch): TextTransport | null {
  if (!env.NOTIFY_API_KEY || !env.NOTIFY_SMS_TEMPLATE_ID) return null;
  return notifyTextTransport({ apiKey: env.NOTIFY_API_KEY, templateId: env.NOTIFY_SMS_TEMPLATE_ID, fetch: fetcher, apiUrl: notifyApiUrl(env) });
}

/** True when sign-in codes can also be texted, so they are queued as texts. */
export function textMessagesConfigured(env: MailEnv = process.env): boolean {
  return Boolean(env.NOTIFY_API_KEY && env.NOTIFY_SMS_TEMPLATE_ID);
}

/** Notify's address; NOTIFY_API_URL replaces it (a test server standing in for Notify). */
function notifyApiUrl(env: MailEnv): string {
  return env.NOTIFY_API_URL?.replace(/\/+$/, "") || NOTIFY_API_URL;
}

export function smtpTransport(options: { url: string; from: string }): MailTransport {
  // Short timeouts: the worker's claim on a message lapses after a while, and a hung relay must not outlast it.
  const transporter = nodemailer.createTransport(
    { url: options.url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
    { from: options.from },
  );
  return {
    async send(email) {
      await transporter.sendMail({ to: email.to, subject: email.subject, text: email.text, html: email.html });
    },
  };
}

/** Splits a Notify API key, `{key_name}-{service_id}-{secret}`, where both ids are 36-character UUIDs. */
export function parseNotifyApiKey(apiKey: string): { serviceId: string; secret: string } {
  const key = apiKey.trim();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const secret = key.slice(-36);
  const serviceId = key.slice(-73, -37);
  if (key.length < 73 || key.charAt(key.length - 37) !== "-" || !uuid.test(secret) || !uuid.test(serviceId)) {
    throw new Error("NOTIFY_API_KEY is not a GOV.UK Notify API key ({key_name}-{service_id}-{secret})");
  }
  return { serviceId, secret };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** The bearer token Notify expects: a JWT signed HS256 with the key's secret, iss = service id, iat = now. */
export function notifyToken(apiKey: string, now: Date = new Date()): string {
  const { serviceId, secret } = parseNotifyApiKey(apiKey);
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
  const claims = base64url(JSON.stringify({ iss: serviceId, iat: Math.floor(now.getTime() / 1000) }));
  const signature = createHmac("sha256", secret).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}

type NotifyOptions = { apiKey: string; templateId: string; fetch?: typeof fetch; now?: () => Date; apiUrl?: string };

/** Posts one notification to Notify, throwing with Notify's answer when it is refused. */
function notifySender(options: NotifyOptions) {
  parseNotifyApiKey(options.apiKey); // a malformed key fails at start-up, not at the first message
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const base = options.apiUrl ?? NOTIFY_API_URL;
  return async (path: "email" | "sms", body: Record<string, unknown>) => {
    const response = await fetcher(`${base}/v2/notifications/${path}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${notifyToken(options.apiKey, now())}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ template_id: options.templateId, ...body }),
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 500);
      throw new Error(`GOV.UK Notify answered ${response.status}: ${detail}`);
    }
  };
}

/**
 * GOV.UK Notify's email API. The Notify template must be a bare email with subject `((subject))` and body
 * `((body))`: Notify builds its own HTML, so only the subject and plain text are sent.
 */
export function notifyTransport(options: NotifyOptions): MailTransport {
  const post = notifySender(options);
  return {
    async send(email) {
      await post("email", { email_address: email.to, personalisation: { subject: email.subject, body: email.text } });
    },
  };
}

/** GOV.UK Notify's text message API. The Notify template must be a bare text message: `((body))`. */
export function notifyTextTransport(options: NotifyOptions): TextTransport {
  const post = notifySender(options);
  return {
    async send(message) {
      await post("sms", { phone_number: message.to, personalisation: { body: message.text } });
    },
  };
}
