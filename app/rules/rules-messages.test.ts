import fc from "fast-check";
import i18next, { type i18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import rulesEn from "../../locales/en/rules.json";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";
import { fromDayNumber, toDayNumber } from "./calendar-dates";
import type { CaseEvent } from "./complaint-events";
import { computeTimeline, DUE_DATE_IDS, type DueStatus } from "./complaint-timeline";
import { ADVICE_CODES, EXCLUSIONS, NOTE_CODES, screenComplaint, SUBJECTS } from "./eligibility";
import { assessEscalationRequest, escalationWindow, ESCALATION_GROUNDS, LATE_ESCALATION_REASONS } from "./escalation";
import { checkExtension, EXTENSION_REFUSAL_CODES, extensionNotice } from "./extensions";
import { formatIsoDate, formatIsoDateList, RULES_NAMESPACE, type Explanation } from "./explanations";
import { OMBUDSMAN_REFERRAL_REASONS, ombudsmanReferral } from "./ombudsman";
import { rulesConfig } from "./rules-config";
import { TRANSITION_ERROR_CODES } from "./stage-machine";
import { ACKNOWLEDGEMENT_CONTENTS, OUTCOMES, REMEDIES, responseRequirements } from "./stage-outcomes";
import { PATHWAYS, type Pathway } from "./timescales";

let t: i18n;

beforeAll(async () => {
  t = i18next.createInstance();
  await t.init({
    lng: "en",
    fallbackLng: false,
    ns: [RULES_NAMESPACE],
    defaultNS: RULES_NAMESPACE,
    resources: { en: { [RULES_NAMESPACE]: rulesEn } },
    interpolation: { escapeValue: false },
  });
  t.services.formatter?.add("date", (value: string, lng: string | undefined) => formatIsoDate(value, lng ?? "en"));
  t.services.formatter?.add("dateList", (value: string[], lng: string | undefined) => formatIsoDateList(value, lng ?? "en"));
});

function render(explanation: Explanation): string {
  return t.t(explanation.key, { ...explanation.params, lng: "en-GB" } as Record<string, unknown>) as string;
}

function lookup(path: string): unknown {
  let node: unknown = rulesEn;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** The key, with its plural and context suffixes, must exist and interpolate every placeholder. */
function expectRenders(explanation: Explanation): void {
  const { context, count } = explanation.params;
  if (context !== undefined || count !== undefined) {
    const base = context === undefined ? explanation.key : `${explanation.key}_${String(context)}`;
    const suffixed = typeof count === "number" ? [`${base}_one`, `${base}_other`] : [base];
    for (const key of suffixed) expect(typeof lookup(key), key).toBe("string");
  }
  const text = render(explanation);
  expect(text, explanation.key).not.toBe(explanation.key);
  expect(text, explanation.key).not.toMatch(/\{\{|\}\}/);
  expect(text, explanation.key).not.toMatch(/undefined/);
}

function expectKey(key: string): void {
  expect(t.exists(key), key).toBe(true);
}

describe("the English rules catalogue (locales/en/rules.json)", () => {
  it("explains a due date with the count, the start date and the holidays skipped", () => {
    const result = computeTimeline({
      pathway: "corporate",
      events: [
        { type: "received", date: "2026-11-30" },
        { type: "acknowledged", stage: 1, date: "2026-12-02" },
        { type: "extended", stage: 1, days: 10, reason: "awaiting contractor records" },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const due = result.timeline.dueDates.find((d) => d.id === "stage1ResponseBy");
    expect(render(due?.explanation as Explanation)).toBe(
      "20 working days after the Stage 1 acknowledgement on 2 December 2026 (10 days plus an extension of 10); " +
        "25 December 2026, 28 December 2026 and 1 January 2027 are not working days",
    );
  });

  it("uses the singular for a single skipped holiday", () => {
    const result = computeTimeline({ pathway: "childrens", events: [{ type: "received", date: "2026-04-01" }] });
    if (!result.ok) throw new Error(result.error.message);
    const ack = result.timeline.dueDates.find((d) => d.id === "acknowledgeBy");
    expect(render(ack?.explanation as Explanation)).toBe(
      "3 working days after the complaint was received on 1 April 2026; 3 April 2026 and 6 April 2026 are not working days",
    );
    const triage = result.timeline.dueDates.find((d) => d.id === "triageBy");
    expect(render(triage?.explanation as Explanation)).toBe("1 working day after the complaint was received on 1 April 2026");
  });

  it("explains day zero moved from a weekend", () => {
    const result = computeTimeline({ pathway: "adults", events: [{ type: "received", date: "2026-03-07" }] });
    if (!result.ok) throw new Error(result.error.message);
    expect(render(result.timeline.dayZeroExplanation)).toBe(
      "Received on 7 March 2026, which is not a working day, so the next working day, 9 March 2026, counts as day zero.",
    );
  });

  it("gives the Ombudsman's contact details", () => {
    expect(render(ombudsmanReferral("final_response"))).toContain("lgo.org.uk, telephone 0300 061 0614, or write to Local Government and Social Care Ombudsman, PO Box 4771, Coventry, CV4 0EH");
  });

  it("has a sentence for every explanation a timeline can produce", () => {
    const pathway = fc.constantFrom<Pathway>(...PATHWAYS);
    fc.assert(
      fc.property(
        pathway,
        fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2030-06-30") }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.boolean(),
        (p, start, gaps, cut, extend, late) => {
          let day = start;
          const next = (i: number) => fromDayNumber((day += gaps[i] ?? 1));
          const events: CaseEvent[] = [{ type: "received", date: fromDayNumber(start) }];
          if (extend) events.push(p === "adults" ? { type: "extended", stage: 1, agreedDate: "2031-12-01", reason: "x" } : { type: "extended", stage: 1, days: 3, reason: "x" });
          if (!late) events.push({ type: "acknowledged", stage: 1, date: next(0) });
          events.push({ type: "responded", stage: 1, date: next(1), outcome: "upheld" });
          if (p !== "adults") {
            events.push({ type: "escalation_requested", stage: 2, date: next(2) });
            if (extend) events.push({ type: "extended", stage: 2, days: 5, reason: "x" });
            if (!late) events.push({ type: "acknowledged", stage: 2, date: next(3) });
            events.push({ type: "responded", stage: 2, date: next(4), outcome: "not_upheld" });
          }
          if (p === "childrens") {
            events.push({ type: "escalation_requested", stage: 3, date: next(5) });
            if (!late) events.push({ type: "acknowledged", stage: 3, date: next(6) });
            events.push({ type: "panel_held", stage: 3, date: next(7) });
            events.push({ type: "panel_reported", stage: 3, date: next(8) });
            events.push({ type: "responded", stage: 3, date: next(9), outcome: "partially_upheld" });
          }
          const config = rulesConfig({ calendarLimitOnNonWorkingDay: late ? "next_working_day" : "calendar_date" });
          const result = computeTimeline({ pathway: p, events: events.slice(0, cut) }, { config });
          if (!result.ok) throw new Error(result.error.message);
          expectRenders(result.timeline.dayZeroExplanation);
          for (const due of result.timeline.dueDates) expectRenders(due.explanation);
          if (result.timeline.ombudsman) expectRenders(result.timeline.ombudsman.referral);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("has a label for every due date and status", () => {
    for (const id of DUE_DATE_IDS) expectKey(`timeline.dueDate.${id}`);
    const statuses: DueStatus[] = ["met", "missed", "pending", "closed", "cancelled", "untracked"];
    for (const status of statuses) expectKey(`timeline.status.${status}`);
  });

  it("has every eligibility sentence", () => {
    for (const code of ADVICE_CODES) {
      for (const part of ["reason", "goTo", "sendAnyway"]) expectKey(`eligibility.advice.${code}.${part}`);
    }
    for (const code of NOTE_CODES) expectKey(`eligibility.note.${code}`);
    for (const subject of SUBJECTS) expectKey(`eligibility.subject.${subject}`);
    for (const exclusion of EXCLUSIONS) expectKey(`eligibility.exclusion.${exclusion}`);
    expectKey("eligibility.canStillSend");
    expectKey("eligibility.decision.accept");
    expectKey("eligibility.decision.advise");
  });

  it("renders the advice a screening gives", () => {
    const result = screenComplaint({
      serviceAreaPathway: "corporate",
      firstReport: true,
      subject: "hate_crime_not_council_service",
      happenedOn: "2024-01-10",
      today: "2026-03-01",
      courtOrTribunalProceedings: false,
      onBehalfOfSomeoneElse: true,
    });
    for (const item of result.advice) {
      for (const key of [item.reasonKey, item.goToKey, item.sendAnywayKey]) expectRenders({ key, params: item.params });
    }
    for (const item of result.advice) {
      for (const destination of item.destinations) {
        const params: Record<string, string> = { service: "Parking" };
        if ("telephone" in destination) params.telephone = destination.telephone;
        expectRenders({ key: `eligibility.destination.${destination.name}`, params });
      }
    }
    const hateCrime = result.advice.find((item) => item.code === "hate_crime_not_council_service")!;
    expect(hateCrime.destinations.map((destination) => render({ key: `eligibility.destination.${destination.name}`, params: "telephone" in destination ? { telephone: destination.telephone } : {} }))).toEqual([
      "Call the police on 101 (when it is not an emergency)",
      "Call the Community Safety team on 024 7683 2118",
    ]);
    for (const note of result.notes) expectRenders({ key: note.key, params: note.params });
    expect(render({ key: "eligibility.advice.out_of_time.reason", params: result.advice[2]?.params ?? {} })).toContain("10 January 2024");
  });

  it("has every acknowledgement label", () => {
    for (const item of ACKNOWLEDGEMENT_CONTENTS) expectKey(`acknowledgement.${item}`);
  });

  it("has a message for every transition error and extension refusal", () => {
    for (const code of TRANSITION_ERROR_CODES) expectKey(`transitionError.${code}`);
    expectKey("transitionError.extension_not_later");
    for (const code of EXTENSION_REFUSAL_CODES) expectKey(`extensions.refused.${code}`);
  });

  it("renders extension refusals and notices", () => {
    const refused = checkExtension({ pathway: "corporate", stage: 2, days: 25, reason: "x" });
    if (refused.ok) throw new Error("expected a refusal");
    expect(render(refused.refusal.explanation)).toBe(
      "An extension of 25 working days is not possible: at Stage 2 the response can be extended by 20 working days at most, and 20 are left.",
    );
    const notice = extensionNotice("corporate", 1, "2027-01-04", "awaiting contractor records");
    expect(render(notice.explanation)).toBe("We need more time to respond at Stage 1 because: awaiting contractor records. We will now respond by 4 January 2027.");
  });

  it("renders every escalation assessment and window", () => {
    for (const requestedOn of ["2027-01-10", "2027-03-01", "2027-08-01"]) {
      expectRenders(assessEscalationRequest("corporate", 1, "2026-12-15", requestedOn).explanation);
    }
    expectRenders(assessEscalationRequest("childrens", 1, "2026-12-15", "2027-08-01").explanation);
    expectRenders(assessEscalationRequest("adults", 1, "2026-12-15", "2027-01-01").explanation);
    expectRenders(escalationWindow("corporate", 1, "2026-12-15")?.lateRequestByExplanation as Explanation);
    for (const ground of ESCALATION_GROUNDS) expectKey(`escalation.grounds.${ground}`);
    for (const reason of LATE_ESCALATION_REASONS) expectKey(`escalation.lateReasons.${reason}`);
  });

  it("has every Ombudsman referral, outcome, remedy, pathway, stage and bank holiday name", () => {
    for (const reason of OMBUDSMAN_REFERRAL_REASONS) expectRenders(ombudsmanReferral(reason));
    for (const outcome of OUTCOMES) expectKey(`outcomes.${outcome}`);
    expectRenders(responseRequirements("corporate", 1, "upheld").nextStep);
    for (const remedy of REMEDIES) expectKey(`remedies.${remedy}`);
    for (const pathway of PATHWAYS) expectKey(`pathway.${pathway}`);
    expectKey("stage.childrens.3");
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) expectKey(`bankHoliday.${holiday.name}`);
    expect(t.t("bankHoliday.substitute", { name: t.t("bankHoliday.boxing_day") })).toBe("Boxing Day (substitute day)");
  });
});
