// `npx tsx scripts/bench-timeline.ts [--validate]`: computes the timelines of 100,000 varied cases,
// generated deterministically over all three pathways, and prints the elapsed time.
// With --validate the cases are first parsed with the zod case schema as the web app would.
import { performance } from "node:perf_hooks";
import { parseCaseInput } from "../app/rules/case-input";
import { addCalendarDays, fromDayNumber, toDayNumber } from "../app/rules/calendar-dates";
import type { CaseEvent } from "../app/rules/complaint-events";
import { computeTimeline, type TimelineCase } from "../app/rules/complaint-timeline";
import type { Pathway } from "../app/rules/timescales";
import { calendarFor } from "../app/rules/working-days";

const CASES = 100_000;
const validate = process.argv.includes("--validate");

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const next = random(20_250_301);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const chance = (p: number) => next() < p;
const FIRST = toDayNumber("2020-01-01");
const LAST = toDayNumber("2030-06-30");
const OUTCOMES = ["upheld", "partially_upheld", "not_upheld"] as const;
const PATHWAYS: Pathway[] = ["corporate", "childrens", "adults"];

function generateCase(): TimelineCase {
  const pathway = PATHWAYS[int(0, 2)] as Pathway;
  let date = fromDayNumber(int(FIRST, LAST));
  const later = (min: number, max: number) => (date = addCalendarDays(date, int(min, max)));
  const events: CaseEvent[] = [{ type: "received", date }];
  const outcome = () => OUTCOMES[int(0, 2)] as (typeof OUTCOMES)[number];
  // How far the case has got: 0 = just received … 9 = everything recorded.
  const progress = int(0, 9);
  const withdrawAt = chance(0.1) ? int(1, 9) : 99;
  const step = (n: number, event: () => CaseEvent | undefined): boolean => {
    if (n > progress) return false;
    if (n === withdrawAt) {
      events.push({ type: "withdrawn", date: later(0, 10) });
      return false;
    }
    const e = event();
    if (e) events.push(e);
    return true;
  };

  if (!step(1, () => (chance(0.9) ? { type: "acknowledged", stage: 1, date: later(0, 7) } : undefined))) return { pathway, events };
  if (pathway === "adults") {
    if (chance(0.1)) events.push({ type: "extended", stage: 1, agreedDate: addCalendarDays(date, 300), reason: "awaiting NHS records" });
    step(2, () => ({ type: "responded", stage: 1, date: later(5, 150), outcome: outcome() }));
    return { pathway, events };
  }
  if (chance(0.3)) events.push({ type: "extended", stage: 1, days: int(1, 10), reason: "complex" });
  if (!step(2, () => ({ type: "responded", stage: 1, date: later(5, 30), outcome: outcome() }))) return { pathway, events };
  if (!step(3, () => ({ type: "escalation_requested", stage: 2, date: later(0, 40) }))) return { pathway, events };
  if (!step(4, () => (chance(0.9) ? { type: "acknowledged", stage: 2, date: later(0, 7) } : undefined))) return { pathway, events };
  if (chance(0.3)) events.push({ type: "extended", stage: 2, days: int(1, pathway === "corporate" ? 20 : 40), reason: "complex" });
  if (!step(5, () => ({ type: "responded", stage: 2, date: later(10, 80), outcome: outcome() }))) return { pathway, events };
  if (pathway === "corporate") return { pathway, events };
  if (!step(6, () => ({ type: "escalation_requested", stage: 3, date: later(0, 30) }))) return { pathway, events };
  if (!step(7, () => (chance(0.9) ? { type: "acknowledged", stage: 3, date: later(0, 4) } : undefined))) return { pathway, events };
  if (!step(8, () => ({ type: "panel_held", stage: 3, date: later(10, 50) }))) return { pathway, events };
  if (!step(9, () => ({ type: "panel_reported", stage: 3, date: later(1, 8) }))) return { pathway, events };
  if (chance(0.7)) events.push({ type: "responded", stage: 3, date: later(5, 25), outcome: outcome() });
  return { pathway, events };
}

const cases: TimelineCase[] = Array.from({ length: CASES }, generateCase);
const today = "2026-06-15";

let started = performance.now();
calendarFor();
const indexMs = performance.now() - started;

let inputs: readonly TimelineCase[] = cases;
let validateMs = 0;
if (validate) {
  started = performance.now();
  inputs = cases.map((c) => {
    const parsed = parseCaseInput(JSON.parse(JSON.stringify(c)));
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    return parsed.value;
  });
  validateMs = performance.now() - started;
}

/** One pass over every case; returns the wall-clock and CPU milliseconds it took. */
function round(): { wallMs: number; cpuMs: number; dueDates: number; failures: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let dueDates = 0;
  let failures = 0;
  for (const input of inputs) {
    const result = computeTimeline(input, { today });
    if (result.ok) dueDates += result.timeline.dueDates.length;
    else failures++;
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, dueDates, failures };
}

const ROUNDS = 5;
const rounds = Array.from({ length: ROUNDS }, round);
const first = rounds[0] as ReturnType<typeof round>;
const best = rounds.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const perCase = (ms: number) => ((ms * 1000) / CASES).toFixed(2);

const byPathway = PATHWAYS.map((p) => `${p} ${cases.filter((c) => c.pathway === p).length}`).join(", ");
console.log(`cases: ${CASES} (${byPathway}); events: ${cases.reduce((n, c) => n + c.events.length, 0)}; due dates: ${first.dueDates}; invalid: ${first.failures}`);
console.log(`working-day index built in ${indexMs.toFixed(1)} ms`);
if (validate) console.log(`zod validation (parse + replay): ${validateMs.toFixed(0)} ms`);
console.log(`rounds (ms): ${rounds.map((r) => r.wallMs.toFixed(0)).join(", ")}`);
console.log(`first round: ${first.wallMs.toFixed(0)} ms wall, ${first.cpuMs.toFixed(0)} ms CPU (${perCase(first.wallMs)} µs per case)`);
console.log(`best round: ${best.wallMs.toFixed(0)} ms wall, ${best.cpuMs.toFixed(0)} ms CPU (${perCase(best.wallMs)} µs per case)`);
