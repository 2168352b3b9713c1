// Pure aggregation of a round's scores: per unit and indicator the (optionally trimmed) mean,
// its weighted share of 100, the total, and the rank within the unit's side.

export type IndicatorDef = { id: number; name: string; weight: number; scaleMin: number; scaleMax: number; source: "RATED" | "DISPATCH" };
export type Side = "STREET" | "DEPARTMENT";
/** One ratee × indicator over the submitted sheets: enough for the mean and the trimmed mean. */
export type Cell = { rateeUnitId: number; indicatorId: number; n: number; sum: number; min: number; max: number };
export type Ratee = { id: number; name: string; side: Side };

/**
 * `applicable: false` marks a dispatch indicator of a unit with no dispatched cases in the year
 * (不适用); `weight` is the weight the indicator counted with after sharing out such weights.
 */
export type IndicatorResult = { indicatorId: number; name: string; n: number; mean: number | null; share: number | null; weighted: number; applicable: boolean; weight: number };
export type UnitResult = { unitId: number; name: string; side: Side; raterCount: number; indicators: IndicatorResult[]; total: number | null; rank: number | null; rankOf: number };

/** The trimmed mean drops one highest and one lowest score, and only when there are at least five. */
export const TRIM_MIN_RATERS = 5;

export function meanOf(c: Pick<Cell, "n" | "sum" | "min" | "max">, trimmed: boolean): number | null {
  if (c.n <= 0) return null;
  if (trimmed && c.n >= TRIM_MIN_RATERS) return (c.sum - c.min - c.max) / (c.n - 2);
  return c.sum / c.n;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function weightsValid(indicators: Pick<IndicatorDef, "weight">[]): boolean {
  return indicators.length > 0 && indicators.reduce((n, i) => n + i.weight, 0) === 100;
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 2, 2, 4).
 * Units with no total are not ranked.
 */
export function rank<T extends { total: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const ranked = rows.filter((r) => r.total != null).sort((a, b) => b.total! - a.total!);
  const rankOf = new Map<T, number>();
  ranked.forEach((r, i) => rankOf.set(r, i > 0 && ranked[i - 1].total === r.total ? rankOf.get(ranked[i - 1])! : i + 1));
  return rows.map((r) => ({ ...r, rank: rankOf.get(r) ?? null }));
}

/** The rule for units without dispatched cases, as the results page states it. */
export const NOT_APPLICABLE_RULE =
  "本年度没有双向派单案件的单位，派单客观指标记为「不适用」，其权重按其余各指标的权重比例分摊，合计仍为满分 100。";

/**
 * `objective` holds, for DISPATCH indicators, each unit's on-time share (0..1) from its cases.
 * A unit without cases has no objective figure: the indicator is not applicable (不适用) to it,
 * and its weight is shared over the unit's other indicators in proportion to their weights
 * (NOT_APPLICABLE_RULE), so the total is still out of 100.
 */
export function aggregate(input: { indicators: IndicatorDef[]; ratees: Ratee[]; cells: Cell[]; trimmed: boolean; objective?: Map<number, number> }): UnitResult[] {
  const byKey = new Map(input.cells.map((c) => [`${c.rateeUnitId}:${c.indicatorId}`, c]));
  const rows = input.ratees.map((u) => {
    let anyRated = false;
    let raterCount = 0;
    const applies = (ind: IndicatorDef) => ind.source !== "DISPATCH" || input.objective?.get(u.id) != null;
    const applicableWeight = input.indicators.filter(applies).reduce((n, i) => n + i.weight, 0);
    const total100 = input.indicators.reduce((n, i) => n + i.weight, 0);
    // Weights of indicators that do not apply go to the others, in proportion to their weights.
    const scale = applicableWeight > 0 ? total100 / applicableWeight : 1;
    const indicators: IndicatorResult[] = input.indicators.map((ind) => {
      const span = ind.scaleMax - ind.scaleMin;
      if (!applies(ind)) return { indicatorId: ind.id, name: ind.name, n: 0, mean: null, share: null, weighted: 0, applicable: false, weight: 0 };
      const weight = ind.weight * scale;
      if (ind.source === "DISPATCH") {
        const share = input.objective!.get(u.id)!;
        return { indicatorId: ind.id, name: ind.name, n: 0, mean: ind.scaleMin + share * span, share, weighted: weight * share, applicable: true, weight };
      }
      const c = byKey.get(`${u.id}:${ind.id}`);
      const mean = c ? meanOf(c, input.trimmed) : null;
      if (mean == null) return { indicatorId: ind.id, name: ind.name, n: 0, mean: null, share: null, weighted: 0, applicable: true, weight };
      anyRated = true;
      raterCount = Math.max(raterCount, c!.n);
      const share = (mean - ind.scaleMin) / span;
      return { indicatorId: ind.id, name: ind.name, n: c!.n, mean, share, weighted: weight * share, applicable: true, weight };
    });
    const total = anyRated ? round2(indicators.reduce((n, i) => n + i.weighted, 0)) : null;
    return { unitId: u.id, name: u.name, side: u.side, raterCount, indicators, total };
  });
  const out: UnitResult[] = [];
  for (const side of ["DEPARTMENT", "STREET"] as const) {
    const ofSide = rank(rows.filter((r) => r.side === side));
    const rankOf = ofSide.filter((r) => r.rank != null).length;
    for (const r of ofSide) out.push({ ...r, rankOf });
  }
  return out.sort((a, b) => (a.side === b.side ? (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, "zh-CN") : a.side === "DEPARTMENT" ? -1 : 1));
}

export type RaterFlag = "IDENTICAL" | "EXTREME";
export const FLAG_LABELS: Record<RaterFlag, string> = { IDENTICAL: "所有评分完全相同", EXTREME: "所有评分均为最高或最低分" };

/**
 * A rater whose every score is the same, or every score sits at an end of its scale, is marked
 * for 编办 to look at; one or two scores say nothing, so at least three are needed.
 */
export function raterFlags(s: { count: number; distinct: number; extremes: number }): RaterFlag[] {
  if (s.count < 3) return [];
  const flags: RaterFlag[] = [];
  if (s.distinct === 1) flags.push("IDENTICAL");
  if (s.extremes === s.count) flags.push("EXTREME");
  return flags;
}

/** The same test over raw scores, for callers that have them at hand. */
export function flagsOfScores(scores: { value: number; scaleMin: number; scaleMax: number }[]): RaterFlag[] {
  return raterFlags({
    count: scores.length,
    distinct: new Set(scores.map((s) => s.value)).size,
    extremes: scores.filter((s) => s.value === s.scaleMin || s.value === s.scaleMax).length,
  });
}
