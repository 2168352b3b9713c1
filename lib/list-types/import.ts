import type { GridSheet } from "@/lib/catalogue/import/grid";
import { comparisonKey } from "@/lib/catalogue/import/text";
import { headerSynonyms, parseRow, type FieldDef, type RowValues } from "./fields";

// Reading a spreadsheet into a typed list's rows. A column is recognised by the type's own
// column labels (and keys and the field types' synonyms: lib/list-types/fields.ts); every row is
// checked by the same field validators as the form, and the preview shows each row's problems
// before anything is written. Pure: the commands run it on the worker-read grid.

export const MAX_TYPED_IMPORT_ROWS = 2000;
export const MAX_TYPED_IMPORT_BYTES = 5 * 1024 * 1024;
const HEADER_SEARCH_ROWS = 15;
const SECTION_HEADERS = ["分类", "类别", "所属分类"];

const headerKey = (text: string) =>
  comparisonKey(text)
    .replace(/[*＊]/g, "")
    .replace(/\((必填|选填|可选)\)$/, "")
    .replace(/^\d+[.、]/, "");

export type TypedImportRow = { rowNumber: number; section: string | null; values: RowValues; problems: string[] };
export type TypedImportPreview =
  | { ok: true; sheetName: string; columns: string[]; missing: string[]; rows: TypedImportRow[]; counts: { ok: number; error: number } }
  | { ok: false; error: string };

export function parseTypedGrid(sheets: GridSheet[], fields: FieldDef[], sections: string[]): TypedImportPreview {
  const index = new Map<string, string>();
  for (const f of fields) for (const name of headerSynonyms(f)) if (!index.has(headerKey(name))) index.set(headerKey(name), f.key);
  for (const name of SECTION_HEADERS) index.set(headerKey(name), "__section");
  const first = fields[0];
  for (const sheet of sheets) {
    for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
      const columns = new Map<string, number>();
      sheet.rows[i].forEach((cell, c) => {
        const key = index.get(headerKey(cell));
        if (key && !columns.has(key)) columns.set(key, c);
      });
      const known = [...columns.keys()].filter((k) => k !== "__section").length;
      if (!first || !columns.has(first.key) || known < Math.min(2, fields.length)) continue;
      const rows: TypedImportRow[] = [];
      for (let r = i + 1; r < sheet.rows.length; r++) {
        const cells = sheet.rows[r];
        if (cells.every((c) => !c?.trim())) continue;
        const raw: Record<string, string> = {};
        for (const f of fields) raw[f.key] = columns.has(f.key) ? (cells[columns.get(f.key)!] ?? "") : "";
        const parsed = parseRow(fields, raw);
        const problems = "problems" in parsed ? Object.values(parsed.problems) : [];
        const sectionText = columns.has("__section") ? (cells[columns.get("__section")!] ?? "").trim() : "";
        let section: string | null = null;
        if (sections.length) {
          if (sections.includes(sectionText)) section = sectionText;
          else problems.push(sectionText ? `分类「${sectionText}」不在本类清单的分类中（${sections.join("、")}）` : "请填写分类");
        }
        rows.push({ rowNumber: sheet.firstRow + r, section, values: "values" in parsed ? parsed.values : raw, problems });
      }
      if (rows.length > MAX_TYPED_IMPORT_ROWS) return { ok: false, error: `表格超过 ${MAX_TYPED_IMPORT_ROWS} 行，请分批导入。` };
      if (rows.length === 0) return { ok: false, error: "表头下没有事项。" };
      const error = rows.filter((r) => r.problems.length).length;
      return {
        ok: true,
        sheetName: sheet.name,
        columns: fields.filter((f) => columns.has(f.key)).map((f) => f.label),
        missing: fields.filter((f) => !columns.has(f.key)).map((f) => f.label),
        rows,
        counts: { ok: rows.length - error, error },
      };
    }
  }
  return { ok: false, error: `没有找到表头：请在表格前 ${HEADER_SEARCH_ROWS} 行内写明列名（至少含「${first?.label ?? ""}」），列名与本类清单一致：${fields.map((f) => f.label).join("、")}。` };
}
