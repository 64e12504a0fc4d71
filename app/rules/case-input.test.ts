import { describe, expect, it } from "vitest";
import { caseInputSchema, parseCaseInput } from "./case-input";

const valid = {
  pathway: "corporate",
  events: [
    { type: "received", date: "2026-11-30" },
    { type: "acknowledged", date: "2026-12-02" },
    { type: "extended", stage: 1, days: 10, reason: "awaiting contractor records" },
    { type: "responded", stage: 1, date: "2026-12-15", outcome: "partially_upheld" },
    { type: "escalation_requested", stage: 2, date: "2026-12-24" },
    { type: "acknowledged", stage: 2, date: "2026-12-29" },
  ],
};

function errorsOf(raw: unknown): readonly string[] {
  const result = parseCaseInput(raw);
  return result.ok ? [] : result.errors;
}

describe("the case input schema", () => {
  it("accepts the example case", () => {
    expect(parseCaseInput(valid).ok).toBe(true);
  });

  it("reads an acknowledgement without a stage as Stage 1", () => {
    const result = parseCaseInput(valid);
    expect(result.ok && result.value.events[1]).toEqual({ type: "acknowledged", stage: 1, date: "2026-12-02" });
  });

  it("accepts a withdrawal", () => {
    expect(parseCaseInput({ pathway: "adults", events: [valid.events[0], { type: "withdrawn", date: "2026-12-01" }] }).ok).toBe(true);
  });

  it("accepts an optional today", () => {
    const result = parseCaseInput({ ...valid, today: "2027-01-10" });
    expect(result.ok && result.value.today).toBe("2027-01-10");
  });

  it("is a zod schema the web app can reuse", () => {
    expect(caseInputSchema.safeParse(valid).success).toBe(true);
  });

  it("rejects a value that is not an object", () => {
    expect(errorsOf([1, 2])).toEqual(['a case is a JSON object with "pathway" and "events"']);
  });

  it("names an unknown pathway", () => {
    expect(errorsOf({ ...valid, pathway: "housing" })).toEqual(['pathway: unknown pathway "housing" (expected corporate, childrens, adults)']);
  });

  it("names a date that does not exist", () => {
    expect(errorsOf({ ...valid, events: [{ type: "received", date: "2026-02-30" }] })).toEqual([
      'events[0].date: "2026-02-30" is not a real calendar date written YYYY-MM-DD',
    ]);
  });

  it("names a date in the wrong format", () => {
    expect(errorsOf({ ...valid, events: [{ type: "received", date: "30/11/2026" }] })[0]).toMatch(/^events\[0\]\.date: "30\/11\/2026" is not/);
  });

  it("names an unknown event type", () => {
    expect(errorsOf({ ...valid, events: [...valid.events, { type: "appealed", date: "2027-01-01" }] })[0]).toMatch(
      /^events\[6\]\.type: unknown event type "appealed"/,
    );
  });

  it("names an unknown outcome", () => {
    expect(errorsOf({ ...valid, events: [valid.events[0], { type: "responded", stage: 1, date: "2026-12-01", outcome: "resolved" }] })[0]).toMatch(
      /^events\[1\]\.outcome: outcome must be one of upheld, partially_upheld, not_upheld/,
    );
  });

  it("names an extension without a reason", () => {
    expect(errorsOf({ ...valid, events: [valid.events[0], { type: "extended", stage: 1, days: 5 }] })).toEqual([
      "events[1].reason: an extension needs a reason (text)",
    ]);
  });

  it("names an extension of a fractional number of days", () => {
    expect(errorsOf({ ...valid, events: [valid.events[0], { type: "extended", stage: 1, days: 2.5, reason: "x" }] })[0]).toMatch(/^events\[1\]\.days: /);
  });

  it("names a missing received event", () => {
    expect(errorsOf({ ...valid, events: valid.events.slice(1) })).toEqual(["events: there is no received event"]);
  });

  it("names an event not valid for the pathway", () => {
    expect(errorsOf({ ...valid, events: [...valid.events, { type: "panel_held", stage: 3, date: "2027-03-01" }] })).toEqual([
      "events[6]: panel_held: review panels are only part of the childrens pathway, not corporate",
    ]);
  });

  it("names an extension beyond the maximum", () => {
    expect(errorsOf({ ...valid, events: [valid.events[0], { type: "extended", stage: 1, days: 15, reason: "x" }] })[0]).toMatch(
      /^events\[1\]: extended: an extension of 15 working days at stage 1 would make 15, beyond the corporate maximum of 10/,
    );
  });

  it("names events out of date order", () => {
    expect(errorsOf({ ...valid, events: [valid.events[0], { type: "acknowledged", date: "2026-11-29" }] })).toEqual([
      "events[1]: acknowledged on 2026-11-29 is earlier than the previous event on 2026-11-30",
    ]);
  });
});
