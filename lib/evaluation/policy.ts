import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";

/** A rater unit's sheet, or a unit's own results. */
export type EvaluationUnitSubject = { type: "evaluationUnit"; unitId: number; roundStatus?: string };

type Who = Pick<SessionUser, "roles" | "unitId">;
const has = (user: Who, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));
export const isBianban = (user: Who) => has(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");

export function evaluationAllows(user: Who, permission: string, s: EvaluationUnitSubject): boolean {
  switch (permission) {
    case "evaluation.rate":
      return has(user, "STREET", "DEPARTMENT") && user.unitId === s.unitId && s.roundStatus === "OPEN";
    case "evaluation.results":
      // 编办 sees every unit at any time; leaders every unit once published; a participant only itself once published.
      if (isBianban(user)) return true;
      if (s.roundStatus !== "PUBLISHED") return false;
      return has(user, "LEADER") || user.unitId === s.unitId;
    default:
      return false;
  }
}

/**
 * Pure: whether a 编办 runs this round. A district 编办 runs its own district's rounds only (not the
 * city's, nor another district's); the city 编办 runs every round.
 */
export function roundInArea(user: Pick<SessionUser, "area">, round: { areaUnitId: number | null }): boolean {
  if (!user.area) return true;
  return round.areaUnitId === user.area.districtId;
}
