import type ExcelJS from "exceljs";
import { neutraliseCell } from "@/lib/export-cells";

// The look of every exported table (.xlsx): a title across the top, a light-blue header row
// with filter buttons, thin grey borders, printed landscape on A4.

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };

/** Thin grey lines around a table cell. */
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet printed landscape on A4, one page wide, whose first `frozenRows` rows stay in view. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, frozenRows: number, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: frozenRows }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns;
  return sheet;
}

/** A bold title centred over the first `width` columns of row `row`. */
export function writeTitle(sheet: ExcelJS.Worksheet, row: number, width: number, text: string, style: { size: number; height: number }) {
  sheet.mergeCells(row, 1, row, Math.max(1, width));
  const cell = sheet.getCell(row, 1);
  cell.value = neutraliseCell(text);
  cell.font = { bold: true, size: style.size };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(row).height = style.height;
}

/** The header row of the table: bold on light blue, centred, bordered, with filter buttons. */
export function writeHeader(sheet: ExcelJS.Worksheet, row: number, headers: string[]): ExcelJS.Row {
  const header = sheet.getRow(row);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE7F7" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = CELL_BORDER;
  });
  sheet.autoFilter = { from: { row, column: 1 }, to: { row, column: headers.length } };
  return header;
}

/** A bordered text cell of the table, wrapped and aligned to the top. */
export function writeTextCell(cell: ExcelJS.Cell, text: string | null | undefined, horizontal: "left" | "center" = "left") {
  cell.value = neutraliseCell(text);
  cell.alignment = { vertical: "top", wrapText: true, horizontal };
  cell.border = CELL_BORDER;
}
