import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ITEM_FIELDS } from "@/lib/lists/labels";
import { listCsv, listWorkbook } from "./export";
import type { PublicItem, PublicVersion } from "./read";

function item(name: string, extra: Partial<PublicItem> = {}): PublicItem {
  const i = { itemKey: "1", position: 1, category: "加强行政执法", section: "BASIC", source: "OWN", sourceLabel: null } as PublicItem;
  for (const f of ITEM_FIELDS) (i as Record<string, unknown>)[f] = null;
  return { ...i, name, ...extra };
}

const version: PublicVersion = {
  id: 1, versionNo: 2, title: "测试清单", unitName: "测试街道", documentNumber: "示例编发〔2026〕1号", publishedAt: new Date("2026-01-02T00:00:00Z"),
  effectiveAt: new Date("2026-01-03T00:00:00Z"), publisherName: "甲", publisherUnit: "示例市委编办", note: null, adjustmentId: null, itemCount: 2,
};

describe("exports", () => {
  it("writes a CSV with a BOM, quoted fields and neutralised formulas", () => {
    const csv = listCsv("POWER", [item("=HYPERLINK(\"x\")", { legalBasis: "第一条,第二条\n第三条" })]);
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"第一条,第二条\n第三条"');
  });

  it("writes a workbook whose cells hold the text, never a formula", async () => {
    const buffer = await listWorkbook({ title: "测试清单", form: "POWER", unitName: "测试街道", version }, [item("@SUM(1)"), item("普通事项", { powerType: "行政处罚" })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getCell(1, 1).value).toBe("测试清单");
    const header = (sheet.getRow(3).values as unknown[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(["序号", "职能分类", "事项名称", "权力类型", "实施依据", "事项来源"]));
    const nameCol = header.indexOf("事项名称") + 1;
    expect(sheet.getCell(4, nameCol).value).toBe("'@SUM(1)");
    expect(sheet.getCell(5, nameCol).value).toBe("普通事项");
    expect(sheet.getCell(4, nameCol).formula).toBeUndefined();
  });
});
