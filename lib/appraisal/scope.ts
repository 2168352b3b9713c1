import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The duties a round appraises: admitted duties in force, less those admitted on or after the
 * round's cut-off (编办's exclusion rule: in force less than N months when the round opened).
 */
export function appraisedDuties(round: { admittedBefore: Date | null }): Prisma.LocalDutyWhereInput {
  return { active: true, admissionId: { not: null }, ...(round.admittedBefore ? { admittedOn: { lt: round.admittedBefore } } : {}) };
}
