import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("takes a uuid in either case and nothing else", () => {
    expect(isUuid("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isUuid("0F8FAD5B-D9CB-469F-A165-70867728950E")).toBe(true);
    for (const value of ["", "0f8fad5b", "0f8fad5b-d9cb-469f-a165-70867728950e' or 1=1", undefined, 42]) expect(isUuid(value)).toBe(false);
  });
});
