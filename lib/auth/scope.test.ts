import { describe, expect, it } from "vitest";
import { can } from "./policy";
import { areaIdFilter, areaUnitWhere, concernsArea, districtOfBianban, mayManageUnit, unitInArea } from "./scope";
import type { SessionUser } from "./types";

const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 1, username: "u", displayName: "U", roles: ["BIANBAN_ADMIN"], unitId: 100, unitName: "东湖区委编办", unitKind: "BIANBAN", unitParentId: 10,
  jointMeetingMember: false, mustChangePassword: false, ...over,
});
// 东湖区 (10) with its streets 11, 12, a community 13 and its 编办 100; 西山县's street 21; a city department 5.
const district = user({ area: { districtId: 10, unitIds: [10, 11, 12, 13, 100] } });
const city = user({ unitName: "示例市委编办", unitParentId: 1, area: null });

describe("district scope helpers", () => {
  it("derives the area from where the 编办 sits", () => {
    expect(districtOfBianban({ kind: "BIANBAN", parent: { id: 10, kind: "DISTRICT" } })).toBe(10);
    expect(districtOfBianban({ kind: "BIANBAN", parent: { id: 1, kind: "CITY" } })).toBeNull();
    expect(districtOfBianban({ kind: "STREET", parent: { id: 10, kind: "DISTRICT" } })).toBeNull();
  });

  it("puts the district and the units beneath it in the area, and nothing else", () => {
    for (const id of [10, 11, 13, 100]) expect(unitInArea(district, id)).toBe(true);
    for (const id of [21, 5, 1, null]) expect(unitInArea(district, id)).toBe(false);
    expect(unitInArea(city, 21)).toBe(true);
    expect(unitInArea(user(), 21)).toBe(true);
  });

  it("lets a city department share an object with the district without deciding it", () => {
    expect(concernsArea(district, [5, 11])).toBe(true);
    expect(concernsArea(district, [5, 21])).toBe(false);
    expect(concernsArea(district, [5])).toBe(false);
    expect(concernsArea(city, [5])).toBe(true);
  });

  it("builds the query fragments", () => {
    expect(areaIdFilter(district)).toEqual({ in: [10, 11, 12, 13, 100] });
    expect(areaIdFilter(city)).toBeUndefined();
    expect(areaUnitWhere(district)).toEqual({ id: { in: [10, 11, 12, 13, 100] } });
    expect(areaUnitWhere(city)).toEqual({});
  });
});

