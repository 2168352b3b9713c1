import { z } from "zod";
import { date, id, optionalId, text, textOrEmpty } from "@/lib/validation";
import { expectedStamp } from "@/lib/edit-stamp";

/** 黄陂's four areas, the default indicators of a new round. */
export const DEFAULT_INDICATORS = [
  { name: "厘清区街职责边界", description: "是否按属地管理事项清单履职，不越位、不缺位，不向街道转嫁清单外的工作。", weight: 25, scaleMin: 0, scaleMax: 100 },
  { name: "街道吹哨部门报到", description: "街道吹哨后部门是否按时到场、及时处置，问题是否闭环。", weight: 25, scaleMin: 0, scaleMax: 100 },
  { name: "派驻机构管理", description: "派驻机构人员在岗履职、接受街道统筹调度和日常管理的情况。", weight: 25, scaleMin: 0, scaleMax: 100 },
  { name: "区街联动配合", description: "双向派单的响应、办理和反馈，联合执法与专项工作中的配合情况。", weight: 25, scaleMin: 0, scaleMax: 100 },
] as const;

export const createEvaluationRoundSchema = z.object({
  year: z.coerce.number({ error: "请填写年度" }).int("年度应为整数").min(2000, "年度有误").max(2100, "年度有误"),
  title: text("考评名称", 100),
  closesOn: date("截止日期"),
  trimmed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

export const indicatorSchema = z
  .object({
    id: id.optional(),
    name: text("指标名称", 50),
    description: textOrEmpty("说明", 500),
    weight: z.coerce.number({ error: "请填写权重" }).int("权重应为整数").min(1, "权重至少为 1").max(100, "权重不能超过 100"),
    scaleMin: z.coerce.number({ error: "请填写最低分" }).int("分值应为整数").min(0, "最低分不能小于 0").max(1000, "分值过大"),
    scaleMax: z.coerce.number({ error: "请填写最高分" }).int("分值应为整数").min(1, "最高分至少为 1").max(1000, "分值过大"),
    source: z.enum(["RATED", "DISPATCH"]).default("RATED"),
  })
  .superRefine((v, ctx) => {
    if (v.scaleMax <= v.scaleMin) ctx.addIssue({ code: "custom", path: ["scaleMax"], message: "最高分应大于最低分" });
  });

/** The whole indicator set is saved at once so the weights can be checked together. */
export const saveIndicatorsSchema = z
  .object({ roundId: id, expectedStamp, indicators: z.array(indicatorSchema).min(1, "至少需要一个指标").max(20, "指标不能超过 20 个") })
  .superRefine((v, ctx) => {
    const sum = v.indicators.reduce((n, i) => n + (Number.isFinite(i.weight) ? i.weight : 0), 0);
    if (sum !== 100) ctx.addIssue({ code: "custom", path: ["indicators"], message: `各指标权重之和应为 100，当前为 ${sum}` });
    const names = new Set<string>();
    v.indicators.forEach((i, n) => {
      if (names.has(i.name)) ctx.addIssue({ code: "custom", path: ["indicators", n, "name"], message: "指标名称重复" });
      names.add(i.name);
    });
    if (v.indicators.every((i) => i.source === "DISPATCH")) ctx.addIssue({ code: "custom", path: ["indicators"], message: "至少需要一个由各单位评分的指标" });
  });

export const evaluationRoundIdSchema = z.object({ roundId: id });


/** STREET: streets (townships) rate departments; DEPARTMENT: departments rate streets. */
export const PAIR_DIRECTIONS = ["BOTH", "STREET", "DEPARTMENT"] as const;
export const PAIR_DIRECTION_LABELS: Record<(typeof PAIR_DIRECTIONS)[number], string> = {
  BOTH: "双向（相互评价）",
  STREET: "街道（乡镇）评部门",
  DEPARTMENT: "部门评街道（乡镇）",
};

/** Adds or removes every pair between the streets of a district (or all) and a department (or all). */
export const bulkPairsSchema = z.object({
  roundId: id,
  op: z.enum(["add", "remove"], { error: "参数有误" }),
  direction: z.enum(PAIR_DIRECTIONS, { error: "请选择评价方向" }),
  districtId: optionalId,
  departmentId: optionalId,
});

/** Sets whom one unit rates (RATES) or who rates it (RATED_BY); its other pairs are left alone. */
export const unitPairsSchema = z.object({
  roundId: id,
  unitId: id,
  direction: z.enum(["RATES", "RATED_BY"], { error: "参数有误" }),
  counterpartIds: z.array(id).max(20_000, "所选单位过多"),
});

export const deadlineSchema = z.object({ roundId: id, closesOn: date("截止日期"), expectedStamp });
export const extendSheetSchema = z.object({ roundId: id, raterUnitId: id, extendedTo: date("延长后的截止日期") });
export const remindSchema = z.object({ roundId: id, raterUnitIds: z.array(id).max(5000).optional() });

const scoreCell = z.object({
  rateeUnitId: id,
  indicatorId: id,
  value: z.union([z.number(), z.string(), z.null()]).optional(),
});

export const saveScoresSchema = z.object({
  roundId: id,
  cells: z.array(scoreCell).max(100_000, "一次提交的评分过多"),
  comments: z.array(z.object({ rateeUnitId: id, comment: textOrEmpty("评语", 500) })).max(10_000).default([]),
});
export type SaveScoresInput = z.infer<typeof saveScoresSchema>;

/** A cell's value: empty is "not yet scored"; anything else must be an integer inside the scale. */
export function parseScore(raw: unknown, scale: { scaleMin: number; scaleMax: number }): { ok: true; value: number | null } | { ok: false; message: string } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { ok: true, value: null };
  const n = typeof raw === "number" ? raw : Number(String(raw).trim());
  if (!Number.isFinite(n)) return { ok: false, message: "请填写数字" };
  if (!Number.isInteger(n)) return { ok: false, message: "请填写整数" };
  if (n < scale.scaleMin || n > scale.scaleMax) return { ok: false, message: `分值应在 ${scale.scaleMin}–${scale.scaleMax} 之间` };
  return { ok: true, value: n };
}
