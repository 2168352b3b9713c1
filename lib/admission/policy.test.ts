import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { AdmissionSubject } from "./policy";

const user = (roles: SessionUser["roles"], unitId: number, jointMeetingMember = false): SessionUser => ({
  id: unitId, username: "u", displayName: "u", roles, unitId, unitName: "单位", unitKind: "DEPARTMENT", unitParentId: null, jointMeetingMember, mustChangePassword: false,
});
const subject = (status: AdmissionSubject["status"], extra: Partial<AdmissionSubject> = {}): AdmissionSubject => ({
  type: "admission", applicantUnitId: 10, targetUnitIds: [20], status, memberUnitIds: [1, 2], ...extra,
});

describe("admission policy", () => {
  it("lets the applicant edit only before the joint review", () => {
    expect(can(user(["DEPARTMENT"], 10), "admission.edit", subject("RETURNED"))).toBe(true);
    expect(can(user(["DEPARTMENT"], 10), "admission.edit", subject("JOINT_REVIEW"))).toBe(false);
    expect(can(user(["DEPARTMENT"], 11), "admission.edit", subject("RETURNED"))).toBe(false);
  });
  it("lets a reviewer opine for its own member unit only; 编办 for any member", () => {
    const s = subject("JOINT_REVIEW", { memberUnitId: 2 });
    expect(can(user(["REVIEWER"], 2, true), "admission.opine", s)).toBe(true);
    expect(can(user(["REVIEWER"], 3, true), "admission.opine", s)).toBe(false);
    expect(can(user(["BIANBAN_STAFF"], 1, true), "admission.opine", s)).toBe(true);
    expect(can(user(["BIANBAN_STAFF"], 1, true), "admission.opine", { ...s, memberUnitId: 99 })).toBe(false);
    expect(can(user(["REVIEWER"], 2, true), "admission.opine", subject("CONSULTING", { memberUnitId: 2 }))).toBe(false);
  });
  it("lets only target units answer the consultation and read the application", () => {
    expect(can(user(["STREET"], 20), "admission.consult", subject("CONSULTING"))).toBe(true);
    expect(can(user(["STREET"], 21), "admission.consult", subject("CONSULTING"))).toBe(false);
    expect(can(user(["COMMUNITY"], 21), "admission.read", subject("CONSULTING"))).toBe(false);
    expect(can(user(["LEADER"], 5), "admission.read", subject("CONSULTING"))).toBe(true);
    expect(can(user(["LEADER"], 5), "admission.decide", subject("DECIDING"))).toBe(false);
  });
  it("ties decisions and filing to their state", () => {
    const bb = user(["BIANBAN_ADMIN"], 1);
    expect(can(bb, "admission.decide", subject("DECIDING"))).toBe(true);
    expect(can(bb, "admission.decide", subject("FILING"))).toBe(false);
    expect(can(bb, "admission.file", subject("FILING"))).toBe(true);
  });
});
