import { FIELD_LABELS } from "@/lib/catalogue/import/fields";
import { csvText } from "@/lib/export-cells";
import { DETAIL_FIELDS, type DetailField, type ResolvedItem } from "./item-data";

export type ExportItem = ResolvedItem & { seq: string | null };

type ColumnKey = "seq" | "code" | "name" | "subItemName" | "powerType" | "domain" | "department" | DetailField;
export type ExportColumn = { key: ColumnKey; header: string; width: number };

const COLUMN_WIDTHS: Partial<Record<ColumnKey, number>> = {
  seq: 6, code: 16, name: 30, subItemName: 24, powerType: 12, domain: 12, department: 18, legalBasis: 60,
  responsibilities: 46, accountabilityGrounds: 46, responsibilityBasis: 40, statutoryTimeLimit: 12, promisedTimeLimit: 12,
  chargesFee: 12, supervisionPhone: 14,
};

/** Always present, even when empty; other columns only when some item fills them. */
const CORE: ColumnKey[] = ["seq", "name", "subItemName", "powerType", "legalBasis"];

export type ExportRow = {
  /** Index of the item among the exported items; rows of one item share it. */
  item: number;
  /** Number of rows of the item (sub-items), on its first row; 0 on the others. */
  span: number;
  cells: Record<ColumnKey, string>;
};

/** One row per item, or per sub-item (the item's 序号 and name repeated, to be merged). */
export function exportRows(items: ExportItem[]): ExportRow[] {
  const rows: ExportRow[] = [];
  items.forEach((item, index) => {
    const subs = item.subItems.length ? item.subItems : [null];
    subs.forEach((sub, k) => {
      const cells = {
        seq: item.seq ?? String(index + 1),
        code: sub?.code ?? item.code ?? "",
        name: item.name,
        subItemName: sub?.name ?? "",
        powerType: sub?.typeName ?? item.typeName ?? "",
        domain: item.domainName ?? "",
        department: item.departmentName ?? "",
      } as Record<ColumnKey, string>;
      for (const f of DETAIL_FIELDS) cells[f] = sub?.details[f] ?? item.details[f] ?? "";
      rows.push({ item: index, span: k === 0 ? subs.length : 0, cells });
    });
  });
  return rows;
}

export function exportColumns(rows: ExportRow[]): ExportColumn[] {
  const keys: ColumnKey[] = ["seq", "code", "name", "subItemName", "powerType", "domain", "department", ...DETAIL_FIELDS];
  const labels: Record<ColumnKey, string> = { ...FIELD_LABELS, subItemName: "子项名称", powerType: "权力类型", domain: "所属领域", department: "实施部门" };
  return keys
    .filter((k) => CORE.includes(k) || rows.some((r) => r.cells[k]))
    .map((key) => ({ key, header: labels[key], width: COLUMN_WIDTHS[key] ?? 24 }));
}

/** The edition as CSV: the same rows and columns as the workbook. */
export function toCsv(items: ExportItem[]): string {
  const rows = exportRows(items);
  const columns = exportColumns(rows);
  return csvText([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => row.cells[c.key]))]);
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string, taken: Set<string>): string {
  const base = text.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}
