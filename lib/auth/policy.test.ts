import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, mayEnter, needsSubject, PERMISSIONS, type Permission, type Subject } from "./policy";
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
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      expect(mayEnter(null, p)).toBe(false);
      expect((can as (u: null, p: Permission, s?: Subject) => boolean)(null, p, { type: "user", id: 1 })).toBe(false);
    }
  });

  it("grants admin pages only to 编办 admins", () => {
    for (const role of ROLES) {
      const u = user([role]);
      expect(can(u, "user.create")).toBe(role === "BIANBAN_ADMIN");
      expect(can(u, "user.manage", { type: "user", id: 99 })).toBe(role === "BIANBAN_ADMIN");
      expect(can(u, "unit.manage")).toBe(role === "BIANBAN_ADMIN");
      expect(can(u, "audit.read")).toBe(role === "BIANBAN_ADMIN" || role === "BIANBAN_STAFF");
    }
  });

  it("matches the permission table for every role and permission", () => {
    for (const role of ROLES) {
      for (const [permission, entry] of Object.entries(PERMISSIONS) as [Permission, { roles: readonly Role[] }][]) {
        expect(mayEnter(user([role]), permission), `${role} ${permission}`).toBe(entry.roles.includes(role));
      }
    }
  });

  it("lets an account that must change its password do nothing else", () => {
    const u = user(["BIANBAN_ADMIN"], { mustChangePassword: true });
    expect(can(u, "account.changePassword")).toBe(true);
    expect(can(u, "workspace.view")).toBe(false);
    expect(mayEnter(u, "user.manage")).toBe(false);
  });

  it("stops an admin from managing their own account (no self-lockout)", () => {
    const admin = user(["BIANBAN_ADMIN"], { id: 7 });
    expect(can(admin, "user.manage", { type: "user", id: 7 })).toBe(false);
    expect(can(admin, "user.manage", { type: "user", id: 8 })).toBe(true);
  });

  it("shows draft editions only to 编办 and allows editing only drafts", () => {
    const staff = user(["BIANBAN_STAFF"]);
    const dept = user(["DEPARTMENT"], { unitKind: "DEPARTMENT" });
    const draft = { type: "edition", status: "DRAFT", areaUnitId: null } as const;
    expect(can(dept, "catalogue.read", { type: "edition", status: "ISSUED", areaUnitId: null })).toBe(true);
    expect(can(dept, "catalogue.read", draft)).toBe(false);
    expect(can(staff, "catalogue.read", draft)).toBe(true);
    expect(can(staff, "catalogue.edit", draft)).toBe(true);
    expect(can(dept, "catalogue.edit", draft)).toBe(false);
  });

  it("refuses a subject permission checked without its subject, or with another kind of subject", () => {
    const admin = user(["BIANBAN_ADMIN"]);
    const loose = can as (u: SessionUser, p: Permission, s?: Subject) => boolean;
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      if (!needsSubject(p)) continue;
      expect(loose(admin, p), p).toBe(false);
    }
    expect(loose(admin, "dispatch.read", { type: "user", id: 2 })).toBe(false);
    expect(loose(admin, "list.publish", { type: "adjustment", listUnitId: 1, published: true, applicantUnitId: null, status: null })).toBe(false);
  });
});
