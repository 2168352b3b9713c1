import ExcelJS from "exceljs";
import { neutraliseCell } from "@/lib/export-cells";
import { exportColumns, exportRows, sheetName, type ExportItem } from "./export-format";

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, items: ExportItem[]) {
  const rows = exportRows(items);
  const columns = exportColumns(rows);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 2, xSplit: 0 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));

  sheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = neutraliseCell(title);
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 32;

  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE7F7" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });
  header.height = 24;

  let r = 3;
  for (const row of rows) {
    const excelRow = sheet.getRow(r);
    columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      cell.value = neutraliseCell(row.cells[c.key]);
      cell.alignment = { vertical: "top", wrapText: true, horizontal: c.key === "seq" ? "center" : "left" };
      cell.border = BORDER;
    });
    if (row.span > 1) {
      // An item's 序号, code and name once over all its sub-item rows, as published lists do.
      for (const key of ["seq", "name"] as const) {
        const col = columns.findIndex((c) => c.key === key) + 1;
        if (col > 0) sheet.mergeCells(r, col, r + row.span - 1, col);
      }
    }
    r++;
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
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
