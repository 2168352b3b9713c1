import { z } from "zod";
import { id, optionalText, text, version } from "@/lib/validation";
import { fileTooLargeMessage } from "@/lib/uploads";
import { FIELD_TYPES, parseRow, type FieldDef, type RowValues } from "./fields";

// A list type's definition (columns from the field library, sections, review stages) and the
// inputs of the typed-list commands. Pure: the type editor and the server check the same way.

export const UNIT_KINDS = ["STREET", "TOWNSHIP", "COMMUNITY"] as const;
export type ListUnitKind = (typeof UNIT_KINDS)[number];

export const LIST_TYPE_CODE_RE = /^[a-z][a-z0-9-]{1,39}$/;
/** The reserved type code the existing 职权清单 report in the open-data API. */
export const POWER_LIST_TYPE = "power-list";

/** A list typed one per line (or, for options, separated by 、 or commas) in a form arrives as text. */
const lines = (separators: RegExp) => (v: unknown) => {
  // A form's one field may arrive as a string, or already wrapped in a list by the form reader.
  const items = typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
  return items ? items.flatMap((x) => x.split(separators)).map((x) => x.trim()).filter(Boolean) : v;
};

const shortName = (label: string, max: number) => text(label, max).refine((v) => !v.includes("\n"), `${label}只能填写一行`);

export const fieldDefSchema = z
  .object({
    key: z.string({ error: "请填写字段代码" }).regex(/^[a-z][a-zA-Z0-9]{0,39}$/, "字段代码须以小写字母开头，只含字母和数字（如 serviceObject）"),
    label: shortName("列名", 30),
    type: z.enum(FIELD_TYPES, { error: "请选择字段类型" }),
    required: z.boolean().default(false),
    options: z.preprocess(lines(/[、,，\n]/), z.array(shortName("选项", 30)).max(30, "选项不能超过 30 个").optional()),
  })
  .superRefine((f, ctx) => {
    if (f.type === "choice" && (f.options?.length ?? 0) < 2) ctx.addIssue({ code: "custom", path: ["options"], message: `「${f.label}」是选项字段，请至少给出两个选项` });
    if (f.options && new Set(f.options).size !== f.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: `「${f.label}」的选项有重复` });
  })
  .transform((f): FieldDef => ({ key: f.key, label: f.label, type: f.type, required: f.required, ...(f.type === "choice" ? { options: f.options } : {}) }));

/** The reviewer a stage names when it names none, or names「编办」: the 编办 of the list's unit (its district's where there is one). */
export const BIANBAN_REVIEWER = "编办";

/**
 * A review stage as the type editor writes it, one per line:「编办审核」(the 编办 reviews) or
 *「合法性审查：示例市司法局」(that unit reviews), with a full-width or ASCII colon.
 */
export function parseStageLine(line: string): { name: string; unitName: string | null } {
  const m = /^(.*?)[：:](.*)$/.exec(line);
  if (!m) return { name: line.trim(), unitName: null };
  const unit = m[2].trim();
  return { name: m[1].trim(), unitName: unit === "" || unit === BIANBAN_REVIEWER ? null : unit };
}

/** A stored review stage: its name and the unit that reviews (null: the list's 编办). */
export type StageDef = { name: string; unitId: number | null };

/** Reads stored stages: a plain name (as types stored them first) is a stage 编办 reviews. */
export function parseStoredStages(value: unknown): StageDef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s): StageDef[] => {
    if (typeof s === "string") return [{ name: s, unitId: null }];
    if (s && typeof s === "object" && typeof s.name === "string") return [{ name: s.name, unitId: typeof s.unitId === "number" ? s.unitId : null }];
    return [];
  });
}

export const typeDefinitionSchema = z
  .object({
    name: shortName("清单类型名称", 40),
    description: optionalText("说明", 500),
    unitKinds: z.array(z.enum(UNIT_KINDS, { error: "单位类别有误" }), { error: "请选择适用的单位类别" }).min(1, "请至少选择一类适用单位"),
    fields: z.array(fieldDefSchema).min(1, "请至少设置一列").max(40, "列数不能超过 40"),
    sections: z.preprocess(lines(/\n/), z.array(shortName("分类名称", 30)).max(30, "分类不能超过 30 个").default([])),
    // A line is a stage's name, or「名称：审核单位」(see parseStageLine).
    stages: z.preprocess(
      lines(/\n/),
      z
        .array(
          shortName("审核环节", 72).superRefine((line, ctx) => {
            const { name, unitName } = parseStageLine(line);
            if (!name) ctx.addIssue({ code: "custom", message: "审核环节名称不能为空" });
            else if ([...name].length > 30) ctx.addIssue({ code: "custom", message: `审核环节名称「${name}」不能超过 30 个字` });
            if (unitName !== null && [...unitName].length > 40) ctx.addIssue({ code: "custom", message: `审核单位「${unitName}」不能超过 40 个字` });
          }),
        )
        .max(8, "审核环节不能超过 8 个")
        .default([]),
    ),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    const labels = new Set<string>();
    t.fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: "custom", path: ["fields", i, "key"], message: `字段代码「${f.key}」重复` });
      if (labels.has(f.label)) ctx.addIssue({ code: "custom", path: ["fields", i, "label"], message: `列名「${f.label}」重复` });
      keys.add(f.key);
      labels.add(f.label);
    });
    if (new Set(t.sections).size !== t.sections.length) ctx.addIssue({ code: "custom", path: ["sections"], message: "分类名称有重复" });
    if (new Set(t.stages.map((l) => parseStageLine(l).name)).size !== t.stages.length) ctx.addIssue({ code: "custom", path: ["stages"], message: "审核环节名称有重复" });
  });