describe("can() with an area", () => {
  it("refuses a district 编办 every object of another district, in every area", () => {
    const theirs = [
      ["user.manage", { type: "user", id: 9, unitId: 21 }],
      ["devolution.read", { type: "devolution", streetIds: [21], departmentIds: [5] }],
      ["claim.read", { type: "claim", streetId: 21 }],
      ["list.read", { type: "powerList", unitId: 21, status: "PUBLISHED" }],
      ["list.publish", { type: "powerList", unitId: 21, status: "APPROVED" }],
      ["list.create", { type: "listUnit", unitId: 21, unitKind: "STREET" }],
      ["adjustment.decide", { type: "adjustment", listUnitId: 21, published: true, applicantUnitId: 21, status: "REVIEWING" }],
      ["admission.initialReview", { type: "admission", applicantUnitId: 5, targetUnitIds: [21], status: "SUBMITTED" }],
      ["evaluation.results", { type: "evaluationUnit", unitId: 21, roundStatus: "CLOSED" }],
      ["dispatch.read", { type: "dispatch", streetId: 21, departmentId: 5, status: "REPORTED", direction: "UP" }],
    ] as const;
    const loose = can as (u: SessionUser, p: string, s: unknown) => boolean;
    for (const [permission, subject] of theirs) {
      expect(loose(district, permission, subject), `${permission} theirs`).toBe(false);
      expect(loose(city, permission, subject), `${permission} city`).toBe(true);
      const ours = JSON.parse(JSON.stringify(subject).replaceAll(":21", ":11").replaceAll("[21]", "[11]"));
      expect(loose(district, permission, ours), `${permission} ours`).toBe(true);
    }
  });

  it("keeps the city's own permissions with the city 编办; a district reads issued catalogues", () => {
    for (const p of ["dictionary.manage", "calendar.manage", "listCategory.manage"] as const) {
      expect(can(district, p), p).toBe(false);
      expect(can(city, p), p).toBe(true);
    }
    // A district 编办 manages the devolution rounds of its own streets, and the 存量事项 and 拨付 of
    // its own units (the commands check the units).
    for (const p of ["devolution.manage", "localDuty.manage", "funding.manage"] as const) expect(can(district, p), p).toBe(true);
    // Units and accounts of its own district (lib/units and lib/users commands check the units).
    for (const p of ["unit.manage", "user.create"] as const) expect(can(district, p), p).toBe(true);
    // Its own district's 评议 and 考评 rounds (lib/appraisal and lib/evaluation check the round's district).
    for (const p of ["appraisal.manage", "evaluation.manage", "evaluation.raterDetail"] as const) expect(can(district, p), p).toBe(true);
    expect(can(district, "admission.settings")).toBe(false);
    expect(can(district, "catalogue.read", { type: "edition", status: "ISSUED", areaUnitId: null })).toBe(true);
    expect(can(district, "catalogue.read", { type: "edition", status: "DRAFT", areaUnitId: null })).toBe(false);
    expect(can(district, "user.read")).toBe(true);
    expect(can(district, "audit.read")).toBe(true);
  });

  it("lets a district 编办 edit and issue its own district's edition only; the city its own", () => {
    const ed = (status: "DRAFT" | "ISSUED", areaUnitId: number | null) => ({ type: "edition", status, areaUnitId }) as const;
    for (const p of ["catalogue.edit", "catalogue.issue", "catalogue.import"] as const) {
      expect(can(district, p, ed("DRAFT", 10)), `${p} own`).toBe(true);
      expect(can(district, p, ed("DRAFT", null)), `${p} city's`).toBe(false);
      expect(can(district, p, ed("DRAFT", 20)), `${p} another district's`).toBe(false);
      expect(can(city, p, ed("DRAFT", null)), `${p} city own`).toBe(true);
      // The city reviews a district's edition through its 备案; it does not edit it.
      expect(can(city, p, ed("DRAFT", 10)), `${p} city on a district's`).toBe(false);
    }
    expect(can(district, "catalogue.read", ed("DRAFT", 10))).toBe(true);
    expect(can(district, "catalogue.read", ed("ISSUED", 20))).toBe(false);
    expect(can(district, "catalogue.read", ed("DRAFT", 20))).toBe(false);
    expect(can(city, "catalogue.read", ed("DRAFT", 10))).toBe(true);
    expect(can(user({ roles: ["STREET"], unitKind: "STREET" }), "catalogue.read", ed("DRAFT", 10))).toBe(false);
  });

  it("keeps 备案 review with the city 编办 and a district's filings with its district", () => {
    const f = (districtId: number, status: "PENDING" | "FILED" | "RETURNED" = "PENDING") => ({ type: "filing", districtId, status }) as const;
    expect(can(district, "filing.read", f(10))).toBe(true);
    expect(can(district, "filing.read", f(20))).toBe(false);
    expect(can(district, "filing.review", f(10))).toBe(false);
    expect(can(city, "filing.read", f(20))).toBe(true);
    expect(can(city, "filing.review", f(10))).toBe(true);
    expect(can(city, "filing.review", f(10, "FILED"))).toBe(false);
    expect(can(user({ roles: ["STREET"], unitKind: "STREET" }), "filing.read", f(10))).toBe(false);
  });
});

describe("a district 编办's units and accounts", () => {
  it("manages the streets, communities and departments of its district, not the district, its 编办 or another district", () => {
    expect(mayManageUnit(district, { id: 11, kind: "STREET" })).toBe(true);
    expect(mayManageUnit(district, { id: 13, kind: "COMMUNITY" })).toBe(true);
    expect(mayManageUnit(district, { id: 10, kind: "DISTRICT" })).toBe(false);
    expect(mayManageUnit(district, { id: 100, kind: "BIANBAN" })).toBe(false);
    expect(mayManageUnit(district, { id: 21, kind: "STREET" })).toBe(false);
    expect(mayManageUnit(district, { id: null, kind: "DISTRICT" })).toBe(false);
    expect(mayManageUnit(city, { id: 10, kind: "DISTRICT" })).toBe(true);
  });

  it("leaves the accounts of administrators to the city 编办", () => {
    const admin = { type: "user", id: 9, unitId: 100, roles: ["BIANBAN_ADMIN"] } as const;
    const staff = { type: "user", id: 9, unitId: 100, roles: ["BIANBAN_STAFF"] } as const;
    expect(can(district, "user.manage", { ...admin, roles: [...admin.roles] })).toBe(false);
    expect(can(district, "user.manage", { ...staff, roles: [...staff.roles] })).toBe(true);
    expect(can(city, "user.manage", { ...admin, roles: [...admin.roles] })).toBe(true);
  });
});
