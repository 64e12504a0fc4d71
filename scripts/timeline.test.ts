import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function timeline(input: string) {
  const result = spawnSync("npx", ["--no-install", "tsx", "scripts/timeline.ts"], { cwd: root, input, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^npm warn .*\n/gm, "") };
}

const example = {
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

function expectInvalid(input: string, mentions: RegExp) {
  const result = timeline(input);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(mentions);
}

describe("npm run timeline", () => {
  it("prints the due dates of a corporate case as one JSON object", () => {
    const result = timeline(JSON.stringify(example));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      dayZero: "2026-11-30",
      triageBy: "2026-12-01",
      informalResolutionBy: "2026-12-03",
      acknowledgeBy: "2026-12-07",
      stage1ResponseBy: "2027-01-04",
      stage2RequestBy: "2027-01-15",
      stage2LateRequestBy: "2027-06-15",
      stage2AcknowledgeBy: "2027-01-05",
      stage2ResponseBy: "2027-01-27",
    });
  });

  it("prints the review panel dates of a children's case", () => {
    const result = timeline(
      JSON.stringify({
        pathway: "childrens",
        events: [
          { type: "received", date: "2026-01-05" },
          { type: "acknowledged", date: "2026-01-07" },
          { type: "responded", stage: 1, date: "2026-01-20", outcome: "not_upheld" },
          { type: "escalation_requested", stage: 2, date: "2026-01-22" },
          { type: "acknowledged", stage: 2, date: "2026-01-26" },
          { type: "responded", stage: 2, date: "2026-02-27", outcome: "partially_upheld" },
          { type: "escalation_requested", stage: 3, date: "2026-03-06" },
          { type: "acknowledged", stage: 3, date: "2026-03-09" },
          { type: "panel_held", stage: 3, date: "2026-04-14" },
          { type: "panel_reported", stage: 3, date: "2026-04-20" },
        ],
      }),
    );
    expect(result.status).toBe(0);
    const dates = JSON.parse(result.stdout);
    expect(dates).toMatchObject({
      acknowledgeBy: "2026-01-08",
      stage1ResponseBy: "2026-01-21",
      stage2RequestBy: "2026-02-17",
      stage2AcknowledgeBy: "2026-01-27",
      stage2ResponseBy: "2026-03-02",
      stage3RequestBy: "2026-03-27",
      stage3AcknowledgeBy: "2026-03-10",
      panelBy: "2026-04-22",
      panelReportBy: "2026-04-21",
      stage3ResponseBy: "2026-05-12",
    });
  });

  it("prints the adults' internal target and statutory limit, and nothing for Stage 2", () => {
    const result = timeline(JSON.stringify({ pathway: "adults", events: [{ type: "received", date: "2026-03-02" }] }));
    expect(result.status).toBe(0);
    const dates = JSON.parse(result.stdout);
    expect(dates).toMatchObject({ acknowledgeBy: "2026-03-05", stage1TargetBy: "2026-03-30", stage1ResponseBy: "2026-09-10" });
    expect(dates.stage2RequestBy).toBeUndefined();
  });

  it("accepts a withdrawn event", () => {
    const result = timeline(JSON.stringify({ ...example, events: [...example.events, { type: "withdrawn", date: "2027-01-05" }] }));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).stage2ResponseBy).toBe("2027-01-27");
  });

  it("works through npm run --silent timeline", () => {
    const result = spawnSync("npm", ["run", "--silent", "timeline"], { cwd: root, input: JSON.stringify(example), encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).stage2ResponseBy).toBe("2027-01-27");
  });

  it("rejects text that is not JSON", () => {
    expectInvalid("{pathway: corporate", /not valid JSON/);
  });

  it("rejects empty input", () => {
    expectInvalid("", /not valid JSON/);
  });

  it("rejects an unknown pathway", () => {
    expectInvalid(JSON.stringify({ ...example, pathway: "housing" }), /pathway: unknown pathway "housing"/);
  });

  it("rejects a date that does not exist", () => {
    expectInvalid(JSON.stringify({ pathway: "corporate", events: [{ type: "received", date: "2026-02-30" }] }), /events\[0\]\.date: "2026-02-30" is not a real calendar date/);
  });

  it("sets aside events for stages the pathway does not have, naming them on stderr, as in the issue's example", () => {
    const withPanel = {
      ...example,
      events: [...example.events, { type: "panel_held", stage: 3, date: "2027-03-01" }, { type: "panel_reported", stage: 3, date: "2027-03-05" }],
    };
    const result = timeline(JSON.stringify(withPanel));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(timeline(JSON.stringify(example)).stdout));
    expect(result.stderr).toMatch(/ignored events\[6\] \(panel_held\): the corporate pathway has no Stage 3/);
    expect(result.stderr).toMatch(/ignored events\[7\] \(panel_reported\)/);
  });

  it("rejects an extension beyond the maximum", () => {
    const events = [example.events[0], { type: "extended", stage: 1, days: 11, reason: "complex" }];
    expectInvalid(JSON.stringify({ pathway: "corporate", events }), /events\[1\]: .*beyond the corporate maximum of 10/);
  });

  it("rejects a case without a received event", () => {
    expectInvalid(JSON.stringify({ ...example, events: example.events.slice(1) }), /there is no received event/);
  });

  it("sets aside a Stage 2 request on the adults' pathway, which ends at Stage 1", () => {
    const events = [example.events[0], { type: "responded", stage: 1, date: "2026-12-01", outcome: "upheld" }, { type: "escalation_requested", stage: 2, date: "2026-12-02" }];
    const result = timeline(JSON.stringify({ pathway: "adults", events }));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/ignored events\[2\] \(escalation_requested\): the adults pathway has no Stage 2/);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("stage2AcknowledgeBy");
  });

  it("still rejects a bad date, even in an event it would set aside", () => {
    const events = [...example.events, { type: "panel_held", stage: 3, date: "2027-02-30" }];
    expectInvalid(JSON.stringify({ ...example, events }), /events\[6\]\.date: "2027-02-30" is not a real calendar date/);
  });
});
