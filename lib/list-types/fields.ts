import { z } from "zod";
import { dayProblem, isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";

// The library of typed fields a list type's columns are chosen from. Each field type is defined
// once here: what a cell accepts (its zod validator, which also normalises the value), its name
// in the type editor, how a cell reads in the portal's table and in an export, and the extra
// header names an import recognises besides the column's own label. Pure: client and server.

export const FIELD_TYPES = ["text", "longText", "choice", "lawCitation", "department", "workingDays", "fee", "phone", "date"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One column of a list type (stored as JSON on the type and, frozen, on each published version). */
export type FieldDef = {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** For `choice`: the values allowed. */
  options?: string[];
};

/** A row's values: field key → normalised text ("" when empty). */
export type RowValues = Record<string, string>;

type FieldTypeDef = {
  /** The name shown in the type editor. */
  label: string;
  /** What the type editor says about it. */
  hint: string;
  maxLength: number;
  /** Checks and normalises one non-empty cell; returns the stored text or a Chinese problem. */
  parse: (value: string, field: FieldDef) => { value: string } | { problem: string };
  /** How the stored text reads in a table cell and in an export cell. */
  display: (value: string, field: FieldDef) => string;
  /** Header names an import accepts for a column of this type, besides its label and key. */
  synonyms: (field: FieldDef) => string[];
};

const plain = (value: string) => value;
const ok = (value: string) => ({ value });
const problem = (text: string) => ({ problem: text });

const FULL_WIDTH_DIGITS = /[０-９]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export const FIELD_TYPE_DEFS: Record<FieldType, FieldTypeDef> = {
  text: {
    label: "单行文字",
    hint: "名称、对象等简短文字，200 字以内",
    maxLength: 200,
    parse: (v, f) => (v.includes("\n") ? problem(`${f.label}只能填写一行`) : ok(v)),
    display: plain,
    synonyms: () => [],
  },
  longText: {
    label: "多行文字",
    hint: "条件、材料、流程等较长的文字，2000 字以内",
    maxLength: 2000,
    parse: (v) => ok(v),
    display: plain,
    synonyms: () => [],
  },
  choice: {
    label: "选项",
    hint: "从给定的选项中选一项",
    maxLength: 50,
    parse: (v, f) => {
      const options = f.options ?? [];
      const hit = options.find((o) => o === v) ?? options.find((o) => o.replace(/\s/g, "") === v.replace(/\s/g, ""));
      return hit ? ok(hit) : problem(`${f.label}只能是：${options.join("、")}`);
    },
    display: plain,
    synonyms: () => [],
  },
  lawCitation: {
    label: "法律依据",
    hint: "引用的法律法规，须含书名号《》",
    maxLength: 4000,
    parse: (v, f) => (/《[^《》]+》/.test(v) ? ok(v) : problem(`${f.label}应写明法律法规名称并加书名号，如《中华人民共和国城乡规划法》第六十五条`)),
    display: plain,
    synonyms: () => ["法律依据", "设定依据", "依据"],
  },
  department: {
    label: "部门",
    hint: "承担或配合的部门、单位名称",
    maxLength: 100,
    parse: (v, f) => (v.includes("\n") ? problem(`${f.label}只能填写一行`) : ok(v.replace(/\s+/g, " "))),
    display: plain,
    synonyms: () => [],
  },
  workingDays: {
    label: "时限（工作日）",
    hint: "工作日数；即办填 0",
    maxLength: 20,
    parse: (v, f) => {
      const s = halfWidth(v).replace(/\s/g, "");
      if (s === "即办" || s === "当场办结" || s === "即时办结") return ok("0");
      const m = /^(\d{1,4})(个?工作日|天|日)?$/.exec(s);
      if (!m) return problem(`${f.label}请填写工作日数（如 20），即办填 0`);
      const n = Number(m[1]);
      return n > 3650 ? problem(`${f.label}不能超过 3650 个工作日`) : ok(String(n));
    },
    display: (v) => (v === "" ? "" : v === "0" ? "即办" : `${v} 个工作日`),
    synonyms: (f) => [`${f.label}（工作日）`, `${f.label}(工作日)`],
  },
  fee: {
    label: "收费",
    hint: "不收费，或收费标准及依据",
    maxLength: 500,
    parse: (v) => {
      const s = halfWidth(v).replace(/\s/g, "");
      if (["不收费", "免费", "无", "0", "0元", "否"].includes(s)) return ok("不收费");
      return ok(v);
    },
    display: plain,
    synonyms: () => ["收费标准", "是否收费", "收费情况"],
  },
  phone: {
    label: "电话",
    hint: "咨询、监督电话，可填多个，用顿号分隔",
    maxLength: 100,
    parse: (v, f) => {
      const s = halfWidth(v).replace(/（/g, "(").replace(/）/g, ")").replace(/－|—/g, "-");
      return /^[0-9()\-+、,，;；\s转]{5,100}$/.test(s) && /\d{5,}|\d{3,4}-\d{5,}/.test(s.replace(/\s/g, "")) ? ok(s.trim()) : problem(`${f.label}请填写电话号码（如 0516-83801234）`);
    },
    display: plain,
    synonyms: () => ["联系电话", "电话"],
  },
  date: {
    label: "日期",
    hint: "日期，如 2027-01-01",
    maxLength: 10,
    parse: (v, f) => {
      const s = halfWidth(v).replace(/[./年月]/g, "-").replace(/日$/, "");
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
      const day = m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : s;
      const bad = dayProblem(day, f.label);
      return bad ? problem(bad) : ok(day);
    },
    display: plain,
    synonyms: () => [],
  },
};

export const FIELD_TYPE_LABELS = Object.fromEntries(FIELD_TYPES.map((t) => [t, FIELD_TYPE_DEFS[t].label])) as Record<FieldType, string>;

/**
 * One cell: trimmed, line ends as "\n"; "" when empty (a problem if the column is required),
 * otherwise checked and normalised by its field type.
 */
export function parseCell(field: FieldDef, raw: unknown): { value: string } | { problem: string } {
  if (raw !== undefined && raw !== null && typeof raw !== "string" && typeof raw !== "number") return problem(`${field.label}格式有误`);
  const text = raw === undefined || raw === null ? "" : String(raw).replace(/\r\n?/g, "\n").trim();
  if (!isSafeText(text)) return problem(UNSAFE_TEXT_MESSAGE);
  if (text === "") return field.required ? problem(`请填写${field.label}`) : ok("");
  const def = FIELD_TYPE_DEFS[field.type];
  if (text.length > def.maxLength) return problem(`${field.label}不能超过 ${def.maxLength} 个字`);
  return def.parse(text, field);
}

/** A zod validator for one cell of `field` (the form and the import share it). */
export function cellSchema(field: FieldDef) {
  return z.unknown().transform((raw, ctx) => {
    const r = parseCell(field, raw);
    if ("problem" in r) {
      ctx.addIssue({ code: "custom", message: r.problem });
      return z.NEVER;
    }
    return r.value;
  });
}

/** Checks a whole row against the fields: the normalised values, or one problem per field key. */
export function parseRow(fields: readonly FieldDef[], raw: Record<string, unknown>): { values: RowValues } | { problems: Record<string, string> } {
  const values: RowValues = {};
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const r = parseCell(f, raw[f.key]);
    if ("problem" in r) problems[f.key] = r.problem;
    else values[f.key] = r.value;
  }
  return Object.keys(problems).length ? { problems } : { values };
}

/** A cell as the portal's table and the exports show it. */
export function displayCell(field: FieldDef, value: string | undefined): string {
  const v = value ?? "";
  if (v === "") return "";
  return (FIELD_TYPE_DEFS[field.type] ?? FIELD_TYPE_DEFS.text).display(v, field);
}

/** The header names an import recognises for a column: its label, its key, and its type's synonyms. */
export function headerSynonyms(field: FieldDef): string[] {
  const def = FIELD_TYPE_DEFS[field.type] ?? FIELD_TYPE_DEFS.text;
  return [field.label, field.key, ...def.synonyms(field)];
}

/** Suggested column widths (characters) for exports. */
export function exportWidth(field: FieldDef): number {
  if (field.type === "longText" || field.type === "lawCitation") return 40;
  if (field.type === "workingDays" || field.type === "date" || field.type === "choice") return 12;
  return 20;
}
