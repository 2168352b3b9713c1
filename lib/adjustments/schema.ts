import { z } from "zod";
import { checkPublicationDates, itemFieldsSchema, publicationFields } from "@/lib/lists/schema";
import { OPINIONS, type ItemField, type SECTIONS } from "@/lib/lists/labels";
import { id, optionalText, text, version } from "@/lib/validation";

const note = optionalText("说明", 1000);

const itemKey = z.string({ message: "请选择事项" }).trim().min(1, "请选择事项").max(20, "事项有误，请刷新页面");

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
  baseVersionNo: version,
  reason: text("调整理由", 2000, { min: 4 }),
  basis: text("调整依据", 5000, { min: 2 }),
  changes: z.array(changeSchema).min(1, "请至少填写一项调整").max(200, "一次最多调整 200 项"),
});

export const adjustmentRefSchema = z.object({ adjustmentId: id, version });

export const adjustmentOpinionSchema = z
  .object({ adjustmentId: id, version, opinion: z.enum(OPINIONS, { message: "请选择意见" }), body: optionalText("意见内容", 5000) })
  .superRefine((v, ctx) => {
    if (v.opinion !== "AGREE" && !v.body) ctx.addIssue({ code: "custom", path: ["body"], message: "请写明意见或需要修改的内容" });
  });

export const decideSchema = z
  .object({ adjustmentId: id, version, approve: z.boolean(), note: optionalText("决定说明", 2000) })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "不予调整时请写明理由" });
  });

export const fileSchema = z.object({ adjustmentId: id, version, filingNumber: text("备案编号", 60, { min: 4 }) });

export const withdrawSchema = z.object({ adjustmentId: id, version, reason: optionalText("撤回理由", 1000) });

export const publishAdjustmentSchema = z.object({ adjustmentId: id, version, ...publicationFields }).superRefine(checkPublicationDates);

export type ChangeInput = z.infer<typeof changeSchema>;
export type CreateAdjustmentInput = z.infer<typeof createAdjustmentSchema>;
export type AdjustmentOpinionInput = z.infer<typeof adjustmentOpinionSchema>;
export type DecideInput = z.infer<typeof decideSchema>;
export type FileInput = z.infer<typeof fileSchema>;
export type PublishAdjustmentInput = z.infer<typeof publishAdjustmentSchema>;

/** Proposed values of an added or modified item as stored: text fields, category (by name) and section. */
export type ChangeFields = Partial<Record<ItemField, string | null>> & { category?: string | null; categoryOrder?: number; section?: (typeof SECTIONS)[number] };
