import { describe, expect, it } from "vitest";
import { categoriesOf, EQUALITY_CHARACTERISTICS } from "~/reports/equality-report";
import file from "./population-shares.json";
import { populationShare, readPopulationShares } from "./population-shares";

describe("Coventry's population shares", () => {
  it("has a place for every answer the report counts, and the committed file invents no figure", () => {
    const shares = readPopulationShares(file);
    for (const characteristic of EQUALITY_CHARACTERISTICS) {
      for (const category of categoriesOf(characteristic).filter((each) => each !== "prefer_not_to_say")) {
        expect(shares.shares[characteristic]).toHaveProperty(category);
        expect(populationShare(characteristic, category)).toBeNull();
      }
    }
  });

  it("takes the council's figures and refuses a mistyped file", () => {
    const filled = structuredClone(file) as { shares: Record<string, Record<string, number | null>> };
    filled.shares.sex!.female = 51.2;
    expect(readPopulationShares(filled).shares.sex.female).toBe(51.2);
    expect(() => readPopulationShares({ ...filled, shares: { ...filled.shares, sex: { female: 51.2, male: 48.8, other: 1 } } })).toThrow();
    expect(() => readPopulationShares({ ...filled, shares: { ...filled.shares, sex: { female: 151, male: 48.8 } } })).toThrow();
    const { religion: _left, ...withoutReligion } = filled.shares;
    expect(() => readPopulationShares({ ...filled, shares: withoutReligion })).toThrow();
  });
});
