import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/**
 * Who may touch which devolution rows. A subject names every street and department the rows
 * of one request belong to (one row, or many for a bulk step); a department answers only for
 * its own items, a street only for its own answers, 编办 for everything.
 */
export type DevolutionSubject = { type: "devolution"; streetIds: number[]; departmentIds: (number | null)[] };
export type ClaimSubject = { type: "claim"; streetId: number };

type Who = Pick<SessionUser, "roles" | "unitId">;

const BIANBAN: Role[] = ["BIANBAN_ADMIN", "BIANBAN_STAFF"];

const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));
export const isBianban = (user: Who) => has(user, ...BIANBAN);

/** Every row belongs to the user's department (and none is unassigned). */
function ownDepartment(user: Who, s: DevolutionSubject) {
  return has(user, "DEPARTMENT") && s.departmentIds.length > 0 && s.departmentIds.every((d) => d === user.unitId);
}

/** Every row belongs to the user's street. */
function ownStreet(user: Who, s: DevolutionSubject) {
  return has(user, "STREET") && s.streetIds.length > 0 && s.streetIds.every((id) => id === user.unitId);
}

/**
 * The subject half of `can` for the devolution and claim permissions (the role half is the
 * permission table).
 */
export function devolutionAllows(user: Who, permission: string, subject: DevolutionSubject | ClaimSubject): boolean {
  if (subject.type === "claim") {
    const s = subject;
    if (permission === "claim.manage") return has(user, "STREET") && s.streetId === user.unitId;
    if (permission === "claim.read") return isBianban(user) || has(user, "LEADER") || (has(user, "STREET") && s.streetId === user.unitId);
    return false;
  }
  const s = subject;
  switch (permission) {
    case "devolution.read":
      return isBianban(user) || has(user, "LEADER") || ownDepartment(user, s) || ownStreet(user, s);
    case "devolution.propose":
      return ownDepartment(user, s);
    case "devolution.respond":
      return ownStreet(user, s);
    case "devolution.confirmLetter":
      return ownDepartment(user, s) || ownStreet(user, s);
    case "devolution.comment":
    case "devolution.letter":
      return isBianban(user) || ownDepartment(user, s) || ownStreet(user, s);
    case "devolution.manage":
    case "devolution.stats":
      return isBianban(user) || (permission === "devolution.stats" && has(user, "LEADER"));
    default:
      return false;
  }
}

export type ViewScope =
  /** `streetIds`: a district 编办 sees the streets of its own district only (lib/auth/scope.ts). */
  | { kind: "all"; readOnly: boolean; streetIds?: number[] }
  | { kind: "department"; departmentId: number }
  | { kind: "street"; streetId: number };

/**
 * What a user sees of a round: 编办 (and leaders, read-only) everything, a department its own
 * items in every street, a street its own items from every department.
 */
export function viewScope(user: Who & Pick<SessionUser, "area">): ViewScope | null {
  if (isBianban(user)) return user.area ? { kind: "all", readOnly: false, streetIds: user.area.unitIds } : { kind: "all", readOnly: false };
  if (has(user, "DEPARTMENT")) return { kind: "department", departmentId: user.unitId };
  if (has(user, "STREET")) return { kind: "street", streetId: user.unitId };
  if (has(user, "LEADER")) return { kind: "all", readOnly: true };
  return null;
}

/** Which side of a letter the user confirms for, if any. */
export function letterSide(user: Who, letter: { streetId: number; departmentId: number }): "DEPARTMENT" | "STREET" | null {
  if (has(user, "DEPARTMENT") && user.unitId === letter.departmentId) return "DEPARTMENT";
  if (has(user, "STREET") && user.unitId === letter.streetId) return "STREET";
  return null;
}
