import { z } from "zod";
import { filterPage, filterText, id, idOf, optionalId, optionalText, text } from "@/lib/validation";
import { CANONICAL_FIELDS, DETAIL_FIELDS, FIELD_LABELS, fieldMax, type DetailField } from "./fields";
import { SUB_ITEM_FIELDS } from "./item-data";
import { expectedStamp } from "@/lib/edit-stamp";

export const CATALOGUE_KINDS = ["GUIDANCE", "GENERAL"] as const;
export type CatalogueKindValue = (typeof CATALOGUE_KINDS)[number];

const title = text("版本名称", 100, { min: 4 });

export const createEditionSchema = z.object({
  kind: z.enum(CATALOGUE_KINDS, { message: "请选择清单类别" }),
  title,
  description: optionalText("说明", 500),
  copyFromId: optionalId,
});

export const updateEditionSchema = z.object({ id, title, description: optionalText("说明", 500), expectedStamp });
export const editionIdSchema = z.object({ id });

// Labels and limits from the one definition of the item's fields (lib/catalogue/fields.ts).
const details = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, optionalText(FIELD_LABELS[f], fieldMax(f))])) as {
  [K in DetailField]: ReturnType<typeof optionalText>;
};

const subItemSchema = z.object({
  name: text(FIELD_LABELS.subItemName, fieldMax("subItemName")),
  powerTypeId: optionalId,
  fields: z
    .record(z.string(), z.string().max(Math.max(...SUB_ITEM_FIELDS.map(fieldMax)), "内容过长").nullable().optional())
    .default({})
    .transform((rec) => {
      const out: Record<string, string> = {};
      for (const f of SUB_ITEM_FIELDS) {
        const v = rec[f]?.replace(/\r\n?/g, "\n").trim();
        if (v) out[f] = v;
      }
      return out;
    }),
});

export const itemFormSchema = z.object({
  seq: optionalText(FIELD_LABELS.seq, fieldMax("seq")),
  code: optionalText(FIELD_LABELS.code, fieldMax("code")),
  name: text(FIELD_LABELS.name, fieldMax("name")),
  powerTypeId: idOf("请选择权力类型"),
  domainId: optionalId,
  departmentId: optionalId,
  departmentName: optionalText(FIELD_LABELS.department, fieldMax("department")),
  ...details,
  subItems: z.array(subItemSchema).max(200, "子项不能超过 200 个").default([]),
});

export const createItemSchema = itemFormSchema.extend({ editionId: id });
export const updateItemSchema = itemFormSchema.extend({ id, expectedStamp });
export const itemIdSchema = z.object({ id });

export type ItemFormInput = z.infer<typeof itemFormSchema>;
export type CreateItemInput = z.infer<typeof createItemSchema>;
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

export const ITEM_SORTS = ["position", "name", "type", "domain", "department", "code"] as const;
export const ITEM_PAGE_SIZES = [20, 50, 100] as const;

export const itemFilterSchema = z.object({
  q: filterText(100),
  type: z.union([z.literal("none"), id]).optional().catch(undefined),
  domain: z.union([z.literal("none"), id]).optional().catch(undefined),
  dept: z.union([z.literal("none"), id]).optional().catch(undefined),
  sort: z.enum(ITEM_SORTS).default("position").catch("position"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  size: z.coerce.number().pipe(z.union([z.literal(20), z.literal(50), z.literal(100)])).default(20).catch(20),
  page: filterPage(),
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;

export const compareSchema = z.object({ from: id, to: id });

/* Import: the user's corrections between upload and commit. */

export const importOptionsSchema = z.object({
  columnMap: z.record(z.string(), z.record(z.string(), z.enum(CANONICAL_FIELDS).nullable())).default({}),
  typeMap: z.record(z.string(), id).default({}),
  domainMap: z.record(z.string(), id).default({}),
  edits: z
    .record(z.string(), z.object({ name: z.string().optional(), powerTypeId: id.nullable().optional() }))
    .default({}),
  excluded: z.array(z.string()).default([]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const EMPTY_IMPORT_OPTIONS: ImportOptions = { columnMap: {}, typeMap: {}, domainMap: {}, edits: {}, excluded: [] };

const sessionId = id;

export const adjustImportSchema = z.discriminatedUnion("change", [
  z.object({
    sessionId,
    change: z.literal("column"),
    sheet: z.string().min(1).max(200),
    index: z.number().int().min(0).max(1000),
    field: z.enum(CANONICAL_FIELDS).nullable(),
  }),
  z.object({ sessionId, change: z.literal("type"), text: z.string().min(1).max(500), entryId: id.nullable() }),
  z.object({ sessionId, change: z.literal("domain"), text: z.string().min(1).max(500), entryId: id.nullable() }),
  z.object({
    sessionId,
    change: z.literal("row"),
    key: z.string().min(1).max(300),
    name: text("事项名称", 500),
    powerTypeId: id.nullable(),
  }),
  z.object({ sessionId, change: z.literal("exclude"), keys: z.array(z.string().min(1).max(300)).min(1).max(10000), excluded: z.boolean() }),
  z.object({ sessionId, change: z.literal("reset") }),
]);
export type AdjustImportInput = z.infer<typeof adjustImportSchema>;

export const importSessionIdSchema = z.object({ sessionId });

export const previewFilterSchema = z.object({
  show: z.enum(["all", "problems", "errors", "excluded"]).default("all").catch("all"),
  page: filterPage(),
});

/** 编办 sets the 领域 and/or the 部门 of many items of a draft at once. */
export const BULK_EDIT_MAX = 1000;
export const bulkEditSchema = z
  .object({
    editionId: id,
    itemIds: z.array(id).min(1, "请先勾选要修改的事项").max(BULK_EDIT_MAX, `一次最多修改 ${BULK_EDIT_MAX} 个事项`),
    domainId: optionalId,
    departmentId: optionalId,
  })
  .refine((v) => v.domainId != null || v.departmentId != null, { path: ["domainId"], message: "请选择要设置的领域或实施部门" });
export type BulkEditInput = z.infer<typeof bulkEditSchema>;
