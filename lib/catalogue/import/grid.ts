import * as XLSX from "@e965/xlsx";
import { readWorkbookBytes } from "./read";

export type GridOptions = {
  /** A sheet with more rows than this is refused rather than read in part. */
  maxRows: number;
  /** Columns beyond this are ignored. */
  maxCols: number;
  /** Files larger than this are refused before reading. */
  maxBytes: number;
};

/** One sheet as text: rows[i] is Excel row `firstRow + i` (1-based); blank rows are kept so numbers stay right. */
export type GridSheet = { name: string; firstRow: number; rows: string[][] };

export type GridResult = { ok: true; notices: string[]; sheets: GridSheet[] } | { ok: false; error: string; notices: string[]; sheets: [] };

/**
 * The displayed text of every cell of every sheet, for imports simpler than the catalogue's
 * (a few fixed columns). A merged cell's text is copied into every cell it covers, so a 事项类型
 * merged down over several rows belongs to each of them. Pure and synchronous: run it in the
 * parse worker (readGridInWorker), not on a request thread.
 */
export function readGrid(bytes: Uint8Array, fileName: string, options: GridOptions): GridResult {
  if (bytes.byteLength > options.maxBytes) {
    return { ok: false, error: `文件过大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB），不能超过 ${(options.maxBytes / 1024 / 1024).toFixed(0)} MB。`, notices: [], sheets: [] };
  }
  const read = readWorkbookBytes(bytes, fileName);
  if (!read.ok) return { ok: false, error: read.error, notices: [], sheets: [] };
  const sheets: GridSheet[] = [];
  for (const name of read.workbook.SheetNames) {
    const sheet = read.workbook.Sheets[name];
    if (!sheet?.["!ref"]) continue;
    const range = XLSX.utils.decode_range(sheet["!ref"]);
    // Formatting often stretches a sheet's range far below its last filled row; read to that row only.
    while (range.e.r >= range.s.r && rowIsEmpty(sheet, range.e.r, range.s.c, range.e.c)) range.e.r--;
    if (range.e.r < range.s.r) continue;
    const rowCount = range.e.r - range.s.r + 1;
    if (rowCount > options.maxRows + 50) {
      return { ok: false, error: `工作表「${name}」有 ${rowCount} 行，超过一次导入的上限（${options.maxRows} 行）。请拆分后分批导入。`, notices: read.notices, sheets: [] };
    }
    const lastCol = Math.min(range.e.c, range.s.c + options.maxCols - 1);
    const rows: string[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: string[] = [];
      for (let c = range.s.c; c <= lastCol; c++) row.push(cellText(sheet, r, c));
      rows.push(row);
    }
    for (const merge of sheet["!merges"] ?? []) {
      const top = rows[merge.s.r - range.s.r]?.[merge.s.c - range.s.c] ?? "";
      if (!top) continue;
      for (let r = Math.max(merge.s.r, range.s.r); r <= Math.min(merge.e.r, range.e.r); r++) {
        for (let c = Math.max(merge.s.c, range.s.c); c <= Math.min(merge.e.c, lastCol); c++) {
          const row = rows[r - range.s.r];
          if (row && !row[c - range.s.c]) row[c - range.s.c] = top;
        }
      }
    }
    sheets.push({ name, firstRow: range.s.r + 1, rows });
  }
  return { ok: true, notices: read.notices, sheets };
}

function cellText(sheet: XLSX.WorkSheet, r: number, c: number): string {
  const dense = (sheet as { "!data"?: XLSX.CellObject[][] })["!data"];
  const cell = dense ? dense[r]?.[c] : sheet[XLSX.utils.encode_cell({ r, c })];
  if (!cell || cell.v === undefined || cell.v === null) return "";
  if (cell.w !== undefined) return String(cell.w);
  return String(cell.v);
}

function rowIsEmpty(sheet: XLSX.WorkSheet, r: number, from: number, to: number): boolean {
  const dense = (sheet as { "!data"?: XLSX.CellObject[][] })["!data"];
  // A dense sheet has no entry at all for rows past its data: skip them in one step.
  if (dense && r >= dense.length) return true;
  for (let c = from; c <= to; c++) if (cellText(sheet, r, c).trim()) return false;
  return true;
}
