// What every page of the complaint journey needs on the server: the database, the visitor's language and
// draft, today's date in London, and the checks that refuse bad requests with a translated 4xx page.
import { data } from "@remix-run/node";
import type { Database } from "../../db/client";
import { getDb } from "~/db.server";
import { assertSameOrigin } from "~/http/same-origin.server";
import type { LanguageCode } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { firstUnanswered } from "./complaint-steps";
import { type Draft, findDraft } from "./drafts.server";

export type JourneyContext = { db: Database; locale: LanguageCode; draft: Draft | null; today: IsoDate };

export async function journeyContext(request: Request): Promise<JourneyContext> {
  const db = await getDb();
  return { db, locale: await localeFor(request), draft: await findDraft(db, request), today: londonDateOf(new Date()) };
}

/** 409 with a link to the page to carry on from: someone typed the address of a page they cannot reach yet. */
export function notYet(context: JourneyContext): never {
  const resume = context.draft ? firstUnanswered(context.draft.answers, context.today, "complaint") : null;
  throw data({ resumeAt: resume ? `/complaint/${resume.id}` : "/complaint" }, { status: 409 });
}

/** The largest form a question page can need (a few long answers); anything bigger is refused. */
const MAX_FORM_BYTES = 64 * 1024;

/** Reads a posted form after the same-origin and size checks; bad input becomes a translated 4xx. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  assertSameOrigin(request);
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FORM_BYTES) throw new Response("Too large", { status: 413 });
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) throw new Response("Bad form", { status: 415 });
  const body = await request.text();
  if (body.length > MAX_FORM_BYTES) throw new Response("Too large", { status: 413 });
  const values: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) values[name] ??= value;
  return values;
}

/** Only "check-answers" is a place a page may return to; any other value was tampered with. */
export function returnToFrom(values: Record<string, string | null>): "check-answers" | null {
  const returnTo = values.returnTo ?? "";
  if (returnTo === "") return null;
  if (returnTo === "check-answers") return returnTo;
  throw new Response("Bad returnTo", { status: 400 });
}
