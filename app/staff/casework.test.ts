import { describe, expect, it } from "vitest";
import { actionsFor } from "./casework";

describe("actionsFor", () => {
  it("offers accepting at triage, acknowledging once accepted, and responding while investigated", () => {
    expect(actionsFor("triage")).toEqual(["accept"]);
    expect(actionsFor("awaiting_acknowledgement")).toEqual(["acknowledge"]);
    expect(actionsFor("investigating")).toEqual(["respond"]);
  });
  it("offers nothing on a complaint responded to, closed or withdrawn", () => {
    expect(actionsFor("responded")).toEqual([]);
    expect(actionsFor("closed")).toEqual([]);
    expect(actionsFor("withdrawn")).toEqual([]);
  });
});
