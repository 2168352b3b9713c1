import { describe, expect, it } from "vitest";
import { appraisalRoundInArea, appraisedDuties, inRoundArea } from "./scope";
import { roundInArea } from "@/lib/evaluation/policy";

const district = { area: { districtId: 10, unitIds: [10, 11, 13, 100] } };
const city = { area: null };

describe("rounds of a district", () => {
  it("lets a district 编办 run its own district's rounds only, and the city 编办 every round", () => {
    for (const runs of [appraisalRoundInArea, roundInArea]) {
      expect(runs(district, { areaUnitId: 10 })).toBe(true);
      expect(runs(district, { areaUnitId: 20 })).toBe(false);
      expect(runs(district, { areaUnitId: null })).toBe(false);
      expect(runs(city, { areaUnitId: 20 })).toBe(true);
      expect(runs(city, { areaUnitId: null })).toBe(true);
    }
  });

  it("appraises a district round's own units' duties, and every unit's in the city's round", () => {
    expect(inRoundArea({ areaUnitId: null })).toEqual({});
    expect(inRoundArea({ areaUnitId: 10 })).toEqual({ OR: [{ id: 10 }, { parentId: 10 }, { parent: { parentId: 10 } }] });
    expect(appraisedDuties({ admittedBefore: null, areaUnitId: 10 })).toMatchObject({ active: true, unit: inRoundArea({ areaUnitId: 10 }) });
    expect(appraisedDuties({ admittedBefore: null })).not.toHaveProperty("unit");
  });
});
