import type { GridSheet } from "@/lib/catalogue/import/grid";
import { cleanCellText, comparisonKey } from "@/lib/catalogue/import/text";
import { normaliseName } from "@/lib/refusals/match";
import { DUTY_COLUMNS } from "./labels";
import { dutyFieldsSchema, MAX_DUTY_IMPORT_BYTES, type DutyFields } from "./schema";

export { MAX_DUTY_IMPORT_BYTES };

export const MAX_DUTY_IMPORT_ROWS = 2000;
export const DUTY_IMPORT_EXTENSIONS = ["xlsx", "xls", "csv"] as const;

export type DutyImportField = "dutyType" | "name" | "departmentName" | "departmentDuty" | "localDuty" | "legalBasis" | "leadResponsibility" | "supportResponsibility";

/**
 * What real lists call each column. Compared after comparisonKey (NFKC, no spaces), so full-width
 * brackets and spaces in a header do not matter.
 */
const HEADER_SYNONYMS: Record<DutyImportField, string[]> = {
  dutyType: ["事项类型", "类型", "事项类别", "类别", "事项分类", "领域"],
  name: ["事项名称", "项目名称", "名称", "事项", "属地管理事项", "属地管理事项名称"],
  departmentName: ["责任部门", "区级责任部门", "主管部门", "职能部门", "责任单位", "区级部门", "部门"],
  departmentDuty: ["区级部门职责", "部门职责", "职能部门职责", "区直部门职责", "主管部门职责", "区级职能部门职责"],
  localDuty: ["街道（社区）职责", "街道职责", "属地职责", "社区职责", "街道（乡镇）职责", "乡镇（街道）职责", "街道办事处职责", "街道（社区）配合职责"],
  legalBasis: ["法律法规及文件依据", "依据", "法律依据", "法律法规依据", "法规依据", "文件依据", "设定依据", "政策依据"],
  leadResponsibility: ["主体责任", "主体责任单位", "主责单位", "牵头单位"],
  supportResponsibility: ["配合责任", "配合责任单位", "配合单位"],
};

const LABEL = Object.fromEntries(DUTY_COLUMNS.map((c) => [c.key, c.label])) as Record<DutyImportField, string>;

/** Headers in the order of the template (and of the list itself). */
export const TEMPLATE_HEADERS = (Object.keys(HEADER_SYNONYMS) as DutyImportField[]).map((k) => LABEL[k]);

const SINGLE_LINE: DutyImportField[] = ["dutyType", "name", "departmentName", "leadResponsibility", "supportResponsibility"];

function headerKey(text: string): string {
  // 「事项名称*」「事项名称（必填）」「1.事项名称」 are still 事项名称.
  return comparisonKey(text)
    .replace(/[*＊]/g, "")
    .replace(/\((必填|选填|可选)\)$/, "")
    .replace(/^\d+[.、]/, "");
}

const SYNONYM_INDEX = new Map<string, DutyImportField>();
for (const [field, names] of Object.entries(HEADER_SYNONYMS) as [DutyImportField, string[]][]) {
  for (const name of names) SYNONYM_INDEX.set(headerKey(name), field);
}

export function fieldOfHeader(text: string): DutyImportField | null {
  return SYNONYM_INDEX.get(headerKey(text)) ?? null;
}

/** How many title rows may stand above the header. */
const HEADER_SEARCH_ROWS = 15;

export type HeaderMatch = { rowIndex: number; columns: Partial<Record<DutyImportField, number>> };

/** The first row near the top naming 事项名称 and at least two other known columns. */
export function findHeader(rows: string[][]): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns: Partial<Record<DutyImportField, number>> = {};
    rows[i].forEach((cell, c) => {
      const field = fieldOfHeader(cell);
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (columns.name !== undefined && Object.keys(columns).length >= 3) return { rowIndex: i, columns };
  }
  return null;
}

export type DutyImportContext = {
  /** Departments a 责任部门 may be matched to. */
  departments: { id: number; name: string; shortName?: string | null }[];
  /** normaliseName of the unit's active duties. */
  existingNameKeys: Set<string>;
};

export type DutyImportRow = {
  /** Excel row number, as the user sees it. */
  rowNumber: number;
  values: Record<DutyImportField, string>;
  /** The department the 责任部门 was matched to, or null: kept as free text. */
  department: { id: number; name: string } | null;
  status: "new" | "exists" | "error";
  errors: string[];
  warnings: string[];
};

export type DutyImportPreview =
  | { ok: true; sheetName: string; notices: string[]; rows: DutyImportRow[]; counts: { new: number; exists: number; error: number } }
  | { ok: false; error: string; notices: string[] };

const MISSING_HEADER = `没有找到表头行。表格前 ${HEADER_SEARCH_ROWS} 行中应有一行列名，至少包括「事项名称」和另外两列（如「事项类型」「责任部门」「区级部门职责」「街道（社区）职责」「法律法规及文件依据」「主体责任」「配合责任」）。请下载导入模板对照填写。`;

