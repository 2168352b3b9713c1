import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, PERMISSIONS, type Permission } from "./policy";
import { ROLES } from "./roles";
import type { SessionUser } from "./types";

function user(roles: Role[], extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 1, username: "u", displayName: "U", roles, unitId: 1, unitName: "单位", unitKind: "BIANBAN",
    unitParentId: null, jointMeetingMember: false, mustChangePassword: false, ...extra,
  };
}

describe("can", () => {
  it("refuses everything to a signed-out visitor", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(null, p)).toBe(false);
  });

  it("grants admin pages only to 编办 admins", () => {
    for (const role of ROLES) {
      const u = user([role]);
      expect(can(u, "user.manage")).toBe(role === "BIANBAN_ADMIN");
      expect(can(u, "unit.manage")).toBe(role === "BIANBAN_ADMIN");
      expect(can(u, "audit.read")).toBe(role === "BIANBAN_ADMIN" || role === "BIANBAN_STAFF");
    }
  });

  it("matches the permission table for every role and permission", () => {
    for (const role of ROLES) {
      for (const [permission, roles] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
        expect(can(user([role]), permission), `${role} ${permission}`).toBe(roles.includes(role));
      }
    }
  });

  it("lets an account that must change its password do nothing else", () => {
    const u = user(["BIANBAN_ADMIN"], { mustChangePassword: true });
    expect(can(u, "account.changePassword")).toBe(true);
    expect(can(u, "workspace.view")).toBe(false);
    expect(can(u, "user.manage")).toBe(false);
  });

  it("stops an admin from managing their own account (no self-lockout)", () => {
    const admin = user(["BIANBAN_ADMIN"], { id: 7 });
    expect(can(admin, "user.manage", { type: "user", id: 7 })).toBe(false);
    expect(can(admin, "user.manage", { type: "user", id: 8 })).toBe(true);
  });

  it("shows draft editions only to 编办 and allows editing only drafts", () => {
    const staff = user(["BIANBAN_STAFF"]);
    const dept = user(["DEPARTMENT"], { unitKind: "DEPARTMENT" });
    expect(can(dept, "catalogue.read", { type: "edition", status: "ISSUED" })).toBe(true);
    expect(can(dept, "catalogue.read", { type: "edition", status: "DRAFT" })).toBe(false);
    expect(can(staff, "catalogue.read", { type: "edition", status: "DRAFT" })).toBe(true);
    expect(can(staff, "catalogue.edit", { type: "edition", status: "DRAFT" })).toBe(true);
    expect(can(staff, "catalogue.edit", { type: "edition", status: "ISSUED" })).toBe(false);
    expect(can(dept, "catalogue.edit", { type: "edition", status: "DRAFT" })).toBe(false);
  });
});
