import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dutiesCsv, dutiesWorkbook } from "./export";
import type { LocalDutySnapshotItem } from "./commands";

const items: LocalDutySnapshotItem[] = [
  {
    id: 7,
    position: 1,
    dutyType: "城市管理",
    name: "=HYPERLINK(\"http://evil\")",
    departmentName: "区城管局",
    departmentDuty: "制定标准，\n组织考核。",
    localDuty: "日常巡查。",
    legalBasis: "《条例》第十条",
    leadResponsibility: "区城管局",
    supportResponsibility: "街道办事处",
    fundingAmount: "0.00",
    admissionCode: "ZR2026-0001",
  },
];

describe("local-duty exports", () => {
  it("writes CSV with a BOM, quoted line breaks and neutralised formulas", () => {
    const csv = dutiesCsv(items);
    expect(csv.startsWith("\ufeff序号,事项类型,事项名称,责任部门")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"制定标准，\n组织考核。"');
    expect(csv).toContain("ZR2026-0001");
  });

  it("writes a titled workbook that opens with the Chinese intact", async () => {
    const buffer = await dutiesWorkbook({ unitName: "东湖街道办事处", versionNo: 2, publishedAt: new Date("2026-12-01T02:00:00Z"), note: "收回一项" }, items);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("属地管理事项清单")!;
    expect(sheet.getCell(1, 1).value).toBe("东湖街道办事处属地管理事项清单");
    expect(String(sheet.getCell(2, 1).value)).toContain("第 2 版");
    expect(sheet.getCell(3, 3).value).toBe("事项名称");
    expect(sheet.getCell(4, 3).value).toBe("'=HYPERLINK(\"http://evil\")");
    expect(sheet.getCell(4, 10).value).toBe("ZR2026-0001");
  });
});
