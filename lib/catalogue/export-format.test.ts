import { describe, expect, it } from "vitest";
import { exportColumns, exportRows, sheetName, toCsv, type ExportItem } from "./export-format";

function item(over: Partial<ExportItem> = {}): ExportItem {
  return { seq: "1", code: null, name: "对随地吐痰的处罚", typeName: "行政处罚", domainName: "城管执法", departmentName: "示例市城管局", details: {}, subItems: [], ...over };
}

describe("CSV export", () => {
  it("starts with a UTF-8 BOM, quotes what needs quoting and neutralises formulas", () => {
    const csv = toCsv([
      item({ name: "=cmd|' /C calc'!A0", details: { legalBasis: "【法律】第一条，\n第二条\"引号\"" } }),
      item({ seq: "2", name: "普通事项", details: { legalBasis: "-" } }),
    ]);
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("序号,事项名称,子项名称,权力类型,所属领域,实施部门,实施依据");
    expect(lines[1]).toBe(`1,'=cmd|' /C calc'!A0,,行政处罚,城管执法,示例市城管局,"【法律】第一条，\n第二条""引号"""`);
    expect(csv).toContain(",'-\r\n");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes one row per sub-item with the item's number and name on each", () => {
    const rows = exportRows([
      item({ subItems: [
        { name: "子项一", code: "A-1", typeName: null, details: { legalBasis: "依据一" } },
        { name: "子项二", code: null, typeName: "行政强制", details: {} },
      ], details: { legalBasis: "主项依据" } }),
      item({ seq: null, name: "第二项" }),
    ]);
    expect(rows.map((r) => [r.item, r.span, r.cells.seq, r.cells.name, r.cells.subItemName, r.cells.powerType, r.cells.legalBasis, r.cells.code])).toEqual([
      [0, 2, "1", "对随地吐痰的处罚", "子项一", "行政处罚", "依据一", "A-1"],
      [0, 0, "1", "对随地吐痰的处罚", "子项二", "行政强制", "主项依据", ""],
      [1, 1, "2", "第二项", "", "行政处罚", "", ""],
    ]);
    // Columns nobody fills are left out, the core ones stay.
    expect(exportColumns(rows).map((c) => c.header)).toEqual(["序号", "事项编码", "事项名称", "子项名称", "权力类型", "所属领域", "实施部门", "实施依据"]);
  });
});

describe("sheet names", () => {
  it("makes valid, unique Excel sheet names", () => {
    const taken = new Set<string>();
    expect(sheetName("行政处罚（45项）", taken)).toBe("行政处罚（45项）");
    expect(sheetName("a/b:c*d?[e]", taken)).toBe("a_b_c_d__e_");
    expect(sheetName("行政处罚（45项）", taken)).toBe("行政处罚（45项）(2)");
    expect(sheetName("很".repeat(40), taken)).toHaveLength(31);
  });
});
