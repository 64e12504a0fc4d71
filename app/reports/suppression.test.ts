import { describe, expect, it } from "vitest";
import { type Line, suppressedCells } from "./suppression";
import { whatCanBeWorkedOut } from "./test-support/worked-out";

describe("small-number suppression", () => {
  it("hides every figure under 5, nought included, and shows the rest when no line gives them away", () => {
    // Two independent cells, no lines between them.
    expect(suppressedCells([4, 0, 5, 12], [])).toEqual([true, true, false, false]);
  });

  it("hides a second part so a total less the shown parts cannot give a hidden one", () => {
    // total 20 = 3 + 8 + 9: hiding only the 3 lets 20 - 8 - 9 give it; the 8 goes too.
    const hidden = suppressedCells([20, 3, 8, 9], [{ total: 0, parts: [1, 2, 3] }]);
    expect(hidden).toEqual([false, true, true, false]);
  });

  it("hides more when the hidden parts together still come to under 5", () => {
    // 14 = 1 + 2 + 5 + 6: hiding 1 and 2 would show they make 3 between them, so the 5 goes too.
    const hidden = suppressedCells([14, 1, 2, 5, 6], [{ total: 0, parts: [1, 2, 3, 4] }]);
    expect(hidden).toEqual([false, true, true, true, false]);
  });

  it("hides a total when it has no other part to hide", () => {
    // A process with a single service: the service's figure is the process's.
    expect(suppressedCells([3, 3], [{ total: 0, parts: [1] }])).toEqual([true, true]);
    // With two parts, hiding both is enough: 7 could be 2 + 5, 3 + 4, 0 + 7 …
    expect(suppressedCells([7, 2, 5], [{ total: 0, parts: [1, 2] }])).toEqual([false, true, true]);
  });

  it("carries hiding through crossing lines until every line is safe", () => {
    // A 2 x 2 table with margins:        a=3  b=10 | 13
    //                                    c=9  d=11 | 20
    //                                    12   21   | 33
    const values = [3, 10, 9, 11, 13, 20, 12, 21, 33];
    const lines: Line[] = [
      { total: 4, parts: [0, 1] },
      { total: 5, parts: [2, 3] },
      { total: 6, parts: [0, 2] },
      { total: 7, parts: [1, 3] },
      { total: 8, parts: [4, 5] },
      { total: 8, parts: [6, 7] },
    ];
    const hidden = suppressedCells(values, lines);
    expect(hidden.slice(0, 4)).toEqual([true, true, true, true]);
    const ranges = whatCanBeWorkedOut(values, hidden, lines);
    expect(ranges[0]![0]).toBeLessThan(ranges[0]![1]);
    expect(ranges[0]![1]).toBeGreaterThanOrEqual(5);
  });
});
