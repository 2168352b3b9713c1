import type { AdmissionStatus, Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Who may touch which admission. The role half is the permission table in lib/auth/policy.ts;
 * this is the subject half.
 */
export type AdmissionSubject = {
  type: "admission";
  applicantUnitId: number;
  targetUnitIds: number[];
  status: AdmissionStatus;
  /** For opinions: the member unit the opinion is recorded for. */
  memberUnitId?: number;
  memberUnitIds?: number[];
};

type Who = Pick<SessionUser, "roles" | "unitId" | "jointMeetingMember">;

const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));
export const isBianban = (user: Who) => has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");

const applicant = (user: Who, s: AdmissionSubject) => has(user, "DEPARTMENT") && user.unitId === s.applicantUnitId;
const target = (user: Who, s: AdmissionSubject) => has(user, "STREET", "COMMUNITY") && s.targetUnitIds.includes(user.unitId);

export function admissionAllows(user: Who, permission: string, s: AdmissionSubject): boolean {
  switch (permission) {
    case "admission.read":
      // Reviewers and leaders see every application; a department its own; a street or
      // community those that would sink duties to it.
      return isBianban(user) || has(user, "REVIEWER", "LEADER") || applicant(user, s) || target(user, s);
    case "admission.edit":
      return applicant(user, s) && (s.status === "SUBMITTED" || s.status === "RETURNED");
    case "admission.withdraw":
      return applicant(user, s) && (s.status === "SUBMITTED" || s.status === "RETURNED");
    case "admission.initialReview":
      return isBianban(user) && s.status === "SUBMITTED";
    case "admission.opine": {
      if (s.status !== "JOINT_REVIEW" || s.memberUnitId == null || !s.memberUnitIds?.includes(s.memberUnitId)) return false;
      // A member answers for itself; 编办 may enter a member's written opinion on its behalf.
      if (isBianban(user)) return true;
      return has(user, "REVIEWER") && user.jointMeetingMember && user.unitId === s.memberUnitId;
    }
    case "admission.consult":
      return target(user, s) && s.status === "CONSULTING";
    case "admission.closeConsultation":
      return isBianban(user) && s.status === "CONSULTING";
    case "admission.decide":
      return isBianban(user) && s.status === "DECIDING";
    case "admission.file":
      return isBianban(user) && s.status === "FILING";
    default:
      return false;
  }
}
