/**
 * The one definition of a catalogue item's (事项) fields. Everything that lists the fields derives
 * from it: the zod schema (limits), the edit form (groups, rows, hints), the export columns
 * (header, width, always shown), the edition comparison, the detail page and the importer's
 * header recognition (synonyms). A new long-text field added here (with its database column)
 * appears in all of them; `fields.test.ts` walks the definition and checks each place.
 *
 * Pure data: imported by the parse worker and client components alike.
 */

/** The edit form's sections, in order. */
export const FORM_GROUPS = ["实施依据", "实施主体与层级", "责任与追责", "办理信息"] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

export type ItemFieldDef = {
  /** Chinese label: form, detail page, export header, comparison, audit log, import report. */
  label: string;
  /** Longest text accepted (the schema's limit and the input's maxLength). */
  max?: number;
  /** Column width in the exported workbook (characters); 24 when not given. */
  width?: number;
  /** Exported even when no item fills it. */
  exportAlways?: boolean;
  /**
   * A long-text field of the item (and of a sub-item, which may hold its own value): stored in
   * its own column, edited in the form's `group` with a textarea of `rows` (1: a text input).
   */
  detail?: { group: FormGroup; rows: number; hint?: string; wide?: boolean };
  /** Header texts real published lists use for it, normalised (see normaliseHeader). */
  synonyms: readonly string[];
};

export const ITEM_FIELDS = {
  seq: {
    label: "序号", max: 20, width: 6, exportAlways: true,
    synonyms: ["序号", "序", "顺序号", "排序号", "序列号", "no", "no.", "#"],
  },
  code: {
    label: "事项编码", max: 100, width: 16,
    synonyms: [
      "事项编码", "编码", "权力编码", "职权编码", "权力事项编码", "事项编号", "权力编号", "职权编号",
      "基本编码", "清单编码", "目录编码", "实施编码", "事项代码", "编号", "代码", "权责事项编码",
    ],
  },
  name: {
    label: "事项名称", max: 500, width: 30, exportAlways: true,
    synonyms: [
      "事项名称", "项目名称", "权力名称", "权力事项名称", "职权名称", "职权事项名称", "权责事项名称",
      "清单事项名称", "主项名称", "主项", "事项", "权力事项", "职权事项", "权责事项", "项目", "名称",
      "基本事项名称", "职责事项", "职责事项名称", "履职事项", "履职事项名称", "履行职责事项",
      "事项名称主项", "权力事项主项名称", "行政权力名称", "行政权力事项名称", "行政职权名称",
    ],
  },
  subItemName: {
    label: "子项名称", max: 500, width: 24, exportAlways: true,
    synonyms: [
      "子项", "子项名称", "子项事项名称", "子项目", "子项目名称", "子事项", "子事项名称", "事项子项",
      "权力事项子项", "子项权力名称", "子项名称如有",
    ],
  },
  powerType: {
    label: "权力类型", width: 12, exportAlways: true,
    synonyms: [
      "权力类型", "事项类型", "权力类别", "职权类型", "职权类别", "事项类别", "类型", "类别",
      "权力分类", "职权分类", "权责类型", "权力种类", "行政职权类型", "行政权力类型", "权责事项类型",
      "职责类型", "权力事项类型", "事项分类",
    ],
  },
  domain: {
    label: "所属领域", width: 12,
    synonyms: ["领域", "所属领域", "行业领域", "执法领域", "业务领域", "所属行业", "职能领域", "事项领域", "所属类别领域"],
  },
  department: {
    label: "实施部门", max: 100, width: 18,
    synonyms: [
      "实施部门", "原实施部门", "部门", "部门名称", "责任部门", "主管部门", "业务主管部门", "行业主管部门",
      "原行使部门", "行使部门", "职能部门", "实施单位", "原实施单位", "单位名称", "原实施主体部门",
    ],
  },
  legalBasis: {
    label: "实施依据", max: 20000, width: 60, exportAlways: true, detail: { group: "实施依据", rows: 8, hint: "可分行填写；用【法律】【法规】【规章】等标注依据类别，如：【法律】《中华人民共和国食品安全法》第一百二十二条……" },
    synonyms: [
      "实施依据", "设定依据", "法律依据", "设定和实施依据", "设定及实施依据", "设定依据和实施依据",
      "实施依据和设定依据", "依据", "法定依据", "法律法规依据", "法律法规及文件依据", "法律法规规章依据",
      "政策依据", "权力依据", "职权依据", "行使依据", "依据及条款", "设定依据及实施依据",
    ],
  },
  exerciseSubject: {
    label: "行使主体", max: 200, detail: { group: "实施主体与层级", rows: 1 },
    synonyms: ["行使主体", "实施主体", "责任主体", "实施机关", "行使机关", "执法主体", "主体", "行权主体"],
  },
  handlingSection: {
    label: "承办机构", max: 200, detail: { group: "实施主体与层级", rows: 1 },
    synonyms: [
      "承办机构", "承办科室", "承办处室", "承办股室", "内设机构", "承办单位", "具体承办机构", "承办部门",
      "责任科室", "责任股室", "承办机构科室",
    ],
  },
  implementationLevel: {
    label: "实施层级及权限", max: 2000, detail: { group: "实施主体与层级", rows: 2 },
    synonyms: [
      "实施层级及权限", "实施层级", "行使层级", "层级", "实施层级和权限", "行使层级及权限", "行使层级和权限",
      "层级及权限", "权限划分", "实施层级与权限",
    ],
  },
  departmentDuty: {
    label: "部门职责", max: 5000, detail: { group: "实施主体与层级", rows: 3 },
    synonyms: ["部门职责", "区级部门职责", "县级部门职责", "市级部门职责", "部门职责边界"],
  },
  responsibilities: {
    label: "责任事项内容", max: 10000, width: 46, detail: { group: "责任与追责", rows: 5 },
    synonyms: ["责任事项", "责任事项内容", "责任内容", "责任事项及内容"],
  },
  responsibilityBasis: {
    label: "责任事项依据", max: 10000, width: 40, detail: { group: "责任与追责", rows: 3 },
    synonyms: ["责任事项依据", "责任事项的依据", "责任依据"],
  },
  accountableParties: {
    label: "追责对象范围", max: 2000, detail: { group: "责任与追责", rows: 3 },
    synonyms: ["追责对象范围", "追责对象", "问责对象", "责任追究对象", "追责对象及范围"],
  },
  accountabilityGrounds: {
    label: "追责情形", max: 10000, width: 46, detail: { group: "责任与追责", rows: 5 },
    synonyms: ["追责情形", "问责情形", "责任追究情形", "追责情形及依据", "追责情况"],
  },
  statutoryTimeLimit: {
    label: "法定时限", max: 200, width: 12, detail: { group: "办理信息", rows: 1 },
    synonyms: ["法定时限", "法定办结时限", "法定期限", "法定办理时限", "法定办结期限", "办理时限", "办结时限", "时限"],
  },
  promisedTimeLimit: {
    label: "承诺时限", max: 200, width: 12, detail: { group: "办理信息", rows: 1 },
    synonyms: ["承诺时限", "承诺办结时限", "承诺期限", "承诺办理时限", "承诺办结期限"],
  },
  chargesFee: {
    label: "是否收费", max: 2000, width: 12, detail: { group: "办理信息", rows: 1 },
    synonyms: [
      "是否收费", "收费", "收费标准", "收费依据", "收费依据和标准", "收费依据及标准", "收费情况",
      "收费标准及依据", "收费项目",
    ],
  },
  supervisionPhone: {
    label: "监督电话", max: 100, width: 14, detail: { group: "办理信息", rows: 1 },
    synonyms: ["监督电话", "投诉电话", "监督投诉电话", "投诉举报电话", "监督举报电话", "投诉监督电话"],
  },
  remarks: {
    label: "备注", max: 2000, detail: { group: "办理信息", rows: 2, wide: true },
    synonyms: ["备注", "说明", "备注说明", "附注"],
  },
} as const satisfies Record<string, ItemFieldDef>;

