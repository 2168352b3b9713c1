import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

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
});
