import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { parseWorkbook } from "@/lib/catalogue/import/parse";
import { itemContentHash } from "./item-data";
import type { DictionaryOption } from "./match";
import { buildPreview, type PreviewContext } from "./preview";
import { EMPTY_IMPORT_OPTIONS, type ImportOptions } from "./schema";

function workbook(rows: (string | number)[][]): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([["示例清单"], ["序号", "事项名称", "权力类型", "所属领域", "实施部门", "实施依据", "救济渠道"], ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "清单");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

const entry = (id: number, name: string, synonyms: string[] = []): DictionaryOption => ({ id, code: name, name, synonyms, active: true });
const powerTypes = [entry(1, "行政许可"), entry(2, "行政处罚"), entry(6, "行政检查", ["行政监督"])];
const domains = [entry(101, "城管执法"), entry(102, "市场监管")];
const departments = [{ id: 50, name: "示例市城市管理综合执法局", shortName: "城管局" }];

const FILE = workbook([
  [1, "对随地吐痰的处罚", "行政处罚", "城管执法", "市城管局", "【法规】第三十四条", "复议"],
  [2, "", "行政处罚", "城管执法", "", "【法规】第三十六条", ""],
  [3, "对某事项的指导", "行政指导", "市场监管", "", "", ""],
  [4, "对占道经营的检查", "行政监督", "街面秩序", "城管局", "", ""],
]);

function preview(options: Partial<ImportOptions> = {}, existing: string[] = []) {
  const parse = parseWorkbook(FILE, "清单.xlsx");
  const ctx: PreviewContext = { powerTypes, domains, departments, existingHashes: new Set(existing), options: { ...EMPTY_IMPORT_OPTIONS, ...options } };
  return buildPreview(parse, ctx);
}

describe("buildPreview", () => {
  it("resolves types, domains and departments and flags what cannot be imported", () => {
    const p = preview();
    expect(p.rows.map((r) => [r.key, r.status, r.typeName, r.domainName, r.departmentMatched])).toEqual([
      ["清单!3", "ok", "行政处罚", "城管执法", "示例市城市管理综合执法局"],
      ["清单!4", "error", "行政处罚", "城管执法", null],
      ["清单!5", "error", null, "市场监管", null],
      ["清单!6", "warning", "行政检查", null, "示例市城市管理综合执法局"],
    ]);
    expect(p.rows[1].issues).toContainEqual({ level: "error", message: "缺少事项名称" });
    expect(p.rows[2].issues[0].message).toContain("无法识别的权力类型「行政指导」");
    expect(p.rows[3].issues[0].message).toContain("领域「街面秩序」不在字典中");
    expect(p.unknownTypes).toEqual([{ text: "行政指导", count: 1 }]);
    expect(p.unknownDomains).toEqual([{ text: "街面秩序", count: 1 }]);
    expect(p.counts).toMatchObject({ rows: 4, errors: 2, warnings: 1, toImport: 2 });
    expect(p.items.map((i) => i.name)).toEqual(["对随地吐痰的处罚", "对占道经营的检查"]);
    // The unmapped column is kept with the item.
    expect(p.items[0].extra).toEqual({ 救济渠道: "复议" });
    expect(p.items[1]).toMatchObject({ powerTypeId: 6, powerTypeRaw: "行政监督", domainId: null, domainRaw: "街面秩序", departmentId: 50 });
  });

  it("applies the user's corrections: type mapping, a fixed row, an excluded row, a domain mapping", () => {
    const p = preview({
      typeMap: { 行政指导: 6 },
      edits: { "清单!4": { name: "对擅自设置广告的处罚", powerTypeId: null } },
      domainMap: { 街面秩序: 101 },
      excluded: ["清单!3"],
    });
    expect(p.rows.map((r) => r.status)).toEqual(["excluded", "ok", "ok", "ok"]);
    expect(p.rows[1]).toMatchObject({ name: "对擅自设置广告的处罚", edited: true });
    expect(p.rows[2].typeName).toBe("行政检查");
    expect(p.counts).toMatchObject({ errors: 0, excluded: 1, toImport: 3 });
    expect(p.unknownTypes).toEqual([]);
    expect(p.items.map((i) => i.domainId)).toEqual([101, 102, 101]);
  });

  it("skips items identical to ones already in the edition", () => {
    const first = preview({ excluded: ["清单!4", "清单!5"] });
    const hashes = first.items.map(itemContentHash);
    const again = preview({ excluded: ["清单!4", "清单!5"] }, hashes);
    expect(again.rows.map((r) => r.status)).toEqual(["identical", "excluded", "excluded", "identical"]);
    expect(again.counts).toMatchObject({ identical: 2, toImport: 0 });
    expect(again.items).toEqual([]);
  });
});
