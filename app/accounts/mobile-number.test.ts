import { describe, expect, it } from "vitest";
import { ukMobileNumber } from "./mobile-number";

describe("UK mobile numbers for sign-in texts", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["0044 7700-900-123", "+447700900123"],
    ["07700.900.123", "+447700900123"],
  ])("reads %s as %s", (typed, expected) => {
    expect(ukMobileNumber(typed)).toBe(expected);
  });

  it.each(["024 7683 3333", "+33 6 12 34 56 78", "0770090012", "077009001234", "", "seven seven"])("sends no text to %j", (typed) => {
    expect(ukMobileNumber(typed)).toBeNull();
  });
});
