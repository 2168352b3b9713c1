import ExcelJS from "exceljs";
import { addTableSheet, writeHeader, writeTextCell, writeTitle } from "@/lib/xlsx-style";
import { exportColumns, exportRows, sheetName, type ExportItem } from "./export-format";

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, items: ExportItem[]) {
  const rows = exportRows(items);
  const columns = exportColumns(rows);
  const sheet = addTableSheet(workbook, name, 2, columns.map((c) => ({ key: c.key, width: c.width })));
  writeTitle(sheet, 1, columns.length, title, { size: 16, height: 32 });
  writeHeader(sheet, 2, columns.map((c) => c.header)).height = 24;

  let r = 3;
  for (const row of rows) {
    const excelRow = sheet.getRow(r);
    columns.forEach((c, i) => writeTextCell(excelRow.getCell(i + 1), row.cells[c.key], c.key === "seq" ? "center" : "left"));
    if (row.span > 1) {
      // An item's 序号, code and name once over all its sub-item rows, as published lists do.
      for (const key of ["seq", "name"] as const) {
        const col = columns.findIndex((c) => c.key === key) + 1;
        if (col > 0) sheet.mergeCells(r, col, r + row.span - 1, col);
      }
    }
    r++;
  }
}

/** A styled workbook: one sheet, or one per power type (in the given order). */
export async function editionWorkbook(options: {
  title: string;
  items: ExportItem[];
  split: boolean;
  typeOrder: string[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "清单";
  workbook.created = new Date();
  const taken = new Set<string>();
  if (!options.split) {
    addSheet(workbook, sheetName(options.title, taken), options.title, options.items);
  } else {
    const groups = new Map<string, ExportItem[]>();
    for (const item of options.items) {
      const key = item.typeName ?? "未分类";
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const order = [...options.typeOrder, "未分类"].filter((t) => groups.has(t));
    for (const t of groups.keys()) if (!order.includes(t)) order.push(t);
    for (const type of order) {
      const items = groups.get(type)!;
      addSheet(workbook, sheetName(`${type}（${items.length}项）`, taken), `${options.title}——${type}`, items);
    }
    if (order.length === 0) addSheet(workbook, sheetName(options.title, taken), options.title, []);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
