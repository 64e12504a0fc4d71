// The readings of the policy marked [interpretation] in RULES.md, kept configurable with their defaults.
import type { IsoDate } from "./calendar-dates";

export interface RulesConfig {
  /** RULES §1 [interpretation]: the council's own closure days (e.g. between Christmas and New Year). */
  readonly closureDates: readonly IsoDate[];
  /**
   * RULES §1 [interpretation]: something received on a weekend or bank holiday is treated as received on
   * the next working day, which is then day zero ('next_working_day'); 'same_day' keeps the calendar date.
   */
  readonly nonWorkingDayReceipt: "next_working_day" | "same_day";
  /**
   * RULES §3 [interpretation]: later deadlines count from the actual acknowledgement once it is known and
   * from the acknowledgement due date until then ('actual_when_known'); 'due_date' always uses the due date.
   */
  readonly countFromAcknowledgement: "actual_when_known" | "due_date";
  /**
   * RULES §1 [interpretation]: "six months" (§14.4) is calendar months, not moved to a working day
   * ('calendar_date'); 'next_working_day' moves a limit that falls on a non-working day forward.
   */
  readonly calendarLimitOnNonWorkingDay: "calendar_date" | "next_working_day";
  /** RULES §1 [interpretation]: calendar dates are dates in this time zone. */
  readonly timeZone: string;
}

export const DEFAULT_RULES_CONFIG: RulesConfig = Object.freeze({
  closureDates: Object.freeze([]) as readonly IsoDate[],
  nonWorkingDayReceipt: "next_working_day",
  countFromAcknowledgement: "actual_when_known",
  calendarLimitOnNonWorkingDay: "calendar_date",
  timeZone: "Europe/London",
});

/** The default configuration with some choices overridden. */
export function rulesConfig(overrides: Partial<RulesConfig> = {}): RulesConfig {
  return Object.freeze({ ...DEFAULT_RULES_CONFIG, ...overrides });
}
