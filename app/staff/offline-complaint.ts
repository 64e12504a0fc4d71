// A complaint received offline (issue 11, item 3): by phone, letter, email or in person, typed in by staff so
// residents without email are served and the reports count every channel. Pure: the form, checked.
import { z } from "zod/mini";
import { CHANNELS } from "~/cases/case-events";
import { EMAIL, NAME_LIMIT, oneLineText, plainText } from "~/forms/plain-text";
import { LANGUAGE_CODES, type LanguageCode } from "~/i18n/languages";
import type { IsoDate } from "~/rules/calendar-dates";
import { dateParts, isoDateFromParts, type FormCheck, type FormErrors } from "./response-form";

/** How a complaint can reach the council other than the online form. */
export const OFFLINE_CHANNELS = CHANNELS.filter((channel) => channel !== "online");
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];

export const OFFLINE_TEXT_LIMIT = 5000;

export interface OfflineComplaint {
  readonly channel: OfflineChannel;
  readonly receivedOn: IsoDate;
  readonly serviceArea: string;
  readonly language: LanguageCode;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly whatWentWrong: string;
  readonly howAffected: string;
  readonly outcomeWanted: string;
}

const error = (field: string, problem: string) => `staff:offline.error.${field}.${problem}`;

const fields = {
  name: oneLineText({ max: NAME_LIMIT, tooLong: error("name", "tooLong"), required: error("name", "required") }),
  email: oneLineText({ max: 254, tooLong: error("email", "format") }).check(z.refine((value) => value === "" || EMAIL.safeParse(value).success, { error: error("email", "format") })),
  phone: oneLineText({ max: 40, tooLong: error("phone", "tooLong") }),
  address: plainText({ max: 1000, tooLong: error("address", "tooLong") }),
  whatWentWrong: plainText({ max: OFFLINE_TEXT_LIMIT, tooLong: error("whatWentWrong", "tooLong"), required: error("whatWentWrong", "required") }),
  howAffected: plainText({ max: OFFLINE_TEXT_LIMIT, tooLong: error("howAffected", "tooLong") }),
  outcomeWanted: plainText({ max: OFFLINE_TEXT_LIMIT, tooLong: error("outcomeWanted", "tooLong") }),
};

/** The posted form: every field checked, errors by field; the date received is a real day, today or before. */
export function readOfflineForm(form: URLSearchParams, serviceAreas: readonly string[], today: IsoDate): FormCheck<OfflineComplaint> {
  const errors: FormErrors = {};
  const channel = OFFLINE_CHANNELS.find((known) => known === form.get("channel"));
  if (!channel) errors.channel = error("channel", "required");
  const parts = dateParts(form, "receivedOn");
  const typed = [parts.day, parts.month, parts.year].some((part) => part.trim() !== "");
  const receivedOn = typed ? isoDateFromParts(parts.day, parts.month, parts.year) : null;
  if (!typed) errors.receivedOn = error("receivedOn", "required");
  else if (!receivedOn || receivedOn < "2000-01-01") errors.receivedOn = error("receivedOn", "invalid");
  else if (receivedOn > today) errors.receivedOn = error("receivedOn", "future");
  const serviceArea = serviceAreas.find((slug) => slug === form.get("serviceArea"));
  if (!serviceArea) errors.serviceArea = error("serviceArea", "required");
  const language = LANGUAGE_CODES.find((code) => code === (form.get("language") || "en"));
  if (!language) errors.language = error("language", "required");
  const text: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(form.get(name) ?? "");
    if (parsed.success) text[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]!.message;
  }
  // Someone must be able to reach them: an email address, a phone number or an address to post letters to.
  if (!errors.email && !errors.phone && !errors.address && !text.email && !text.phone && !text.address) errors.email = error("contact", "required");
  if (Object.keys(errors).length > 0 || !channel || !receivedOn || !serviceArea || !language) return { ok: false, errors };
  return {
    ok: true,
    input: {
      channel, receivedOn, serviceArea, language,
      name: text.name!, email: text.email!, phone: text.phone!, address: text.address!,
      whatWentWrong: text.whatWentWrong!, howAffected: text.howAffected!, outcomeWanted: text.outcomeWanted!,
    },
  };
}
