import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildLetterContent, contentHash, documentNumber } from "./letter-content";
import { renderLetterDocx } from "./letter-docx";
import { renderLetterPdf, type LetterPrint } from "./letter-pdf";

const content = buildLetterContent({
  documentNumber: documentNumber("示例编赋", 2026, 12),
  date: "2026-11-23",
  round: { id: 1, title: "2026年赋权承接确认" },
  edition: { id: 2, title: "示例省赋权事项指导清单（2021年版）" },
  street: { id: 3, name: "东湖街道办事处" },
  department: { id: 4, name: "示例市城市管理综合执法局" },
  items: [
    { seq: 1, code: "A-1", name: "对乱扔垃圾的处罚", powerType: "行政处罚", domain: "城管执法", decision: "ACCEPT", reason: "按季度汇报", streetDuty: "巡查、处罚", departmentDuty: "指导、监督", arbitrated: false },
    { seq: 2, code: null, name: "对占道经营的处罚", powerType: "行政处罚", domain: null, decision: "ACCEPT", reason: "经核实具备承接条件", streetDuty: "立案调查", departmentDuty: "业务培训", arbitrated: true },
    { seq: 3, code: null, name: "对某事项的检查", powerType: "行政检查", domain: null, decision: "DEFER", reason: "设备未配齐", streetDuty: null, departmentDuty: null, arbitrated: true },
    { seq: 4, code: null, name: "对另一事项的检查", powerType: "行政检查", domain: null, decision: "DECLINE", reason: "专业性强", streetDuty: null, departmentDuty: null, arbitrated: false },
  ],
});

const letter: LetterPrint = {
  content,
  contentHash: contentHash(content),
  status: "CONFIRMED",
  departmentConfirmedBy: "张伟",
  departmentConfirmedAt: new Date("2026-11-24T02:00:00Z"),
  streetConfirmedBy: "王芳",
  streetConfirmedAt: new Date("2026-11-24T03:00:00Z"),
  verifyUrl: "https://qingdan.example/verify",
};

/** The text a reader sees, with the layout's spaces and line breaks taken out. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

async function pdfText(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letter-"));
  try {
    const file = path.join(dir, "letter.pdf");
    fs.writeFileSync(file, await renderLetterPdf(letter));
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function docxText(): Promise<string> {
  const zip = await JSZip.loadAsync(await renderLetterDocx(letter));
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<w:br\/>|<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

describe.each([
  ["PDF", pdfText],
  ["Word", docxText],
])("the printed letter (%s)", (_, read) => {
  it("prints 编办's ruling as 裁决意见, the department's own words as 备注 / 理由", async () => {
    const text = squeeze(await read());
    expect(text).toContain("裁决意见：经核实具备承接条件");
    expect(text).toContain("裁决意见：设备未配齐");
    expect(text).not.toContain("备注：经核实具备承接条件");
    expect(text).not.toContain("理由：设备未配齐");
    expect(text).toContain("备注：按季度汇报");
    expect(text).toContain("理由：专业性强");
  });

  it("ends with a line to sign, stamp and date for each side, for the paper copy", async () => {
    const text = squeeze(await read());
    const line = squeeze("负责人签字：＿＿＿＿  （盖章）  日期：＿＿年＿＿月＿＿日");
    expect(text.split(line)).toHaveLength(3);
    const department = text.lastIndexOf("甲方（部门）：示例市城市管理综合执法局");
    const street = text.lastIndexOf("乙方（街道、乡镇）：东湖街道办事处");
    expect(department).toBeGreaterThan(text.indexOf("内容校验码"));
    expect(street).toBeGreaterThan(department);
    expect(text.indexOf(line, department)).toBeLessThan(street);
    expect(text.lastIndexOf(line)).toBeGreaterThan(street);
  });
});
