import { z } from "zod";
import { ITEM_FIELDS, OPINIONS, SECTIONS, type ItemField } from "./labels";
import { expectedStamp } from "@/lib/edit-stamp";

const id = z.coerce.number({ message: "缺少编号" }).int().positive();
/** The version of the draft (or item) the user saw; a different one in the database is a conflict. */
const version = z.coerce.number({ message: "缺少版本号，请刷新页面" }).int().min(1);
const optionalId = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number().int().positive().nullable());

/** Optional text: trimmed, line ends normalised, empty becomes null. */
export function optionalText(max: number, label: string) {
  return z
    .string()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => {
      const t = v?.replace(/\r\n?/g, "\n").trim();
      return t ? t : null;
    });
}

function requiredText(min: number, max: number, label: string) {
  return z
    .string({ message: `请填写${label}` })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`));
}

const FIELD_LIMITS: Record<ItemField, [number, string]> = {
  code: [60, "事项编码"],
  name: [300, "事项名称"],
  subItemName: [500, "子项名称"],
  powerType: [30, "权力类型"],
  legalBasis: [20000, "实施依据"],
  exerciseSubject: [200, "行使主体"],
  handlingSection: [200, "承办机构"],
  departmentName: [200, "部门"],
  departmentDuty: [5000, "部门职责"],
  streetDuty: [5000, "街道（乡镇）职责"],
  responsibilities: [10000, "责任事项"],
  accountability: [10000, "追责情形"],
  reclaimMethod: [5000, "收回后运行方式"],
  remarks: [2000, "备注"],
};

const itemFieldShape = Object.fromEntries(
  ITEM_FIELDS.filter((f) => f !== "name").map((f) => [f, optionalText(FIELD_LIMITS[f][0], FIELD_LIMITS[f][1])]),
) as { [K in Exclude<ItemField, "name">]: ReturnType<typeof optionalText> };

/** Every field of an item as a form sends it. */
export const itemFieldsSchema = z.object({
  name: requiredText(2, 300, "事项名称"),
  ...itemFieldShape,
  categoryId: optionalId,
  section: z.enum(SECTIONS, { message: "请选择清单部分" }).default("BASIC"),
});

export type ItemFields = z.infer<typeof itemFieldsSchema>;

export const createListSchema = z.object({
  unitId: id,
  form: z.enum(["POWER", "DUTY"], { message: "请选择清单样式" }),
  title: optionalText(100, "清单名称"),
});

export const listRefSchema = z.object({ listId: id, version });

export const addItemSchema = itemFieldsSchema.extend({ listId: id, version });

export const updateItemSchema = itemFieldsSchema.extend({ listId: id, itemId: id, itemVersion: version });

export const removeItemSchema = z.object({ listId: id, version, itemId: id });

export const moveItemSchema = z.object({ listId: id, version, itemId: id, direction: z.enum(["up", "down"]) });

export const reorderSchema = z.object({
  listId: id,
  version,
  itemIds: z.array(z.coerce.number().int().positive()).min(1).max(5000),
});

export const stagesSchema = z.object({
  listId: id,
  version,
  stages: z
    .array(
      z.object({
        id: optionalId,
        name: requiredText(2, 30, "环节名称"),
        unitIds: z.array(z.coerce.number().int().positive()).max(100, "审核单位不能超过 100 个"),
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
    body: optionalText(5000, "意见内容"),
    itemComments: z
      .array(z.object({ itemId: id, body: requiredText(1, 2000, "逐项意见") }))
      .max(500)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.opinion !== "AGREE" && !v.body) {
      ctx.addIssue({ code: "custom", path: ["body"], message: v.opinion === "DISAGREE" ? "不同意时请写明理由" : "请写明需要修改的内容" });
    }
  });

export const returnSchema = z.object({ listId: id, version, reason: requiredText(2, 2000, "退回理由") });

export const dateField = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `请按「2026-01-31」的格式填写${label}`)
    .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label}不是有效日期`);

/** 文号 such as 示例编发〔2026〕12号. */
export const documentNumber = requiredText(4, 60, "文号");

export const publishSchema = z
  .object({
    listId: id,
    version,
    documentNumber,
    publishDate: dateField("公布日期"),
    effectiveDate: dateField("施行日期"),
    note: optionalText(500, "说明"),
  })
  .refine((v) => v.effectiveDate >= v.publishDate, { path: ["effectiveDate"], message: "施行日期不能早于公布日期" });

export const categorySchema = z.object({ name: requiredText(2, 20, "分类名称") });
export const updateCategorySchema = z.object({ id, name: requiredText(2, 20, "分类名称"), expectedStamp });
export const moveCategorySchema = z.object({ id, direction: z.enum(["up", "down"]) });
export const setCategoryActiveSchema = z.object({ id, active: z.boolean() });

export type CreateListInput = z.infer<typeof createListSchema>;
export type AddItemInput = z.infer<typeof addItemSchema>;
export type UpdateItemInput = z.infer<typeof updateItemSchema>;
export type StagesInput = z.infer<typeof stagesSchema>;
export type OpinionInput = z.infer<typeof opinionSchema>;
export type PublishInput = z.infer<typeof publishSchema>;