/**
 * Reads a 属地管理事项清单 out of a spreadsheet's cell text: finds the header (title rows above it
 * are skipped, column names may be any of the usual synonyms, in any order), skips blank rows,
 * and checks each row as addDuty would (dutyFieldsSchema), plus duplicates within the file and
 * against the unit's list. Nothing here touches the database.
 */
export function parseDutyGrid(sheets: GridSheet[], context: DutyImportContext): DutyImportPreview {
  let found: { sheet: GridSheet; header: HeaderMatch } | null = null;
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (header) {
      found = { sheet, header };
      break;
    }
  }
  if (!found) return { ok: false, error: MISSING_HEADER, notices: [] };
  const { sheet, header } = found;
  const notices: string[] = [];
  if (sheets.length > 1) notices.push(`文件有 ${sheets.length} 个工作表，只读取了第一个带表头的工作表「${sheet.name}」。`);
  const missing = (Object.keys(HEADER_SYNONYMS) as DutyImportField[]).filter((f) => header.columns[f] === undefined);
  if (missing.length) notices.push(`表格中没有这些列：${missing.map((f) => `「${LABEL[f]}」`).join("")}，相应内容按未填写处理。`);

  const deptByKey = new Map<string, { id: number; name: string }>();
  for (const d of context.departments) {
    deptByKey.set(comparisonKey(d.name), d);
    if (d.shortName) deptByKey.set(comparisonKey(d.shortName), d);
  }

  const rows: DutyImportRow[] = [];
  const firstRowOfName = new Map<string, number>();
  for (let i = header.rowIndex + 1; i < sheet.rows.length; i++) {
    const raw = sheet.rows[i];
    const values = {} as Record<DutyImportField, string>;
    for (const field of Object.keys(HEADER_SYNONYMS) as DutyImportField[]) {
      const c = header.columns[field];
      const text = c === undefined ? "" : (raw[c] ?? "");
      // A full-width space inside a name or a department is stray typing, not typography.
      values[field] = SINGLE_LINE.includes(field) ? cleanCellText(text.replace(/\u3000/g, " "), "single") : cleanCellText(text, "auto");
    }
    if (Object.values(values).every((v) => !v)) continue;
    // A header repeated on a later page of a printed list.
    if (fieldOfHeader(values.name) === "name") continue;

    const rowNumber = sheet.firstRow + i;
    const errors: string[] = [];
    const warnings: string[] = [];
    const dept = values.departmentName ? findDepartment(deptByKey, values.departmentName) : undefined;
    const parsed = dutyFieldsSchema.safeParse({ ...values, departmentId: dept ? dept.id : "", departmentName: values.departmentName });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const message = issue.path[0] === "departmentId" ? "请填写责任部门" : issue.message;
        if (!errors.includes(message)) errors.push(message);
      }
    }
    if (values.departmentName) {
      if (dept) {
        if (dept.name !== values.departmentName) warnings.push(`责任部门对应系统中的「${dept.name}」`);
      } else warnings.push(`「${values.departmentName}」不是系统中的部门，将按填写的名称保存`);
    }
    let status: DutyImportRow["status"] = errors.length ? "error" : "new";
    const key = values.name ? normaliseName(values.name) : "";
    if (key) {
      const first = firstRowOfName.get(key);
      if (first !== undefined) {
        errors.push(`与第 ${first} 行的事项名称重复`);
        status = "error";
      } else {
        firstRowOfName.set(key, rowNumber);
        if (context.existingNameKeys.has(key)) {
          if (status === "new") status = "exists";
          warnings.unshift("清单中已有同名事项，将跳过");
        }
      }
    }
    rows.push({ rowNumber, values, department: dept ? { id: dept.id, name: dept.name } : null, status, errors, warnings });
    if (rows.length > MAX_DUTY_IMPORT_ROWS) return { ok: false, error: `表格超过 ${MAX_DUTY_IMPORT_ROWS} 个事项，请拆分后分批导入。`, notices };
  }
  if (!rows.length) return { ok: false, error: "表头下面没有事项。请在表头下逐行填写事项后再上传。", notices };
  const counts = { new: 0, exists: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { ok: true, sheetName: sheet.name, notices, rows, counts };
}

/** A valid new row as addDuty's input fields. */
export function dutyFieldsOf(row: DutyImportRow): DutyFields {
  return dutyFieldsSchema.parse({ ...row.values, departmentId: row.department?.id ?? "" });
}

/**
 * A 责任部门 as people write it: the full name, the short name, or the short name with the level
 * in front (区城管局, 市民政局). The level is a prefix of one character, tried only when the
 * whole text matches nothing.
 */
function findDepartment(byKey: Map<string, { id: number; name: string }>, written: string) {
  const key = comparisonKey(written);
  const exact = byKey.get(key);
  if (exact) return exact;
  return /^[区市县]/.test(key) ? byKey.get(key.slice(1)) : undefined;
}
