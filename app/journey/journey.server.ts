// What every page of the complaint journey needs on the server: the database, the visitor's language and
// draft, today's date in London, and the checks that refuse bad requests with a translated 4xx page.
import { data } from "@remix-run/node";
import type { Database } from "../../db/client";
import { getDb } from "~/db.server";
import { isBodyTooLarge } from "~/http/request-body.server";
import { assertSameOrigin } from "~/http/same-origin.server";
import type { LanguageCode } from "~/i18n/languages";
import { localeFor } from "~/i18n/locale.server";
import { londonDateOf, type IsoDate } from "~/rules/calendar-dates";
import { firstUnanswered } from "./journey-order.server";
import { type Draft, findDraft } from "./drafts.server";

export type JourneyContext = { db: Database; locale: LanguageCode; draft: Draft | null; today: IsoDate };

export async function journeyContext(request: Request): Promise<JourneyContext> {
  const db = await getDb();
  return { db, locale: await localeFor(request), draft: await findDraft(db, request), today: londonDateOf(new Date()) };
}

/** 409 with a link to the page to carry on from: someone typed the address of a page they cannot reach yet. */
export function notYet(context: JourneyContext): never {
  const resume = context.draft ? firstUnanswered(context.draft.answers, context.today) : null;
  throw data({ resumeAt: resume ? `/complaint/${resume.id}` : "/" }, { status: 409 });
}

/**
 * Reads a posted form after the same-origin check; bad input becomes a translated 4xx. The body's size is
 * capped where every body is read (app/http/request-body.server.ts): past it, this answers 413.
 */
export async function readForm(request: Request): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const [name, value] of await readFormEntries(request)) values[name] ??= value;
  return values;
}

/** Every value posted, for a field with several (checkboxes), after the same checks as readForm. */
export async function readFormEntries(request: Request): Promise<URLSearchParams> {
  assertSameOrigin(request);
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) throw new Response("Bad form", { status: 415 });
  let body: string;
  try {
    body = await request.text();
  } catch (error) {
    throw new Response(isBodyTooLarge(error) ? "Too large" : "Unreadable form", { status: isBodyTooLarge(error) ? 413 : 400 });
  }
  return new URLSearchParams(body);
}

/** Only "check-answers" is a place a page may return to; any other value was tampered with. */
export function returnToFrom(values: Record<string, string | null>): "check-answers" | null {
  const returnTo = values.returnTo ?? "";
  if (returnTo === "") return null;
  if (returnTo === "check-answers") return returnTo;
  throw new Response("Bad returnTo", { status: 400 });
}
