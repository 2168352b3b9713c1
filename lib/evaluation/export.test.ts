import { describe, expect, it } from "vitest";
import { indicatorCells } from "./export";

describe("the results export", () => {
  it("writes 不适用 for a dispatch indicator that did not apply, figures otherwise", () => {
    expect(indicatorCells({ name: "派单", mean: null, weighted: 0, applicable: false })).toEqual(["不适用", "不适用"]);
    expect(indicatorCells({ name: "甲", mean: 80.456, weighted: 20.114 })).toEqual([80.46, 20.11]);
  });
});
