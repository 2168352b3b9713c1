import { describe, expect, it } from "vitest";
import { aggregate, flagsOfScores, meanOf, rank, raterFlags, weightsValid } from "./aggregate";
import { parseScore, saveIndicatorsSchema, DEFAULT_INDICATORS } from "./schema";

const IND = [
  { id: 1, name: "甲", weight: 60, scaleMin: 0, scaleMax: 100, source: "RATED" as const },
  { id: 2, name: "乙", weight: 40, scaleMin: 0, scaleMax: 10, source: "RATED" as const },
];
const cellOf = (rateeUnitId: number, indicatorId: number, values: number[]) => ({
  rateeUnitId,
  indicatorId,
  n: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  min: Math.min(...values),
  max: Math.max(...values),
});

describe("weights", () => {
  it("must sum to exactly 100", () => {
    expect(weightsValid(DEFAULT_INDICATORS.map((d) => ({ weight: d.weight })))).toBe(true);
    expect(weightsValid([{ weight: 50 }, { weight: 49 }])).toBe(false);
    expect(weightsValid([])).toBe(false);
  });
  it("the schema names the sum in Chinese and rejects duplicate names and inverted scales", () => {
    const bad = saveIndicatorsSchema.safeParse({ roundId: 1, indicators: [{ name: "甲", weight: 60, scaleMin: 0, scaleMax: 100 }, { name: "甲", weight: 30, scaleMin: 5, scaleMax: 5 }] });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toContain("indicators:各指标权重之和应为 100，当前为 90");
    expect(messages).toContain("indicators.1.name:指标名称重复");
    expect(messages).toContain("indicators.1.scaleMax:最高分应大于最低分");
    expect(saveIndicatorsSchema.safeParse({ roundId: 1, indicators: DEFAULT_INDICATORS }).success).toBe(true);
  });
});

describe("scores", () => {
  it("accept empty, integers inside the scale, and refuse the rest in Chinese", () => {
    const s = { scaleMin: 0, scaleMax: 100 };
    expect(parseScore("", s)).toEqual({ ok: true, value: null });
    expect(parseScore("85", s)).toEqual({ ok: true, value: 85 });
    expect(parseScore(101, s)).toEqual({ ok: false, message: "分值应在 0–100 之间" });
    expect(parseScore("-1", s)).toEqual({ ok: false, message: "分值应在 0–100 之间" });
    expect(parseScore("8.5", s)).toEqual({ ok: false, message: "请填写整数" });
    expect(parseScore("abc", s)).toEqual({ ok: false, message: "请填写数字" });
  });
});

describe("trimmed mean", () => {
  it("drops one highest and one lowest only with at least five raters", () => {
    const five = cellOf(1, 1, [10, 80, 82, 84, 100]);
    expect(meanOf(five, false)).toBeCloseTo(71.2);
    expect(meanOf(five, true)).toBeCloseTo(82);
    const four = cellOf(1, 1, [10, 80, 82, 100]);
    expect(meanOf(four, true)).toBeCloseTo(68);
    expect(meanOf({ n: 0, sum: 0, min: 0, max: 0 }, true)).toBeNull();
  });
});

describe("aggregate", () => {
  it("weights each indicator's mean on its scale and ranks within a side, ties sharing a rank", () => {
    const out = aggregate({
      indicators: IND,
      ratees: [
        { id: 1, name: "城管局", side: "DEPARTMENT" },
        { id: 2, name: "卫健委", side: "DEPARTMENT" },
        { id: 3, name: "应急局", side: "DEPARTMENT" },
        { id: 9, name: "东湖街道", side: "STREET" },
      ],
      cells: [cellOf(1, 1, [90, 70]), cellOf(1, 2, [8, 6]), cellOf(2, 1, [80]), cellOf(2, 2, [7]), cellOf(3, 1, [80]), cellOf(3, 2, [7])],
      trimmed: false,
    });
    const cg = out.find((r) => r.unitId === 1)!;
    // 60 × 80/100 + 40 × 7/10 = 48 + 28 = 76
    expect(cg.indicators.map((i) => i.weighted)).toEqual([48, 28]);
    expect(cg.total).toBe(76);
    expect(out.filter((r) => r.side === "DEPARTMENT").map((r) => [r.unitId, r.rank])).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(out.find((r) => r.unitId === 9)).toMatchObject({ total: null, rank: null, rankOf: 0 });
  });
  it("uses a DISPATCH indicator's on-time share; without cases it is 不适用 and its weight goes to the other indicators", () => {
    const out = aggregate({
      indicators: [IND[0], { id: 3, name: "派单", weight: 40, scaleMin: 0, scaleMax: 100, source: "DISPATCH" }],
      ratees: [{ id: 1, name: "甲", side: "DEPARTMENT" }, { id: 2, name: "乙", side: "DEPARTMENT" }],
      cells: [cellOf(1, 1, [50]), cellOf(2, 1, [50])],
      trimmed: false,
      objective: new Map([[1, 0.75]]),
    });
    const one = out.find((r) => r.unitId === 1)!;
    const two = out.find((r) => r.unitId === 2)!;
    // 60 × 0.5 + 40 × 0.75
    expect(one.total).toBe(60);
    expect(one.indicators.map((i) => [i.applicable, i.weight])).toEqual([[true, 60], [true, 40]]);
    // No cases: not full marks (that was 70) but 不适用, and the rated indicator counts for all 100.
    expect(two.total).toBe(50);
    expect(two.indicators[1]).toMatchObject({ applicable: false, mean: null, share: null, weighted: 0, weight: 0 });
    expect(two.indicators[0]).toMatchObject({ applicable: true, weight: 100, weighted: 50 });
    expect(out[0].unitId).toBe(1);
  });
  it("shares a 不适用 weight in proportion over several indicators", () => {
    const out = aggregate({
      indicators: [IND[0], { ...IND[1], weight: 20 }, { id: 3, name: "派单", weight: 20, scaleMin: 0, scaleMax: 100, source: "DISPATCH" }],
      ratees: [{ id: 1, name: "甲", side: "STREET" }],
      cells: [cellOf(1, 1, [100]), cellOf(1, 2, [5])],
      trimmed: false,
    });
    // 60 → 75 and 20 → 25: 75 × 1 + 25 × 0.5
    expect(out[0].indicators.map((i) => i.weight)).toEqual([75, 25, 0]);
    expect(out[0].total).toBe(87.5);
  });
  it("ranks 1, 2, 2, 4", () => {
    expect(rank([{ total: 90 }, { total: 80 }, { total: 80 }, { total: 70 }, { total: null }]).map((r) => r.rank)).toEqual([1, 2, 2, 4, null]);
  });
});

describe("suspicious raters", () => {
  const s = (values: number[]) => values.map((value) => ({ value, scaleMin: 0, scaleMax: 100 }));
  it("marks all-identical and all-extreme raters, not ordinary ones or too few scores", () => {
    expect(flagsOfScores(s([80, 80, 80, 80]))).toEqual(["IDENTICAL"]);
    expect(flagsOfScores(s([100, 0, 100, 100]))).toEqual(["EXTREME"]);
    expect(flagsOfScores(s([100, 100, 100]))).toEqual(["IDENTICAL", "EXTREME"]);
    expect(flagsOfScores(s([80, 85, 100]))).toEqual([]);
    expect(flagsOfScores(s([100, 100]))).toEqual([]);
    expect(raterFlags({ count: 200, distinct: 1, extremes: 0 })).toEqual(["IDENTICAL"]);
  });
});