export type CanonicalField = keyof typeof ITEM_FIELDS;
type Defs = typeof ITEM_FIELDS;
export type DetailField = { [K in CanonicalField]: Defs[K] extends { detail: object } ? K : never }[CanonicalField];

/**
 * Everything derived from a definition. Exported so that a test can derive from a definition
 * with one more field and check that it reaches every place.
 */
export function deriveFields(defs: Record<string, ItemFieldDef>) {
  const fields = Object.keys(defs);
  const details = fields.filter((f) => defs[f].detail !== undefined);
  return {
    CANONICAL_FIELDS: fields,
    DETAIL_FIELDS: details,
    FIELD_LABELS: Object.fromEntries(fields.map((f) => [f, defs[f].label])),
    HEADER_SYNONYMS: Object.fromEntries(fields.map((f) => [f, defs[f].synonyms])),
    fieldDef: (field: string): ItemFieldDef => defs[field],
    fieldMax(field: string): number {
      const max = defs[field].max;
      if (max === undefined) throw new Error(`${field} has no length limit`);
      return max;
    },
    formGroups: () =>
      FORM_GROUPS.map((title) => ({
        title,
        fields: details
          .filter((f) => defs[f].detail!.group === title)
          .map((field) => ({ field, rows: defs[field].detail!.rows, hint: defs[field].detail!.hint, wide: defs[field].detail!.wide ?? false })),
      })),
  };
}

const derived = deriveFields(ITEM_FIELDS);

/** Every field, in the order of the export and the importer's column choices. */
export const CANONICAL_FIELDS = derived.CANONICAL_FIELDS as [CanonicalField, ...CanonicalField[]];

/** Long-text fields of an item, in the order the detail page and the export show them. */
export const DETAIL_FIELDS = derived.DETAIL_FIELDS as DetailField[];

/** Chinese display label of each field (for UIs, reports and messages). */
export const FIELD_LABELS = derived.FIELD_LABELS as Record<CanonicalField, string>;

/** Header synonyms of each field, written in normalised form (see normaliseHeader). */
export const HEADER_SYNONYMS = derived.HEADER_SYNONYMS as Record<CanonicalField, readonly string[]>;

/** The definition of one field. */
export const fieldDef: (field: CanonicalField) => ItemFieldDef = derived.fieldDef;

/** The schema's length limit of a field. */
export const fieldMax: (field: CanonicalField) => number = derived.fieldMax;

/** The edit form's sections with their detail fields. */
export const formGroups = derived.formGroups as () => { title: FormGroup; fields: { field: DetailField; rows: number; hint?: string; wide: boolean }[] }[];
