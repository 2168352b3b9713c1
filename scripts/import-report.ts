/**
 * Import report: parse power-list spreadsheets from disk and summarise what the import would
 * read. Used by the import CLI (scripts/import.ts), which prints it and commits to the database.
 *
 *   const report = await buildReport(["a.xlsx", "b.xls"]);
 *   console.log(JSON.stringify(report, null, 2));   // machine-readable
 *   console.log(formatReportText(report));          // for people (Chinese)
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_IMPORT_BYTES } from "../lib/catalogue/import/limits";
import type { ParseOptions, ParseResult } from "../lib/catalogue/import/parse";
import { parseInWorker } from "../lib/catalogue/import/parse-in-worker";

export interface ReportSheet {
  name: string;
  headerRow: number | null;
  rows: number;
  /** Main items (a 序号 「2,3」 counts as 2). */
  items: number;
  subItems: number;
  warnings: string[];
  skipped: { row: number; reason: string }[];
}

export interface ReportFile {
  file: string;
  ok: boolean;
  error: string | null;
  sheets: ReportSheet[];
}

export interface Report {
  files: ReportFile[];
  totals: { files: number; failed: number; items: number; subItems: number };
}

/**
 * Parse one file from disk; never throws. Also returns the full parse result. The parse runs in a
 * worker thread with the server's time and memory limits, so a corrupted file is reported instead
 * of hanging the command.
 */
export async function parseFile(file: string, options?: ParseOptions): Promise<ParseResult> {
  const fileName = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return failed(fileName, "不是文件（可能是目录），无法导入。");
    if (info.size > MAX_IMPORT_BYTES) {
      return failed(fileName, `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB），单个文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。请拆分后再上传。`);
    }
    const buffer = await readFile(file);
    return await parseInWorker(buffer, fileName, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT") return failed(fileName, "文件不存在。");
    if (code === "EACCES" || code === "EPERM") return failed(fileName, "没有权限读取该文件。");
    return failed(fileName, `无法读取文件：${error instanceof Error ? error.message : String(error)}`);
  }
}

function failed(fileName: string, error: string): ParseResult {
  return { fileName, ok: false, error, notices: [], sheets: [], items: [], itemCount: 0, subItemCount: 0 };
}

/** The report entry of one parse result (`file` is the path as given). */
export function toReportFile(file: string, result: ParseResult): ReportFile {
  return {
    file,
    ok: result.ok,
    error: result.ok ? null : (result.error ?? "未知错误"),
    sheets: result.sheets.map((s) => ({
      name: s.name,
      headerRow: s.headerRow,
      rows: s.rows,
      items: s.items,
      subItems: s.subItems,
      warnings: [...s.warnings],
      skipped: s.skipped.map((k) => ({ row: k.row, reason: k.reason })),
    })),
  };
}

/**
 * Parse the files side by side (the worker pool runs one per core) and build the report, in the
 * files' order. Each full parse result is reduced to its summary as soon as it arrives.
 */
export async function buildReport(files: string[], options?: ParseOptions): Promise<Report> {
  const entries: ReportFile[] = await Promise.all(files.map(async (file) => toReportFile(file, await parseFile(file, options))));
  return {
    files: entries,
    totals: {
      files: entries.length,
      failed: entries.filter((f) => !f.ok).length,
      items: entries.reduce((n, f) => n + (f.ok ? f.sheets.reduce((m, s) => m + s.items, 0) : 0), 0),
      subItems: entries.reduce((n, f) => n + (f.ok ? f.sheets.reduce((m, s) => m + s.subItems, 0) : 0), 0),
    },
  };
}

/** Human-readable (Chinese) text of a report. */
export function formatReportText(report: Report): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(`文件：${file.file}`);
    if (!file.ok) {
      out.push(`  ✗ 读取失败：${file.error}`);
      out.push("");
      continue;
    }
    const items = file.sheets.reduce((n, s) => n + s.items, 0);
    const subItems = file.sheets.reduce((n, s) => n + s.subItems, 0);
    out.push(`  ✓ 共 ${file.sheets.length} 个工作表，${items} 个事项，${subItems} 个子项`);
    for (const sheet of file.sheets) {
      const header = sheet.headerRow === null ? "未识别表头" : `表头在第 ${sheet.headerRow} 行`;
      out.push(`  · 工作表「${sheet.name}」：${header}，读取 ${sheet.rows} 行，${sheet.items} 个事项，${sheet.subItems} 个子项`);
      for (const warning of sheet.warnings) out.push(`      ! ${warning}`);
      for (const skip of sheet.skipped) out.push(`      - 跳过第 ${skip.row} 行：${skip.reason}`);
    }
    out.push("");
  }
  const t = report.totals;
  out.push(`合计：${t.files} 个文件（失败 ${t.failed} 个），${t.items} 个事项，${t.subItems} 个子项。`);
  return out.join("\n");
}
