import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { letterSide, viewScope } from "./policy";
import { deadlineEnd, isOverdue, rowState } from "./state";

function user(roles: Role[], unitId: number): SessionUser {
  return {
    id: unitId, username: "u", displayName: "U", roles, unitId, unitName: "单位", unitKind: roles.includes("STREET") ? "STREET" : "DEPARTMENT",
    unitParentId: null, jointMeetingMember: false, mustChangePassword: false,
  };
}

const CG = 7; // a department
const WJ = 8; // another department
const DH = 20; // a street
const NA = 21; // another street
const rows = (streetIds: number[], departmentIds: (number | null)[]) => ({ type: "devolution" as const, streetIds, departmentIds });

describe("devolution policy", () => {
  const dept = user(["DEPARTMENT"], CG);
  const street = user(["STREET"], DH);
  const staff = user(["BIANBAN_STAFF"], 1);
  const leader = user(["LEADER"], 2);

  it("lets a department propose only for its own items, in any street", () => {
    expect(can(dept, "devolution.propose", rows([DH, NA], [CG]))).toBe(true);
    expect(can(dept, "devolution.propose", rows([DH], [CG, WJ]))).toBe(false);
    expect(can(dept, "devolution.propose", rows([DH], [WJ]))).toBe(false);
    expect(can(dept, "devolution.propose", rows([DH], [null]))).toBe(false);
    expect(can(dept, "devolution.respond", rows([DH], [CG]))).toBe(false);
  });

  it("lets a street answer only its own rows, and never propose", () => {
    expect(can(street, "devolution.respond", rows([DH], [CG, WJ]))).toBe(true);
    expect(can(street, "devolution.respond", rows([DH, NA], [CG]))).toBe(false);
    expect(can(street, "devolution.propose", rows([DH], [CG]))).toBe(false);
    expect(can(street, "devolution.read", rows([NA], [CG]))).toBe(false);
    expect(can(dept, "devolution.read", rows([NA], [WJ]))).toBe(false);
  });

  it("lets 编办 manage, read and arbitrate everything but not answer for a party", () => {
    expect(can(staff, "devolution.manage")).toBe(true);
    expect(can(staff, "devolution.read", rows([NA], [WJ]))).toBe(true);
    expect(can(staff, "devolution.propose", rows([DH], [CG]))).toBe(false);
    expect(can(staff, "devolution.confirmLetter", rows([DH], [CG]))).toBe(false);
    expect(can(leader, "devolution.read", rows([DH], [CG]))).toBe(true);
    expect(can(leader, "devolution.comment", rows([DH], [CG]))).toBe(false);
    expect(can(leader, "devolution.stats")).toBe(true);
    expect(can(dept, "devolution.stats")).toBe(false);
  });

  it("lets each party confirm its own side of a letter only", () => {
    expect(can(dept, "devolution.confirmLetter", rows([DH], [CG]))).toBe(true);
    expect(can(street, "devolution.confirmLetter", rows([DH], [CG]))).toBe(true);
    expect(can(user(["DEPARTMENT"], WJ), "devolution.confirmLetter", rows([DH], [CG]))).toBe(false);
    expect(letterSide(dept, { streetId: DH, departmentId: CG })).toBe("DEPARTMENT");
    expect(letterSide(street, { streetId: DH, departmentId: CG })).toBe("STREET");
    expect(letterSide(staff, { streetId: DH, departmentId: CG })).toBeNull();
  });

  it("lets a street claim for itself only", () => {
    expect(can(street, "claim.manage", { type: "claim", streetId: DH })).toBe(true);
    expect(can(street, "claim.manage", { type: "claim", streetId: NA })).toBe(false);
    expect(can(street, "claim.read", { type: "claim", streetId: NA })).toBe(false);
    expect(can(staff, "claim.read", { type: "claim", streetId: NA })).toBe(true);
    expect(can(staff, "claim.manage", { type: "claim", streetId: NA })).toBe(false);
  });

  it("scopes what each role sees of a round", () => {
    expect(viewScope(staff)).toEqual({ kind: "all", readOnly: false });
    expect(viewScope(leader)).toEqual({ kind: "all", readOnly: true });
    expect(viewScope(dept)).toEqual({ kind: "department", departmentId: CG });
    expect(viewScope(street)).toEqual({ kind: "street", streetId: DH });
    expect(viewScope(user(["COMMUNITY"], 30))).toBeNull();
  });
});

describe("row state and deadlines", () => {
  const base = { departmentId: 1, proposal: null, response: null, settled: false, letterId: null, lockedAt: null } as const;
  it("walks the workflow", () => {
    expect(rowState({ ...base, departmentId: null })).toBe("UNASSIGNED");
    expect(rowState(base)).toBe("AWAITING_PROPOSAL");
    expect(rowState({ ...base, proposal: "ACCEPT" })).toBe("AWAITING_RESPONSE");
    expect(rowState({ ...base, proposal: "ACCEPT", response: "DISAGREE" })).toBe("DISPUTED");
    expect(rowState({ ...base, proposal: "ACCEPT", response: "DISAGREE", settled: true })).toBe("SETTLED");
    expect(rowState({ ...base, proposal: "ACCEPT", response: "AGREE", settled: true, letterId: 3 })).toBe("IN_LETTER");
    expect(rowState({ ...base, proposal: "ACCEPT", response: "AGREE", settled: true, letterId: 3, lockedAt: new Date() })).toBe("LOCKED");
  });

  it("is overdue only after the deadline day has ended in China", () => {
    const deadline = new Date("2026-11-30T00:00:00Z");
    expect(deadlineEnd(deadline).toISOString()).toBe("2026-11-30T15:59:59.999Z");
    expect(isOverdue(deadline, new Date("2026-11-30T15:00:00Z"))).toBe(false);
    expect(isOverdue(deadline, new Date("2026-11-30T16:00:00Z"))).toBe(true);
  });
});
