import { describe, expect, it } from "vitest";
import { contentDisposition, exportColumns, exportRows, neutraliseCell, sheetName, toCsv, type ExportItem } from "./export-format";

function item(over: Partial<ExportItem> = {}): ExportItem {
  return { seq: "1", code: null, name: "对随地吐痰的处罚", typeName: "行政处罚", domainName: "城管执法", departmentName: "示例市城管局", details: {}, subItems: [], ...over };
}

describe("neutraliseCell", () => {
  it("prefixes a single quote to text a spreadsheet would run as a formula", () => {
    expect(neutraliseCell("=HYPERLINK(\"http://evil\",\"点我\")")).toBe("'=HYPERLINK(\"http://evil\",\"点我\")");
    expect(neutraliseCell("+1+1")).toBe("'+1+1");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutraliseCell("\t=cmd")).toBe("'\t=cmd");
    expect(neutraliseCell("\r=cmd")).toBe("'\r=cmd");
  });

  it("leaves ordinary text alone, including a formula character later in the text", () => {
    expect(neutraliseCell("【法律】《中华人民共和国食品安全法》第一百二十二条")).toBe("【法律】《中华人民共和国食品安全法》第一百二十二条");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(" =1")).toBe(" =1");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });
});

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

describe("file and sheet names", () => {
  it("sends the Chinese file name as RFC 5987 UTF-8 with an ASCII fallback", () => {
    const header = contentDisposition("示例省赋权事项指导清单（2021年版）.xlsx", "edition-1.xlsx");
    expect(header).toBe(
      `attachment; filename="edition-1.xlsx"; filename*=UTF-8''${encodeURIComponent("示例省赋权事项指导清单（2021年版）.xlsx")}`,
    );
    expect(decodeURIComponent(header.split("''")[1])).toBe("示例省赋权事项指导清单（2021年版）.xlsx");
    expect(contentDisposition("a'b(c).csv", "x.csv")).toContain("filename*=UTF-8''a%27b%28c%29.csv");
  });

  it("makes valid, unique Excel sheet names", () => {
    const taken = new Set<string>();
    expect(sheetName("行政处罚（45项）", taken)).toBe("行政处罚（45项）");
    expect(sheetName("a/b:c*d?[e]", taken)).toBe("a_b_c_d__e_");
    expect(sheetName("行政处罚（45项）", taken)).toBe("行政处罚（45项）(2)");
    expect(sheetName("很".repeat(40), taken)).toHaveLength(31);
  });
});
