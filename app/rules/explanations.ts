// Plain-language explanations produced by the rules, as translation keys in locales/<lng>/rules.json
// (i18next namespace "rules") with their interpolation values. Dates travel as ISO text; messages format
// them with the "date" and "dateList" formats, which the app registers with the two functions below.
import { utcInstantOf, type IsoDate } from "./calendar-dates";

export const RULES_NAMESPACE = "rules";

export type ExplanationParam = string | number | boolean | readonly string[];

export interface Explanation {
  /** Key in the "rules" namespace, e.g. "timeline.due.afterAcknowledgement". */
  readonly key: string;
  /**
   * Interpolation values. `count` selects the _one/_other plural; `context` selects a variant
   * (e.g. "holidays"); values named `from`, `date`, `*On`, `*By` are ISO dates and `skippedDates` an ISO list.
   */
  readonly params: Readonly<Record<string, ExplanationParam>>;
}

export function explanation(key: string, params: Record<string, ExplanationParam> = {}): Explanation {
  return { key, params };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An ISO date as the locale writes it, e.g. "2 December 2026" in en-GB (for the i18next "date" format). */
export function formatIsoDate(date: IsoDate, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    formatters.set(locale, formatter);
  }
  return formatter.format(utcInstantOf(date));
}

/** A list of ISO dates as the locale writes a list, e.g. "25 December 2026 and 1 January 2027". */
export function formatIsoDateList(dates: readonly IsoDate[], locale: string): string {
  const formatted = dates.map((date) => formatIsoDate(date, locale));
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(formatted);
}

/**
 * "N working days after <from>; <dates> are not working days": key `timeline.due.<base>` with `count`,
 * `from`, `skippedDates` (the weekday bank holidays and closure days in between — weekends go without
 * saying), `stage` when given, and `context` "holiday"/"holidays" when some were skipped.
 */
export function workingDaysExplanation(
  base: string,
  count: number,
  from: IsoDate,
  skippedDates: readonly IsoDate[],
  stage?: number,
  extra?: Record<string, ExplanationParam>,
): Explanation {
  const params: Record<string, ExplanationParam> = { count, from, skippedDates };
  if (stage !== undefined) params.stage = stage;
  if (extra !== undefined) Object.assign(params, extra);
  if (skippedDates.length > 0) params.context = skippedDates.length === 1 ? "holiday" : "holidays";
  return { key: (dueKeys[base] ??= `timeline.due.${base}`), params };
}

const dueKeys: Record<string, string> = {};
