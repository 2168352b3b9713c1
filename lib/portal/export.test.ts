import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ITEM_FIELDS } from "@/lib/lists/labels";
import { listCsv, listPdf, listWorkbook, pdfColumns } from "./export";
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

/** The PDF's text as pdftotext reads it (-layout keeps each row's columns on one line). */
function pdfText(pdf: Buffer, layout = false) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-pdf-")), "list.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"]).toString();
}

describe("the public PDF", () => {
  const A4_LANDSCAPE_PRINTABLE = 841.89 - 36 * 2;

  it("has seven columns, 职责边界 and 追责 among them, that fill A4 landscape's printable width", () => {
    for (const form of ["POWER", "DUTY"] as const) {
      const columns = pdfColumns(form, A4_LANDSCAPE_PRINTABLE);
      expect(columns.map((c) => c.header)).toEqual(expect.arrayContaining(["序号", "事项名称", "实施依据", "职责边界", "追责情形"]));
      expect(columns.reduce((n, c) => n + c.width, 0)).toBeCloseTo(A4_LANDSCAPE_PRINTABLE, 6);
    }
  });

  it("prints each item's duty boundary and accountability", async () => {
    const items = [
      item("户外广告设施设置审批", {
        powerType: "行政许可",
        legalBasis: "《示例市户外广告设施管理办法》第十二条",
        handlingSection: "综合执法队",
        departmentDuty: "城管局负责制定设置规划",
        streetDuty: "街道负责日常巡查发现",
        responsibilities: "受理审查责任",
        accountability: "不履行巡查职责造成后果的依法追责",
      }),
    ];
    const pdf = await listPdf({ title: "测试清单", form: "POWER", unitName: "测试街道", version }, items, "https://example.test/lists/1");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const s of ["职责边界", "追责情形", "城管局负责制定设置规划", "街道负责日常巡查发现", "受理审查责任", "不履行巡查职责造成后果的依法追责", "承办机构：综合执法队"]) {
      expect(text.replace(/\s+/g, "")).toContain(s);
    }
    // One row of headers across the page: the seven headers on one line.
    const header = pdfText(pdf, true).split("\n").find((l) => l.includes("序号"))!;
    expect(header.replace(/\s+/g, " ").trim()).toBe("序号 职能分类 事项名称 权力类型 实施依据 职责边界 追责情形");
    const info = execFileSync("pdfinfo", ["-"], { input: pdf }).toString();
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });
});
