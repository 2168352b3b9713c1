import { z } from "zod";
import { isRealDay } from "@/lib/dates";
import { date, filterId, filterPage, filterText, id, idOf, optionalId, optionalText, text } from "@/lib/validation";
import { DECISIONS, RESPONSES, STATES } from "./state";

const ids = (what: string, max = 20_000) =>
  z.array(id, { error: `请选择${what}` }).min(1, `请至少选择一项${what}`).max(max, `一次最多处理 ${max} 项`);


export const openDevolutionRoundSchema = z.object({
  title: text("本轮名称", 100, { min: 2 }),
  editionId: idOf("请选择赋权事项指导清单"),
  deadline: date("截止日期"),
  streetIds: ids("街道（乡镇）", 5000),
  documentPrefix: z
    .string()
    .trim()
    .min(2, "请填写文号前缀")
    .max(20, "文号前缀不能超过 20 个字")
    .regex(/^[\u4e00-\u9fa5A-Za-z0-9]+$/, "文号前缀只能使用汉字、字母和数字"),
  note: optionalText("说明", 1000),
});

export const assignSchema = z.object({
  roundId: id,
  itemIds: ids("事项", 5000),
  departmentId: optionalId,
});

const proposalShape = {
  proposal: z.enum(DECISIONS, { error: "请选择承接意见" }),
  reason: optionalText("理由", 500),
  streetDuty: optionalText("街道职责", 1000),
  departmentDuty: optionalText("部门保留职责", 1000),
};

/** A department's proposal: the reason is required unless accepting; accepting needs the boundary. */
function checkProposal(v: { proposal: string; reason: string | null; streetDuty: string | null; departmentDuty: string | null }, ctx: z.RefinementCtx) {
  if (v.proposal !== "ACCEPT" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "暂缓或不承接时请填写理由" });
  if (v.proposal === "ACCEPT" && !v.streetDuty) ctx.addIssue({ code: "custom", path: ["streetDuty"], message: "承接时请写明街道承担的职责" });
  if (v.proposal === "ACCEPT" && !v.departmentDuty) ctx.addIssue({ code: "custom", path: ["departmentDuty"], message: "承接时请写明部门保留的职责" });
}

/** Rows by id (a street's item list) or by items x streets (the department's bulk page). */
export const proposeSchema = z
  .object({
    roundId: id,
    ids: z.array(id).max(20_000, "一次最多处理 20000 项").optional(),
    itemIds: z.array(id).max(5000, "一次最多选择 5000 个事项").optional(),
    streetIds: z.array(id).max(5000, "一次最多选择 5000 个街道（乡镇）").optional(),
    ...proposalShape,
  })
  .superRefine((v, ctx) => {
    checkProposal(v, ctx);
    if (v.ids?.length) return;
    if (v.itemIds === undefined && v.streetIds === undefined) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "请至少选择一个事项" });
      return;
    }
    if (!v.itemIds?.length) ctx.addIssue({ code: "custom", path: ["itemIds"], message: "请至少选择一个事项" });
    if (!v.streetIds?.length) ctx.addIssue({ code: "custom", path: ["streetIds"], message: "请至少选择一个街道（乡镇）" });
  });

export const respondSchema = z
  .object({
    roundId: id,
    ids: ids("事项"),
    response: z.enum(RESPONSES, { error: "请选择同意或不同意" }),
    reason: optionalText("理由", 500),
    /** When the street's page was drawn: proposals changed after it are not answered blind. */
    seenAt: z.iso.datetime({ offset: true }).refine((v) => isRealDay(v.slice(0, 10)), "页面时间有误，请刷新页面").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.response === "DISAGREE" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "不同意时请填写理由" });
  });

export const commentSchema = z.object({
  id,
  body: text("留言内容", 500),
});

export const arbitrateSchema = z
  .object({
    id,
    decision: z.enum(DECISIONS, { error: "请选择裁决结果" }),
    note: text("裁决意见", 1000, { min: 2 }),
    streetDuty: optionalText("街道职责", 1000),
    departmentDuty: optionalText("部门保留职责", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "ACCEPT" && !v.streetDuty) ctx.addIssue({ code: "custom", path: ["streetDuty"], message: "裁决承接时请写明街道承担的职责" });
    if (v.decision === "ACCEPT" && !v.departmentDuty) ctx.addIssue({ code: "custom", path: ["departmentDuty"], message: "裁决承接时请写明部门保留的职责" });
  });

export const pairSchema = z.object({ roundId: id, streetId: id, departmentId: id });
export const letterIdSchema = z.object({ letterId: id });
export const withdrawLetterSchema = z.object({
  letterId: id,
  reason: text("撤回理由", 500, { min: 2 }),
});
export const devolutionRoundIdSchema = z.object({ roundId: id });

/** Filters of an item list, from the query string; bad values are dropped, not errors. */
export const itemFilterSchema = z.object({
  department: filterId,
  street: filterId,
  type: filterId,
  domain: filterId,
  state: z.enum(STATES).optional().catch(undefined),
  q: filterText(50),
  page: filterPage(),
});

export type OpenDevolutionRoundInput = z.infer<typeof openDevolutionRoundSchema>;
export type AssignInput = z.infer<typeof assignSchema>;
export type ProposeInput = z.infer<typeof proposeSchema>;
export type RespondInput = z.infer<typeof respondSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
export type ArbitrateInput = z.infer<typeof arbitrateSchema>;
export type PairInput = z.infer<typeof pairSchema>;
export type ItemFilter = z.infer<typeof itemFilterSchema>;
