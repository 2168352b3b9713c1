import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";

/**
 * The units of a district round's district: the district and the units up to two levels beneath
 * it (streets, townships and departments; their communities and villages). The city's round: all.
 */
export function inRoundArea(round: { areaUnitId?: number | null }): Prisma.OrgUnitWhereInput {
  const a = round.areaUnitId;
  if (a == null) return {};
  return { OR: [{ id: a }, { parentId: a }, { parent: { parentId: a } }] };
}

/**
 * The duties a round appraises: admitted duties in force, less those admitted on or after the
 * round's cut-off (编办's exclusion rule: in force less than N months when the round opened); a
 * district's round only its own units' duties.
 */
export function appraisedDuties(round: { admittedBefore: Date | null; areaUnitId?: number | null }): Prisma.LocalDutyWhereInput {
  return {
    active: true,
    admissionId: { not: null },
    ...(round.admittedBefore ? { admittedOn: { lt: round.admittedBefore } } : {}),
    ...(round.areaUnitId != null ? { unit: inRoundArea(round) } : {}),
  };
}

/** Pure: whether a 编办 runs this round (a district 编办 its own district's only; the city 编办 all). */
export function appraisalRoundInArea(user: Pick<SessionUser, "area">, round: { areaUnitId: number | null }): boolean {
  return !user.area || round.areaUnitId === user.area.districtId;
}
