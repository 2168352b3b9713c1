import { z } from "zod";
import { date, id, optionalDate, optionalId, optionalText, text, version } from "@/lib/validation";
import { ITEM_FIELD_DEFS, itemFieldDef, OPINIONS, SECTIONS, type ItemField } from "./labels";
import { expectedStamp } from "@/lib/edit-stamp";

/** The item's text fields with their labels and limits, from their one definition (./labels.ts). */
const itemFieldShape = Object.fromEntries(
  ITEM_FIELD_DEFS.filter((f) => f.key !== "name").map((f) => [f.key, optionalText(f.label, f.max)]),
) as { [K in Exclude<ItemField, "name">]: ReturnType<typeof optionalText> };
const nameDef = itemFieldDef("name");

/** Every field of an item as a form sends it. */
export const itemFieldsSchema = z.object({
  name: text(nameDef.label, nameDef.max, { min: nameDef.min }),
  ...itemFieldShape,
  categoryId: optionalId,
  section: z.enum(SECTIONS, { message: "请选择清单部分" }).default("BASIC"),
});

export type ItemFields = z.infer<typeof itemFieldsSchema>;

export const createListSchema = z.object({
  unitId: id,
  form: z.enum(["POWER", "DUTY"], { message: "请选择清单样式" }),
  title: optionalText("清单名称", 100),
});

export const listRefSchema = z.object({ listId: id, version });

export const addItemSchema = itemFieldsSchema.extend({ listId: id, version });

export const updateItemSchema = itemFieldsSchema.extend({ listId: id, itemId: id, itemVersion: version });

export const removeItemSchema = z.object({ listId: id, version, itemId: id });

export const moveItemSchema = z.object({ listId: id, version, itemId: id, direction: z.enum(["up", "down"]) });

export const reorderSchema = z.object({
  listId: id,
  version,
  itemIds: z.array(id).min(1).max(5000),
});

export const stagesSchema = z.object({
  listId: id,
  version,
  stages: z
    .array(
      z.object({
        id: optionalId,
        name: text("环节名称", 30, { min: 2 }),
        unitIds: z.array(id).max(100, "审核单位不能超过 100 个"),
      }),
    )
    .min(1, "至少保留「印发公布」环节")
    .max(20, "审核环节不能超过 20 个"),
});

export const opinionSchema = z
  .object({
    listId: id,
    version,
    opinion: z.enum(OPINIONS, { message: "请选择审核意见" }),
    body: optionalText("意见内容", 5000),
    // 常务会审定 only (the command requires them there): which meeting decided.
    meetingNumber: optionalText("会议期次", 50),
    meetingDate: optionalDate("会议日期"),
    itemComments: z
      .array(z.object({ itemId: id, body: text("逐项意见", 2000) }))
      .max(500)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.opinion !== "AGREE" && !v.body) {
      ctx.addIssue({ code: "custom", path: ["body"], message: v.opinion === "DISAGREE" ? "不同意时请写明理由" : "请写明需要修改的内容" });
    }
  });

export const returnSchema = z.object({ listId: id, version, reason: text("退回理由", 2000, { min: 2 }) });

/** 文号 such as 示例编发〔2026〕12号. */
export const documentNumber = text("文号", 60, { min: 4 });

/** What publishing a version asks for, a list's own or an adjustment's. */
export const publicationFields = {
  documentNumber,
  publishDate: date("公布日期"),
  effectiveDate: date("施行日期"),
  note: optionalText("说明", 500),
};

export function checkPublicationDates(v: { publishDate: string; effectiveDate: string }, ctx: z.RefinementCtx) {
  if (v.effectiveDate < v.publishDate) ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: "施行日期不能早于公布日期" });
}

export const publishSchema = z.object({ listId: id, version, ...publicationFields }).superRefine(checkPublicationDates);

export const categorySchema = z.object({ name: text("分类名称", 20, { min: 2 }) });
export const updateCategorySchema = z.object({ id, name: text("分类名称", 20, { min: 2 }), expectedStamp });
export const moveCategorySchema = z.object({ id, direction: z.enum(["up", "down"]) });
export const setCategoryActiveSchema = z.object({ id, active: z.boolean() });

export type CreateListInput = z.infer<typeof createListSchema>;
export type AddItemInput = z.infer<typeof addItemSchema>;
export type UpdateItemInput = z.infer<typeof updateItemSchema>;
export type StagesInput = z.infer<typeof stagesSchema>;
/** Meeting fields may be left out by callers other than the form (the seed, tests). */
export type OpinionInput = Omit<z.infer<typeof opinionSchema>, "meetingNumber" | "meetingDate"> & { meetingNumber?: string | null; meetingDate?: string | null };
export type PublishInput = z.infer<typeof publishSchema>;
