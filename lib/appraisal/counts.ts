import type { Tx } from "@/lib/db/client";
import type { RatingCounts } from "./satisfaction";

export async function countsFor(db: Pick<Tx, "appraisalRating">, roundId: number, dutyIds?: number[]) {
  const rows = await db.appraisalRating.groupBy({
    by: ["localDutyId", "value"],
    where: { roundId, ...(dutyIds ? { localDutyId: { in: dutyIds } } : {}) },
    _count: { _all: true },
  });
  const out = new Map<number, RatingCounts>();
  for (const r of rows) {
    const c = out.get(r.localDutyId) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
    if (r.value === "SATISFIED") c.satisfied += r._count._all;
    else if (r.value === "BASIC") c.basic += r._count._all;
    else c.dissatisfied += r._count._all;
    out.set(r.localDutyId, c);
  }
  return out;
}
