import { describe, expect, it } from "vitest";
import { workingCalendar } from "~/rules/working-days";
import type { IsoDate } from "~/rules/calendar-dates";
import { NO_FILTERS, queueFiltersFrom, queueQuery, urgencyOf } from "./queue";

const calendar = workingCalendar();
const day = (date: string) => date as IsoDate;

describe("urgencyOf", () => {
  // Wednesday 2 December 2026: two working days on is Friday 4 December.
  const today = day("2026-12-02");
  it("marks a date already past as overdue", () => {
    expect(urgencyOf(day("2026-12-01"), today, calendar)).toBe("overdue");
  });
  it("marks today and the next two working days as due soon", () => {
    expect(urgencyOf(today, today, calendar)).toBe("due_soon");
    expect(urgencyOf(day("2026-12-04"), today, calendar)).toBe("due_soon");
    expect(urgencyOf(day("2026-12-07"), today, calendar)).toBe("on_track");
  });
  it("counts working days, not calendar days, over a weekend", () => {
    // Friday 4 December: two working days on is Tuesday 8 December.
    expect(urgencyOf(day("2026-12-08"), day("2026-12-04"), calendar)).toBe("due_soon");
    expect(urgencyOf(day("2026-12-09"), day("2026-12-04"), calendar)).toBe("on_track");
  });
  it("counts a bank holiday as no working day", () => {
    // Wednesday 23 December: the 25th and 28th are bank holidays, so two working days on is Tuesday 29 December.
    expect(urgencyOf(day("2026-12-29"), day("2026-12-23"), calendar)).toBe("due_soon");
  });
  it("has nothing due without a date", () => {
    expect(urgencyOf(null, today, calendar)).toBe("none");
  });
});

describe("queueFiltersFrom", () => {
  it("keeps a search, a known process, stage, service area, open status and decision waiting; drops anything else", () => {
    const officer = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(queueFiltersFrom(new URLSearchParams(`q=%20Begum%20&pathway=childrens&status=investigating&stage=2&service=housing&officer=${officer}&awaiting=late_request`), ["housing"], [officer])).toEqual({
      search: "Begum", pathway: "childrens", status: "investigating", stage: "2", service: "housing", officer, awaiting: "late_request",
    });
    expect(queueFiltersFrom(new URLSearchParams("pathway=housing&status=closed&stage=4&service=moon&officer=someone&awaiting=coffee"), ["housing"], [officer])).toEqual(NO_FILTERS);
  });
  it("writes the address of a page with only the filters set", () => {
    expect(queueQuery({ ...NO_FILTERS, search: "Begum", stage: "2" }, 3)).toBe("q=Begum&stage=2&page=3");
  });
});
