import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { typedListSubjectOf } from "./policy";
import { parseStageLine, parseStoredStages } from "./schema";

function user(roles: Role[], extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 1, username: "u", displayName: "U", roles, unitId: 10, unitName: "单位", unitKind: "STREET",
    unitParentId: null, jointMeetingMember: false, mustChangePassword: false, ...extra,
  };
}
const list = (unitId: number) => ({ type: "typedList", unitId }) as const;

describe("typed lists (各类清单)", () => {
  it("a street or community reads, drafts and submits its own unit's list only; never reviews or publishes", () => {
    for (const role of ["STREET", "COMMUNITY"] as const) {
      const u = user([role]);
      expect(can(u, "typedList.read", list(10))).toBe(true);
      expect(can(u, "typedList.edit", list(10))).toBe(true);
      expect(can(u, "typedList.read", list(11))).toBe(false);
      expect(can(u, "typedList.edit", list(11))).toBe(false);
      expect(can(u, "typedList.review", list(10))).toBe(false);
      expect(can(u, "typedList.publish", list(10))).toBe(false);
    }
  });

  it("a district 编办 does everything to its district's lists and nothing to the others; the types stay the city's", () => {
    const d = user(["BIANBAN_ADMIN"], { unitKind: "BIANBAN", unitId: 1, area: { districtId: 2, unitIds: [2, 10] } });
    for (const p of ["typedList.read", "typedList.edit", "typedList.review", "typedList.publish"] as const) {
      expect(can(d, p, list(10)), p).toBe(true);
      expect(can(d, p, list(20)), p).toBe(false);
    }
    expect(can(d, "listType.manage")).toBe(false);
    expect(can(user(["BIANBAN_ADMIN"], { unitKind: "BIANBAN" }), "listType.manage")).toBe(true);
  });

  it("a leader reads every list and changes none; a department has no typed lists", () => {
    const l = user(["LEADER"]);
    expect(can(l, "typedList.read", list(20))).toBe(true);
    expect(can(l, "typedList.edit", list(20))).toBe(false);
    const dep = user(["DEPARTMENT"], { unitKind: "DEPARTMENT", unitId: 20 });
    expect(can(dep, "typedList.read", list(20))).toBe(false);
  });

  it("a unit a type's stage names reads that type's lists and reviews its own stage only; 编办 reviews the other stages", () => {
    const sifa = user(["REVIEWER"], { unitKind: "DEPARTMENT", unitId: 30 });
    const bianban = user(["BIANBAN_STAFF"], { unitKind: "BIANBAN", unitId: 1 });
    const atLegality = { type: "typedList", unitId: 10, reviewerUnitIds: [30], currentReviewerUnitId: 30 } as const;
    const atBianban = { type: "typedList", unitId: 10, reviewerUnitIds: [30], currentReviewerUnitId: null } as const;
    expect(can(sifa, "typedList.read", atLegality)).toBe(true);
    expect(can(sifa, "typedList.review", atLegality)).toBe(true);
    expect(can(bianban, "typedList.review", atLegality)).toBe(false);
    expect(can(sifa, "typedList.review", atBianban)).toBe(false);
    expect(can(bianban, "typedList.review", atBianban)).toBe(true);
    expect(can(sifa, "typedList.edit", atLegality)).toBe(false);
    expect(can(sifa, "typedList.publish", atLegality)).toBe(false);
    // Another department, or a type that does not name 司法局: nothing.
    expect(can(user(["DEPARTMENT"], { unitKind: "DEPARTMENT", unitId: 31 }), "typedList.read", atLegality)).toBe(false);
    expect(can(sifa, "typedList.read", { type: "typedList", unitId: 10, reviewerUnitIds: [] })).toBe(false);
  });

  it("reads stage lines and stored stages: a name alone (or「：编办」) is 编办's stage", () => {
    expect(parseStageLine("编办审核")).toEqual({ name: "编办审核", unitName: null });
    expect(parseStageLine("合法性审查：示例市司法局")).toEqual({ name: "合法性审查", unitName: "示例市司法局" });
    expect(parseStageLine("会签: 编办")).toEqual({ name: "会签", unitName: null });
    expect(parseStoredStages(["编办审核", { name: "合法性审查", unitId: 30 }, 7])).toEqual([
      { name: "编办审核", unitId: null },
      { name: "合法性审查", unitId: 30 },
    ]);
    expect(typedListSubjectOf({ unitId: 10, status: "IN_REVIEW", stageIndex: 1, type: { stages: ["编办审核", { name: "合法性审查", unitId: 30 }] } })).toEqual({
      type: "typedList",
      unitId: 10,
      reviewerUnitIds: [30],
      currentReviewerUnitId: 30,
    });
    expect(typedListSubjectOf({ unitId: 10, status: "DRAFT", stageIndex: 0, type: { stages: [{ name: "合法性审查", unitId: 30 }] } })).not.toHaveProperty("currentReviewerUnitId");
  });
});
