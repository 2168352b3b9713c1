import { REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, formatReportText } from "../../../scripts/import-report";

const FIXTURES = REAL_LISTS_DIR;

describe("import report", () => {
  it("builds the report for the fixtures plus a missing and a bad file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-report-"));
    const bad = path.join(dir, "picture.xlsx");
    fs.writeFileSync(bad, Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    const files = [
      path.join(FIXTURES, "karamay-civil-air-defence-office.xlsx"),
      path.join(FIXTURES, "karamay-2025-statistics-bureau.xlsx"),
      path.join(dir, "missing.xlsx"),
      bad,
    ];
    const report = await buildReport(files);
    fs.rmSync(dir, { recursive: true, force: true });

    expect(Object.keys(report)).toEqual(["files", "totals"]);
    expect(report.totals).toEqual({ files: 4, failed: 2, items: 17 + 3, subItems: 2 });
    const [defence, statistics, missing, picture] = report.files;
    expect(Object.keys(defence)).toEqual(["file", "ok", "error", "sheets"]);
    expect(defence).toMatchObject({ file: files[0], ok: true, error: null });
    expect(Object.keys(defence.sheets[0])).toEqual(["name", "headerRow", "rows", "items", "subItems", "warnings", "skipped"]);
    expect(defence.sheets.map((s) => [s.name, s.headerRow, s.items, s.subItems])).toEqual([
      ["行政检查（3项）", 3, 3, 0],
      ["行政许可（3项）", 3, 3, 2],
      ["行政征收（1项）", 3, 1, 0],
      ["行政处罚（5项）", 3, 5, 0],
      ["其他行政权力（5项）", 3, 5, 0],
    ]);
    expect(statistics.sheets[0]).toMatchObject({ name: "Sheet1", headerRow: 2, rows: 8, items: 3, subItems: 0, skipped: [] });
    expect(missing).toEqual({ file: files[2], ok: false, error: "文件不存在。", sheets: [] });
    expect(picture.ok).toBe(false);
    expect(picture.error).toContain("PNG");

    const text = formatReportText(report);
    expect(text).toContain("工作表「行政许可（3项）」：表头在第 3 行，读取 6 行，3 个事项，2 个子项");
    expect(text).toContain("读取失败：文件不存在。");
    expect(text).toContain("合计：4 个文件（失败 2 个），20 个事项，2 个子项。");
    // JSON round-trip keeps the shape.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
