// The equality questions are carried by a token of their own, in a signed cookie that lives two hours. It holds
// only what the aggregate reports break down by — the pathway, the service area and the month the complaint was
// received — the answers given so far, and a random nonce that makes it usable once. Nothing in it leads to the
// complaint or its draft, and nothing about it is stored until the answers are recorded.
import { randomBytes } from "node:crypto";
import type { Cookie } from "@remix-run/node";
import { z } from "zod/mini";
import type { Database } from "../../db/client";
import { cookieSecrets } from "~/http/cookie-secrets.server";
import { portalCookie } from "~/http/cookies.server";
import { EQUALITY_OPTIONS, type EqualityProgress } from "./equality-questions";

export const EQUALITY_COOKIE = "equality";
const TOKEN_MS = 2 * 60 * 60 * 1000;

const PATHWAYS = ["corporate", "childrens", "adults"] as const;
const KEYS: [string, ...string[]] = ["ethnicBackground", ...Object.keys(EQUALITY_OPTIONS)];

const tokenSchema = z.object({
  nonce: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/)),
  pathway: z.enum(PATHWAYS),
  serviceArea: z.string().check(z.minLength(1), z.maxLength(64)),
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  expiresAt: z.number(),
  optIn: z.optional(z.enum(["yes", "no"])),
  /** Issue 10: the complaint was made for someone else, so the questions are about that person. */
  aboutSomeoneElse: z.optional(z.boolean()),
  answers: z.partialRecord(z.enum(KEYS), z.string().check(z.maxLength(64))),
});

export type EqualityToken = z.output<typeof tokenSchema> & EqualityProgress;

let cookie: Promise<Cookie> | null = null;
function equalityCookie(db: Database): Promise<Cookie> {
  cookie ??= cookieSecrets(db).then(
    (secrets) => portalCookie(EQUALITY_COOKIE, { maxAge: TOKEN_MS / 1000, secrets }),
    (error: unknown) => {
      cookie = null;
      throw error;
    },
  );
  return cookie;
}

/** A new token for the questions that follow a complaint just sent, as a Set-Cookie header. */
export async function issueEqualityToken(
  db: Database,
  complaint: { pathway: (typeof PATHWAYS)[number]; serviceArea: string; receivedOn: string; aboutSomeoneElse?: boolean },
  now = new Date(),
): Promise<string> {
  const token: EqualityToken = {
    ...(complaint.aboutSomeoneElse ? { aboutSomeoneElse: true } : {}),
    nonce: randomBytes(16).toString("base64url"),
    pathway: complaint.pathway,
    serviceArea: complaint.serviceArea,
    month: complaint.receivedOn.slice(0, 7),
    expiresAt: now.getTime() + TOKEN_MS,
    answers: {},
  };
  return (await equalityCookie(db)).serialize(token);
}

/** The visitor's token, or null when they have none, it was tampered with, or it has run out. */
export async function readEqualityToken(db: Database, request: Request, now = new Date()): Promise<EqualityToken | null> {
  try {
    const parsed = tokenSchema.safeParse(await (await equalityCookie(db)).parse(request.headers.get("Cookie")));
    return parsed.success && parsed.data.expiresAt > now.getTime() ? (parsed.data as EqualityToken) : null;
  } catch {
    return null;
  }
}

/** The token with more answers, as a Set-Cookie header (it keeps its expiry: answering does not extend it). */
export async function saveEqualityToken(db: Database, token: EqualityToken): Promise<string> {
  return (await equalityCookie(db)).serialize(token);
}

export async function clearEqualityToken(db: Database): Promise<string> {
  return (await equalityCookie(db)).serialize("", { maxAge: 0 });
}
