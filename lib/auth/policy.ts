import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./types";
import { devolutionAllows, type ClaimSubject, type DevolutionSubject } from "@/lib/devolution/policy";
import { listAllows, type AdjustmentSubject, type ListReviewSubject, type ListSubject, type ListUnitSubject } from "@/lib/lists/policy";
import { admissionAllows, type AdmissionSubject, type LocalUnitSubject } from "@/lib/admission/policy";
import { evaluationAllows, type EvaluationUnitSubject } from "@/lib/evaluation/policy";
import { dispatchAllows, type DispatchSubject } from "@/lib/dispatch/policy";

/**
 * Every permission the system knows, with the roles that hold it. Area policies refine these
 * with subject checks (which street, which department) in `can`.
 */
export const PERMISSIONS = {
  "workspace.view": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "account.changePassword": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "user.read": ["BIANBAN_ADMIN"],
  "user.manage": ["BIANBAN_ADMIN"],
  "unit.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "unit.manage": ["BIANBAN_ADMIN"],
  "audit.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "catalogue.readDraft": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.edit": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.issue": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "catalogue.import": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "dictionary.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  // 赋权承接确认: subjects name the streets and departments of the rows (lib/devolution/policy.ts).
  "devolution.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"],
  "devolution.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "devolution.stats": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"],
  "devolution.propose": ["DEPARTMENT"],
  "devolution.respond": ["STREET"],
  "devolution.comment": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET"],
  "devolution.letter": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET"],
  "devolution.confirmLetter": ["DEPARTMENT", "STREET"],
  "claim.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "LEADER"],
  "claim.manage": ["STREET"],
  // 职权清单 and 动态调整: subjects name the list's unit, status and reviewers (lib/lists/policy.ts).
  "list.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "list.create": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "COMMUNITY"],
  "list.edit": ["STREET", "COMMUNITY"],
  "list.submit": ["STREET", "COMMUNITY"],
  "list.manageStages": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "list.review": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "LEADER"],
  "list.return": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "list.publish": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "listCategory.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "adjustment.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "adjustment.create": ["DEPARTMENT", "STREET", "COMMUNITY"],
  "adjustment.withdraw": ["DEPARTMENT", "STREET", "COMMUNITY"],
  "adjustment.opine": ["REVIEWER"],
  "adjustment.decide": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "adjustment.file": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "adjustment.publish": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  // 准入: subjects name the applicant, the target units and the status (lib/admission/policy.ts).
  "admission.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "admission.apply": ["DEPARTMENT"],
  "admission.edit": ["DEPARTMENT"],
  "admission.withdraw": ["DEPARTMENT"],
  "admission.initialReview": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "admission.opine": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "REVIEWER"],
  "admission.consult": ["STREET", "COMMUNITY"],
  "admission.closeConsultation": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "admission.decide": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "admission.file": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "localDuty.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  // 存量事项: 编办 enters, corrects and removes duties held before the admission gate, then publishes.
  "localDuty.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  // 拒绝权: a street or community keeps its own register; 编办 and leaders read all of them.
  "refusal.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "STREET", "COMMUNITY", "LEADER"],
  "refusal.register": ["STREET", "COMMUNITY"],
  "refusal.refuse": ["STREET", "COMMUNITY"],
  "review.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"],
  "review.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "review.rate": ["STREET", "COMMUNITY"],
  "calendar.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
  "calendar.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "funding.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"],
  // 双向考评: only 编办 sets up rounds and sees individual raters' scores (lib/evaluation/policy.ts).
  "evaluation.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"],
  "evaluation.manage": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  "evaluation.rate": ["DEPARTMENT", "STREET"],
  "evaluation.results": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"],
  "evaluation.raterDetail": ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  // 双向派单: subjects name the case's street, department and status (lib/dispatch/policy.ts).
  "dispatch.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "STREET", "LEADER"],
  "dispatch.report": ["STREET"],
  "dispatch.forward": ["DEPARTMENT"],
  "dispatch.accept": ["DEPARTMENT"],
  "dispatch.handle": ["DEPARTMENT"],
  "dispatch.reply": ["STREET"],
  "dispatch.escalate": ["STREET"],
  "dispatch.stats": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "LEADER"],
  "notification.read": ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "COMMUNITY", "LEADER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Subject =
  | { type: "user"; id: number; unitId?: number }
  | { type: "unit"; id: number }
  | { type: "edition"; status: "DRAFT" | "ISSUED" }
  | DevolutionSubject
  | ClaimSubject
  | ListSubject
  | ListUnitSubject
  | ListReviewSubject
  | AdjustmentSubject
  | AdmissionSubject
  | LocalUnitSubject
  | EvaluationUnitSubject
  | DispatchSubject
  | undefined;

export function hasRole(user: Pick<SessionUser, "roles">, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** Pure: may `user` do `permission` to `subject`? The server calls this before every read and write. */
export function can(user: SessionUser | null, permission: Permission, subject?: Subject): boolean {
  if (!user) return false;
  const allowed = PERMISSIONS[permission] as readonly Role[];
  if (!user.roles.some((r) => allowed.includes(r))) return false;
  // Until the password is changed the account may do nothing else.
  if (user.mustChangePassword && permission !== "account.changePassword") return false;

  switch (permission) {
    case "user.manage":
      // An admin cannot lock themselves out by deactivating or demoting their own account.
      return !(subject?.type === "user" && subject.id === user.id);
    case "catalogue.read":
      return subject?.type !== "edition" || subject.status === "ISSUED" || can(user, "catalogue.readDraft");
    case "catalogue.edit":
      return subject?.type !== "edition" || subject.status === "DRAFT";
    default:
      if (permission.startsWith("devolution.") || permission.startsWith("claim.")) return devolutionAllows(user, permission, subject);
      if (permission.startsWith("list.") || permission.startsWith("adjustment.")) return listAllows(user, permission, subject);
      if (permission.startsWith("admission.") || permission.startsWith("refusal.") || permission.startsWith("review.") || permission.startsWith("localDuty.")) return admissionAllows(user, permission, subject);
      if (permission.startsWith("evaluation.")) return evaluationAllows(user, permission, subject);
      if (permission.startsWith("dispatch.")) return dispatchAllows(user, permission, subject);
      return true;
  }
}