export type TypeDefinition = z.infer<typeof typeDefinitionSchema>;

export const createTypeSchema = typeDefinitionSchema.and(
  z.object({ code: z.string({ error: "请填写类型代码" }).regex(LIST_TYPE_CODE_RE, "类型代码只能用小写字母、数字和短横线，以字母开头（如 xz-service）").refine((c) => c !== POWER_LIST_TYPE, "该代码已被职权清单使用") }),
);
export const updateTypeSchema = typeDefinitionSchema.and(z.object({ typeId: id, revision: version }));
/** 停用 / 启用 / 删除 a type: which one, at the revision the user saw. */
export const typeStateSchema = z.object({ typeId: id, revision: version });

/** One draft or published row. */
export type TypedRow = { key: string; section: string | null; values: RowValues };

/** A published version's frozen definition and rows: what the portal, exports and API read. */
export type VersionSnapshot = { fields: FieldDef[]; sections: string[]; rows: TypedRow[] };

/**
 * What a publication stores: a deep copy of the type's field definitions and sections as they
 * are now, with the rows. Later edits of the type do not reach it, so new columns apply from the
 * next version and a removed column stays readable in the versions that had it.
 */
export function snapshotOf(type: { fields: readonly FieldDef[]; sections: readonly string[] }, rows: readonly TypedRow[]): VersionSnapshot {
  return structuredClone({ fields: [...type.fields], sections: [...type.sections], rows: [...rows] });
}

/** A version's columns: its own frozen definitions, never the type's current ones. */
export function versionColumns(version: { fields: unknown }): FieldDef[] {
  return parseStoredFields(version.fields);
}

/** Reads field definitions stored as JSON (lenient: the stored shape was checked when written). */
export function parseStoredFields(value: unknown): FieldDef[] {
  if (!Array.isArray(value)) return [];
  return value.filter((f): f is FieldDef => !!f && typeof f === "object" && typeof f.key === "string" && typeof f.label === "string" && typeof f.type === "string");
}

export function parseStoredStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];
}

export function parseStoredRows(value: unknown): TypedRow[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r) => r && typeof r === "object" && typeof r.key === "string")
    .map((r) => ({ key: r.key as string, section: typeof r.section === "string" ? r.section : null, values: (r.values && typeof r.values === "object" ? r.values : {}) as RowValues }));
}

/** Checks the draft's rows against the type's current definition before publication: one line per problem. */
export function publicationProblems(fields: readonly FieldDef[], sections: readonly string[], rows: readonly TypedRow[]): string[] {
  const out: string[] = [];
  if (rows.length === 0) out.push("清单还没有事项，不能公布");
  rows.forEach((row, i) => {
    if (sections.length > 0 && (!row.section || !sections.includes(row.section))) out.push(`第 ${i + 1} 行：请选择分类`);
    const r = parseRow(fields, row.values);
    if ("problems" in r) for (const p of Object.values(r.problems)) out.push(`第 ${i + 1} 行：${p}`);
  });
  return out;
}

// ---- typed-list command inputs ----

export const createListSchema = z.object({ typeId: id, unitId: id });
/** A row's values come as `v.<fieldKey>` form fields; they are checked against the type on the server. */
export const saveRowSchema = z.object({
  listId: id,
  revision: version,
  rowKey: z.string().max(20).optional().default(""),
  section: z.string().max(30).optional().default(""),
  v: z.record(z.string(), z.string().max(5000, "内容过长")).default({}),
});
export const removeRowSchema = z.object({ listId: id, revision: version, rowKey: z.string().min(1).max(20) });
export const submitSchema = z.object({ listId: id, revision: version });
export const reviewSchema = z.object({
  listId: id,
  revision: version,
  decision: z.enum(["approve", "return"], { error: "请选择审核结论" }),
  opinion: text("审核意见", 1000),
});
export const publishSchema = z.object({
  listId: id,
  revision: version,
  documentNumber: shortName("文号", 60),
  note: optionalText("公布说明", 500),
});

/** A spreadsheet of rows: previewed first, then sent again to be imported (all rows or none). */
export const importRowsSchema = z.object({
  listId: id,
  revision: version,
  fileName: z
    .string()
    .trim()
    .min(1, "请选择文件")
    .max(255, "文件名过长")
    .refine((n) => /\.(xlsx|xls|csv)$/i.test(n), "只能导入 Excel（.xlsx、.xls）或 CSV 文件"),
  file: z
    .instanceof(Uint8Array, { error: "请选择文件" })
    .refine((b) => b.byteLength > 0, "文件为空（0 字节），请检查后重新上传")
    .refine((b) => b.byteLength <= 5 * 1024 * 1024, fileTooLargeMessage(5 * 1024 * 1024)),
});
