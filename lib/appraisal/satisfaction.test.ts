import { describe, expect, it } from "vitest";
import { isFlagged, percent, satisfaction } from "./satisfaction";

describe("appraisal satisfaction", () => {
  it("is flagged at exactly half", () => {
    expect(satisfaction({ satisfied: 1, basic: 1, dissatisfied: 2 })).toBe(0.5);
    expect(isFlagged({ satisfied: 1, basic: 1, dissatisfied: 2 })).toBe(true);
    expect(isFlagged({ satisfied: 0, basic: 3, dissatisfied: 3 })).toBe(true);
  });
  it("is not flagged just above half", () => {
    expect(isFlagged({ satisfied: 2, basic: 1, dissatisfied: 2 })).toBe(false); // 60%
    expect(isFlagged({ satisfied: 50, basic: 1, dissatisfied: 50 })).toBe(false); // 50.5%
  });
  it("is flagged below half and never without ratings", () => {
    expect(isFlagged({ satisfied: 0, basic: 1, dissatisfied: 3 })).toBe(true);
    expect(isFlagged({ satisfied: 0, basic: 0, dissatisfied: 0 })).toBe(false);
    expect(satisfaction({ satisfied: 0, basic: 0, dissatisfied: 0 })).toBeNull();
    expect(percent(2 / 3)).toBe("66.7%");
  });
});
