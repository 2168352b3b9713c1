import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { readGrid, type GridSheet } from "@/lib/catalogue/import/grid";
import { normaliseName } from "@/lib/refusals/match";
import { findHeader, parseDutyGrid, TEMPLATE_HEADERS } from "./import";
import { dutyImportTemplate, TEMPLATE_EXAMPLE } from "./import-template";

const context = { departments: [{ id: 7, name: "示例市城市管理综合执法局", shortName: "市城管局" }], existingNameKeys: new Set<string>() };
const sheet = (rows: string[][], firstRow = 1): GridSheet[] => [{ name: "Sheet1", firstRow, rows }];
const row = (over: Partial<Record<number, string>> = {}) => TEMPLATE_EXAMPLE.map((v, i) => over[i] ?? v);
const limits = { maxBytes: 5 * 1024 * 1024, maxRows: 2000, maxCols: 40 };

function xlsx(rows: string[][], merges: XLSX.Range[] = []): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!merges"] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "清单");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

describe("importing a 属地管理事项清单 spreadsheet", () => {
  it("reads its own template: one example row, ready to import", () => {
    const grid = readGrid(dutyImportTemplate(), "模板.xlsx", limits);
    if (!grid.ok) throw new Error(grid.error);
    expect(grid.sheets[0].rows[0]).toEqual(TEMPLATE_HEADERS);
    const preview = parseDutyGrid(grid.sheets, context);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ rowNumber: 2, status: "new", errors: [], values: { name: "背街小巷环境卫生日常巡查", supportResponsibility: "街道办事处（社区）" } });
    expect(preview.notices).toEqual([]);
  });

  it("finds the header under title rows, by synonyms in any order, with full-width spaces and brackets", () => {
    const header = ["序号", "项目名称", "类别", "责任部门", "部门职责", "属地职责", "法律依据", "主体责任", "配合责任"];
    const rows = [
      ["东湖街道属地管理事项清单", "", ""],
      ["填报单位：东湖街道办事处"],
      [],
      header.map((h) => h.replace("属地", "属地\u3000")),
      ["1", "  燃气　安全 巡查 ", "安全生产", "市城管局", "监管", "巡查", "《城镇燃气管理条例》", "区城管局", "街道"],
    ];
    expect(findHeader(rows)).toMatchObject({ rowIndex: 3, columns: { name: 1, dutyType: 2, departmentName: 3, departmentDuty: 4, localDuty: 5, legalBasis: 6 } });
    const preview = parseDutyGrid(sheet(rows), context);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.rows[0]).toMatchObject({
      rowNumber: 5,
      status: "new",
      values: { name: "燃气安全巡查", dutyType: "安全生产", localDuty: "巡查" },
      department: { id: 7, name: "示例市城市管理综合执法局" },
    });
    expect(preview.rows[0].warnings).toEqual(["责任部门对应系统中的「示例市城市管理综合执法局」"]);

    const other = parseDutyGrid(sheet([["事项名称", "街道（社区）职责", "依据"], ["巡查", "x", "y"]]), context);
    expect(other.ok && other.notices.join("")).toContain("「事项类型」");
    expect(findHeader([["事项", "说明"], ["名称", "备注"]])).toBeNull();
  });

  it("skips blank rows and repeated headers, fills merged cells, and keeps Excel row numbers", () => {
    const bytes = xlsx(
      [["属地管理事项清单（2026年）"], TEMPLATE_HEADERS, row(), ["", "第二项 巡查", ...row().slice(2)], [], TEMPLATE_HEADERS, row({ 1: "第三项" })],
      [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }],
    );
    const grid = readGrid(bytes, "清单.xlsx", limits);
    if (!grid.ok) throw new Error(grid.error);
    const preview = parseDutyGrid(grid.sheets, context);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.rows.map((r) => [r.rowNumber, r.values.name, r.values.dutyType, r.status])).toEqual([
      [3, "背街小巷环境卫生日常巡查", "城市管理", "new"],
      [4, "第二项巡查", "城市管理", "new"],
      [7, "第三项", "城市管理", "new"],
    ]);
    expect(preview.counts).toEqual({ new: 3, exists: 0, error: 0 });

    // A range stretched to the sheet's last row by formatting is read only as far as its data.
    const ws = XLSX.utils.aoa_to_sheet([TEMPLATE_HEADERS, row()]);
    ws["!ref"] = "A1:H60000"; // beyond maxRows: refused unless trimmed
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "清单");
    const stretched = readGrid(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array, "清单.xlsx", limits);
    expect(stretched.ok && stretched.sheets[0].rows).toHaveLength(2);
  });

  it("reports missing and too long fields, duplicates within the file, and names already in the list", () => {
    const rows = [
      TEMPLATE_HEADERS,
      row(),
      row({ 1: "", 4: "" }),
      row({ 1: "背街小巷 环境卫生日常巡查" }),
      row({ 1: "长".repeat(101), 2: "" }),
      row({ 1: "已有的事项" }),
      row({ 1: "某县级部门的事项", 2: "省生态环境厅" }),
    ];
    const preview = parseDutyGrid(sheet(rows), { ...context, existingNameKeys: new Set([normaliseName("已有的事项")]) });
    if (!preview.ok) throw new Error(preview.error);
    const [ok, missing, dup, long, exists, free] = preview.rows;
    expect(ok.status).toBe("new");
    expect(missing).toMatchObject({ status: "error", errors: ["请填写事项名称", "请填写街道（社区）职责"] });
    expect(dup).toMatchObject({ status: "error", errors: ["与第 2 行的事项名称重复"] });
    expect(long.status).toBe("error");
    expect(long.errors).toEqual(["事项名称不能超过 100 个字", "请填写责任部门"]);
    expect(exists).toMatchObject({ status: "exists", errors: [], warnings: ["清单中已有同名事项，将跳过", expect.stringContaining("不是系统中的部门")] });
    expect(free).toMatchObject({ status: "new", department: null, warnings: ["「省生态环境厅」不是系统中的部门，将按填写的名称保存"] });
    expect(preview.counts).toEqual({ new: 2, exists: 1, error: 3 });
  });

  it("matches a department by full name, short name, or short name after its level (区城管局)", () => {
    const depts = { departments: [{ id: 7, name: "示例市城市管理综合执法局", shortName: "城管局" }], existingNameKeys: new Set<string>() };
    const named = (dept: string, i: number) => row({ 1: `事项${i}`, 2: dept });
    const preview = parseDutyGrid(sheet([TEMPLATE_HEADERS, named("示例市城市管理综合执法局", 1), named("城管局", 2), named("区城管局", 3), named("市城管局", 4), named("区城市管理局", 5)]), depts);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.rows.map((r) => r.department?.id ?? null)).toEqual([7, 7, 7, 7, null]);
  });

  it("refuses files without a header, without rows, or that are not spreadsheets", () => {
    expect(parseDutyGrid(sheet([["a", "b"], ["c", "d"]]), context)).toMatchObject({ ok: false, error: expect.stringContaining("没有找到表头行") });
    expect(parseDutyGrid(sheet([TEMPLATE_HEADERS, [], []]), context)).toMatchObject({ ok: false, error: expect.stringContaining("没有事项") });
    expect(readGrid(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "图.xlsx", limits)).toMatchObject({ ok: false, error: expect.stringContaining("PNG") });
    const csv = new TextEncoder().encode(`${TEMPLATE_HEADERS.join(",")}\n${row().join(",")}\n`);
    const grid = readGrid(csv, "清单.csv", limits);
    expect(grid.ok && parseDutyGrid(grid.sheets, context)).toMatchObject({ ok: true, counts: { new: 1 } });
    expect(readGrid(csv, "清单.csv", { ...limits, maxBytes: 10 })).toMatchObject({ ok: false, error: expect.stringContaining("文件过大") });
  });
});
