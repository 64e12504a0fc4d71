// The council's closure days (RULES §1), as a manager adds them (issue 11, item 3): a day the council is closed
// beyond the bank holidays the portal knows, or a bank holiday announced after its list was committed. Pure: the
// page and the server share it.
import { bankHolidayOn } from "~/rules/bank-holidays";
import { isWeekend, type IsoDate } from "~/rules/calendar-dates";
import { dateParts, isoDateFromParts } from "./response-form";

export const CLOSURE_NAME_LIMIT = 100;

export interface NewClosureDay {
  readonly day: IsoDate;
  readonly name: string;
}

type Check<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * A closure day: a real weekday that is not already a bank holiday, from today on — a day in the past would change
 * deadlines already met or missed [interpretation, README Decisions] — with a name residents' dates can be
 * explained by.
 */
export function readClosureDayForm(form: URLSearchParams, today: IsoDate): Check<NewClosureDay> {
  const parts = dateParts(form, "day");
  const day = isoDateFromParts(parts.day, parts.month, parts.year);
  const name = (form.get("name") ?? "").trim().replace(/\s+/g, " ");
  const errors: Record<string, string> = {};
  if (!day) errors.day = "staff:closures.error.day";
  else if (day < today) errors.day = "staff:closures.error.past";
  else if (isWeekend(day)) errors.day = "staff:closures.error.weekend";
  else if (bankHolidayOn(day)) errors.day = "staff:closures.error.bankHoliday";
  if (name === "") errors.name = "staff:closures.error.name";
  else if (name.length > CLOSURE_NAME_LIMIT) errors.name = "staff:closures.error.nameTooLong";
  return day && Object.keys(errors).length === 0 ? { ok: true, input: { day, name } } : { ok: false, errors };
}
