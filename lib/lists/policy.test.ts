import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { AdjustmentSubject, ListReviewSubject, ListSubject } from "./policy";

const STREET = 10;
const OTHER = 11;
const DEPT = 20;
const JUSTICE = 21;

function user(roles: Role[], unitId: number, extra: Partial<SessionUser> = {}): SessionUser {
  return { id: 1, username: "u", displayName: "U", roles, unitId, unitName: "单位", unitKind: "STREET", unitParentId: null, jointMeetingMember: false, mustChangePassword: false, ...extra };
}

const list = (status: ListSubject["status"], unitId = STREET): ListSubject => ({ type: "powerList", unitId, status });
const review = (status: ListReviewSubject["status"], assigneeUnitIds: number[]): ListReviewSubject => ({ type: "listReview", unitId: STREET, status, assigneeUnitIds });
const adjustment = (status: AdjustmentSubject["status"], applicantUnitId: number | null = DEPT): AdjustmentSubject => ({ type: "adjustment", listUnitId: STREET, published: true, applicantUnitId, status });

describe("list policy", () => {
  const street = user(["STREET"], STREET);
  const otherStreet = user(["STREET"], OTHER);
  const bianban = user(["BIANBAN_STAFF"], 1);
  const dept = user(["DEPARTMENT"], DEPT);
  const reviewer = user(["REVIEWER"], JUSTICE, { jointMeetingMember: true });

  it("lets only the drafting unit edit and submit, and only while drafting or returned", () => {
    for (const status of ["DRAFTING", "RETURNED"] as const) {
      expect(can(street, "list.edit", list(status))).toBe(true);
      expect(can(street, "list.submit", list(status))).toBe(true);
    }
    for (const status of ["IN_REVIEW", "APPROVED", "PUBLISHED"] as const) expect(can(street, "list.edit", list(status))).toBe(false);
    expect(can(otherStreet, "list.edit", list("DRAFTING"))).toBe(false);
    expect(can(bianban, "list.edit", list("DRAFTING"))).toBe(false);
    expect(can(dept, "list.edit", list("DRAFTING"))).toBe(false);
  });

  it("lets a street read its own lists only; government roles read all", () => {
    expect(can(street, "list.read", list("DRAFTING"))).toBe(true);
    expect(can(otherStreet, "list.read", list("DRAFTING"))).toBe(false);
    expect(can(otherStreet, "list.read", review("IN_REVIEW", [OTHER]))).toBe(true);
    for (const u of [bianban, dept, reviewer, user(["LEADER"], 5)]) expect(can(u, "list.read", list("DRAFTING"))).toBe(true);
  });

  it("lets only units assigned to the active stage give opinions, while in review", () => {
    expect(can(dept, "list.review", review("IN_REVIEW", [DEPT]))).toBe(true);
    expect(can(dept, "list.review", review("IN_REVIEW", [JUSTICE]))).toBe(false);
    expect(can(dept, "list.review", review("RETURNED", [DEPT]))).toBe(false);
    expect(can(user(["COMMUNITY"], DEPT), "list.review", review("IN_REVIEW", [DEPT]))).toBe(false);
  });

  it("keeps stages, returns and publication with 编办, each in its state", () => {
    expect(can(bianban, "list.manageStages", list("IN_REVIEW"))).toBe(true);
    expect(can(bianban, "list.manageStages", list("APPROVED"))).toBe(false);
    expect(can(bianban, "list.publish", list("APPROVED"))).toBe(true);
    expect(can(bianban, "list.publish", list("IN_REVIEW"))).toBe(false);
    expect(can(bianban, "list.return", list("PUBLISHED"))).toBe(false);
    expect(can(dept, "list.publish", list("APPROVED"))).toBe(false);
  });

  it("creates lists for streets, townships and communities only", () => {
    expect(can(street, "list.create", { type: "listUnit", unitId: STREET, unitKind: "STREET" })).toBe(true);
    expect(can(street, "list.create", { type: "listUnit", unitId: OTHER, unitKind: "STREET" })).toBe(false);
    expect(can(bianban, "list.create", { type: "listUnit", unitId: OTHER, unitKind: "COMMUNITY" })).toBe(true);
    expect(can(bianban, "list.create", { type: "listUnit", unitId: DEPT, unitKind: "DEPARTMENT" })).toBe(false);
  });
});

describe("adjustment policy", () => {
  const dept = user(["DEPARTMENT"], DEPT);
  const street = user(["STREET"], STREET);
  const bianban = user(["BIANBAN_ADMIN"], 1);
  const reviewer = user(["REVIEWER"], JUSTICE, { jointMeetingMember: true });

  it("lets a department or the list's own unit file against a published list", () => {
    expect(can(dept, "adjustment.create", adjustment(null, null))).toBe(true);
    expect(can(street, "adjustment.create", adjustment(null, null))).toBe(true);
    expect(can(user(["STREET"], OTHER), "adjustment.create", adjustment(null, null))).toBe(false);
    expect(can(dept, "adjustment.create", { ...adjustment(null, null), published: false })).toBe(false);
  });

  it("takes opinions from joint-meeting reviewers only, then 编办 decides, files and publishes in order", () => {
    expect(can(reviewer, "adjustment.opine", adjustment("REVIEWING"))).toBe(true);
    expect(can({ ...reviewer, jointMeetingMember: false }, "adjustment.opine", adjustment("REVIEWING"))).toBe(false);
    expect(can(reviewer, "adjustment.opine", adjustment("APPROVED"))).toBe(false);
    expect(can(bianban, "adjustment.decide", adjustment("REVIEWING"))).toBe(true);
    expect(can(bianban, "adjustment.file", adjustment("REVIEWING"))).toBe(false);
    expect(can(bianban, "adjustment.file", adjustment("APPROVED"))).toBe(true);
    expect(can(bianban, "adjustment.publish", adjustment("APPROVED"))).toBe(false);
    expect(can(bianban, "adjustment.publish", adjustment("FILED"))).toBe(true);
    expect(can(dept, "adjustment.withdraw", adjustment("REVIEWING"))).toBe(true);
    expect(can(user(["DEPARTMENT"], 99), "adjustment.withdraw", adjustment("REVIEWING"))).toBe(false);
  });
});
