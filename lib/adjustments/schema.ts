import { z } from "zod";
import { dateField, documentNumber, itemFieldsSchema, optionalText } from "@/lib/lists/schema";
import { OPINIONS } from "@/lib/lists/labels";

const id = z.coerce.number({ message: "缺少编号" }).int().positive();
const version = z.coerce.number({ message: "缺少版本号，请刷新页面" }).int().min(1);
const note = optionalText(1000, "说明");

function requiredText(min: number, max: number, label: string) {
  return z
    .string({ message: `请填写${label}` })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`));
}

const itemKey = z.string({ message: "请选择事项" }).trim().min(1, "请选择事项").max(20);

export const changeSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("ADD"), fields: itemFieldsSchema, note }),
    z.object({ action: z.literal("REMOVE"), itemKey, note }),
    z.object({ action: z.literal("MODIFY"), itemKey, fields: itemFieldsSchema, note }),
  ],
  { message: "请选择调整方式" },
);

export const createAdjustmentSchema = z.object({
  listId: id,
  /** The version the applicant looked at; a newer one is a conflict. */
  baseVersionNo: z.coerce.number().int().min(1),
  reason: requiredText(4, 2000, "调整理由"),
  basis: requiredText(2, 5000, "调整依据"),
  changes: z.array(changeSchema).min(1, "请至少填写一项调整").max(200, "一次最多调整 200 项"),
});

export const adjustmentRefSchema = z.object({ adjustmentId: id, version });

export const adjustmentOpinionSchema = z
  .object({ adjustmentId: id, version, opinion: z.enum(OPINIONS, { message: "请选择意见" }), body: optionalText(5000, "意见内容") })
  .superRefine((v, ctx) => {
    if (v.opinion !== "AGREE" && !v.body) ctx.addIssue({ code: "custom", path: ["body"], message: "请写明意见或需要修改的内容" });
  });

export const decideSchema = z
  .object({ adjustmentId: id, version, approve: z.boolean(), note: optionalText(2000, "决定说明") })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "不予调整时请写明理由" });
  });

export const fileSchema = z.object({ adjustmentId: id, version, filingNumber: requiredText(4, 60, "备案编号") });

export const withdrawSchema = z.object({ adjustmentId: id, version, reason: optionalText(1000, "撤回理由") });

export const publishAdjustmentSchema = z
  .object({
    adjustmentId: id,
    version,
    documentNumber,
    publishDate: dateField("公布日期"),
    effectiveDate: dateField("施行日期"),
    note: optionalText(500, "说明"),
  })
  .refine((v) => v.effectiveDate >= v.publishDate, { path: ["effectiveDate"], message: "施行日期不能早于公布日期" });

export type ChangeInput = z.infer<typeof changeSchema>;
export type CreateAdjustmentInput = z.infer<typeof createAdjustmentSchema>;
export type AdjustmentOpinionInput = z.infer<typeof adjustmentOpinionSchema>;
export type DecideInput = z.infer<typeof decideSchema>;
export type FileInput = z.infer<typeof fileSchema>;
export type PublishAdjustmentInput = z.infer<typeof publishAdjustmentSchema>;
