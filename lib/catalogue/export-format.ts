import { csvText } from "@/lib/export-cells";
import { CANONICAL_FIELDS, DETAIL_FIELDS, FIELD_LABELS, fieldDef, type CanonicalField } from "./fields";
import type { ResolvedItem } from "./item-data";

export type ExportItem = ResolvedItem & { seq: string | null };

/** Columns are the item's fields (lib/catalogue/fields.ts): header, width and order come from there. */
type ColumnKey = CanonicalField;
export type ExportColumn = { key: ColumnKey; header: string; width: number };

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
  // Fields marked exportAlways are present even when empty; the others only when some item fills them.
  return CANONICAL_FIELDS.filter((k) => fieldDef(k).exportAlways || rows.some((r) => r.cells[k])).map((key) => ({
    key,
    header: FIELD_LABELS[key],
    width: fieldDef(key).width ?? 24,
  }));
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
