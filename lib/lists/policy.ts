import type { AdjustmentStatus, OrgKind, PowerListStatus, Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Who may do what to power lists and their adjustments. The role half is the permission table
 * in lib/auth/policy.ts; this is the subject half: which unit's list, in which state.
 */
export type ListSubject = { type: "powerList"; unitId: number; status: PowerListStatus };
/** A unit a list is created for. */
export type ListUnitSubject = { type: "listUnit"; unitId: number; unitKind: OrgKind };
/** The active review stage of a list: who is assigned to it. */
export type ListReviewSubject = { type: "listReview"; unitId: number; status: PowerListStatus; assigneeUnitIds: number[] };
/** An adjustment, or (status null) a list an adjustment would be filed against. */
export type AdjustmentSubject = {
  type: "adjustment";
  listUnitId: number;
  published: boolean;
  applicantUnitId: number | null;
  status: AdjustmentStatus | null;
};

type Who = Pick<SessionUser, "roles" | "unitId" | "jointMeetingMember">;

const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));
export const isBianban = (user: Who) => has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");
/** Units that compile their own list. */
export const LIST_UNIT_KINDS: OrgKind[] = ["STREET", "TOWNSHIP", "COMMUNITY"];

/** Street and community accounts see their own unit's lists; everyone else in government sees all. */
function readsAll(user: Who) {
  return isBianban(user) || has(user, "DEPARTMENT", "REVIEWER", "LEADER");
}

const ownUnit = (user: Who, unitId: number) => has(user, "STREET", "COMMUNITY") && user.unitId === unitId;
const editable = (status: PowerListStatus) => status === "DRAFTING" || status === "RETURNED";

export function listAllows(user: Who, permission: string, subject: ListSubject | ListUnitSubject | ListReviewSubject | AdjustmentSubject): boolean {
  switch (subject.type) {
    case "listUnit": {
      const s = subject as ListUnitSubject;
      if (permission !== "list.create" || !LIST_UNIT_KINDS.includes(s.unitKind)) return false;
      return isBianban(user) || ownUnit(user, s.unitId);
    }
    case "powerList": {
      const s = subject as ListSubject;
      switch (permission) {
        case "list.read":
          return readsAll(user) || ownUnit(user, s.unitId);
        case "list.edit":
        case "list.submit":
          return ownUnit(user, s.unitId) && editable(s.status);
        case "list.manageStages":
          return isBianban(user) && s.status !== "PUBLISHED" && s.status !== "APPROVED";
        case "list.return":
          return isBianban(user) && (s.status === "IN_REVIEW" || s.status === "APPROVED");
        case "list.publish":
          return isBianban(user) && s.status === "APPROVED";
        default:
          return false;
      }
    }
    case "listReview": {
      const s = subject as ListReviewSubject;
      if (permission === "list.read") return readsAll(user) || ownUnit(user, s.unitId) || s.assigneeUnitIds.includes(user.unitId);
      if (permission !== "list.review") return false;
      return s.status === "IN_REVIEW" && s.assigneeUnitIds.includes(user.unitId);
    }
    case "adjustment": {
      const s = subject as AdjustmentSubject;
      switch (permission) {
        case "adjustment.read":
          return readsAll(user) || ownUnit(user, s.listUnitId) || (s.applicantUnitId !== null && s.applicantUnitId === user.unitId);
        case "adjustment.create":
          // A department for any published list; a street or community for its own.
          return s.status === null && s.published && (has(user, "DEPARTMENT") || ownUnit(user, s.listUnitId));
        case "adjustment.withdraw":
          return s.status === "REVIEWING" && s.applicantUnitId === user.unitId;
        case "adjustment.opine":
          return s.status === "REVIEWING" && has(user, "REVIEWER") && user.jointMeetingMember;
        case "adjustment.decide":
          return isBianban(user) && s.status === "REVIEWING";
        case "adjustment.file":
          return isBianban(user) && s.status === "APPROVED";
        case "adjustment.publish":
          return isBianban(user) && s.status === "FILED";
        default:
          return false;
      }
    }
    default:
      return false;
  }
}

/**
 * Which lists a user's list pages show: all, those of a district 编办's area (lib/auth/scope.ts),
 * or only those of the user's own unit.
 */
export function listScope(user: Who & Pick<SessionUser, "area">): { kind: "all" } | { kind: "area"; unitIds: number[] } | { kind: "unit"; unitId: number } | null {
  if (readsAll(user)) return user.area ? { kind: "area", unitIds: user.area.unitIds } : { kind: "all" };
  if (has(user, "STREET", "COMMUNITY")) return { kind: "unit", unitId: user.unitId };
  return null;
}
