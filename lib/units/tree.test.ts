import { describe, expect, it } from "vitest";
import { flattenTree, placementProblem, wouldCreateCycle } from "./tree";

describe("org tree", () => {
  const units = [
    { id: 1, parentId: null, kind: "CITY" as const, name: "市", sortOrder: 1 },
    { id: 3, parentId: 1, kind: "DISTRICT" as const, name: "乙区", sortOrder: 2 },
    { id: 2, parentId: 1, kind: "DISTRICT" as const, name: "甲区", sortOrder: 1 },
    { id: 4, parentId: 2, kind: "STREET" as const, name: "街道", sortOrder: 1 },
    { id: 5, parentId: 4, kind: "COMMUNITY" as const, name: "社区", sortOrder: 1 },
  ];

  it("flattens depth-first in sort order", () => {
    expect(flattenTree(units).map((u) => [u.id, u.depth])).toEqual([[1, 0], [2, 1], [4, 2], [5, 3], [3, 1]]);
  });

  it("detects moves under oneself or a descendant", () => {
    expect(wouldCreateCycle(units, 2, 5)).toBe(true);
    expect(wouldCreateCycle(units, 2, 2)).toBe(true);
    expect(wouldCreateCycle(units, 4, 3)).toBe(false);
    expect(wouldCreateCycle(units, 2, null)).toBe(false);
  });

  it("keeps kinds in their places", () => {
    expect(placementProblem("COMMUNITY", "STREET")).toBeNull();
    expect(placementProblem("COMMUNITY", "DISTRICT")).toBe("社区（村）只能设在街道或乡镇之下");
    expect(placementProblem("CITY", null)).toBeNull();
    expect(placementProblem("DEPARTMENT", null)).toBe("部门只能设在市或区（县）之下");
  });
});
