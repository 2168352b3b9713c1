import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import { parseWorkbook } from "./import/parse";
import { inferDomain, type DictionaryOption } from "./match";
import { buildPreview } from "./preview";
import { EMPTY_IMPORT_OPTIONS } from "./schema";

// The built-in 领域 dictionary (prisma/migrations/20261123010000_catalogue).
const DOMAINS: [string, string[]][] = [
  ["城管执法", ["城市管理", "综合执法", "城市管理综合执法"]], ["卫生健康", ["卫健", "卫生", "卫生计生"]], ["应急管理", ["安全生产", "应急"]],
  ["市场监管", ["市场监督管理", "市场监督"]], ["农业农村", ["农业", "农村"]], ["自然资源", ["自然资源和规划", "国土资源", "自然资源规划"]],
  ["生态环境", ["环境保护", "环保"]], ["住房建设", ["住房和城乡建设", "住建", "城乡建设"]], ["民政", []], ["文化旅游", ["文化和旅游", "文旅", "文化"]],
  ["人力资源社会保障", ["人力资源和社会保障", "人社", "劳动保障"]], ["水利", ["水务"]], ["交通运输", ["交通"]], ["林业", ["林业和草原", "园林绿化"]],
  ["教育", []], ["公安", ["治安"]], ["消防", ["消防救援"]], ["人民防空", ["人防", "国防动员"]], ["统计", []], ["商务", []],
  ["医疗保障", ["医保"]], ["科学技术", ["科技"]], ["其他", ["其它", "综合"]],
];
const dictionary: DictionaryOption[] = DOMAINS.map(([name, synonyms], i) => ({ id: i + 1, code: name, name, synonyms, active: true }));
const named = (name: string | null | undefined) => (name ? dictionary.find((d) => d.name === name) : null);

describe("inferDomain", () => {
  it("reads the 领域 from department, sheet and file names where the dictionary has it", () => {
    expect(inferDomain(["克拉玛依市消防救援支队"], dictionary)?.name).toBe("消防");
    expect(inferDomain(["克拉玛依市人防系统权责清单指导目录（行政许可类）"], dictionary)?.name).toBe("人民防空");
    expect(inferDomain(["国动办权责清单公示.xlsx"], dictionary)).toBeNull();
    expect(inferDomain(["克拉玛依市国防动员办公室"], dictionary)?.name).toBe("人民防空");
    expect(inferDomain(["市科技局"], dictionary)?.name).toBe("科学技术");
    expect(inferDomain(["示例市城市管理综合执法局"], dictionary)?.name).toBe("城管执法");
    // Nothing implied: the next text is tried; a tie decides nothing; 其他 is never inferred.
    expect(inferDomain(["市人民政府", "Sheet1", "克拉玛依市2025年消防监督执法权责清单.xlsx"], dictionary)?.name).toBe("消防");
    expect(inferDomain(["公安局交通管理支队"], dictionary)).toBeNull();
    expect(inferDomain(["综合办公室"], dictionary)).toBeNull();
    expect(inferDomain(["消防救援支队"], dictionary.map((d) => (d.name === "消防" ? { ...d, active: false } : d)))).toBeNull();
  });

  // What each real published list (tests/fixtures, /work/shared/fixtures/real-lists) gets when imported.
  const EXPECTED: Record<string, string> = {
    "karamay-2025-fire-enforcement.xlsx": "消防",
    "karamay-civil-air-defence-office.xlsx": "人民防空",
    "karamay-2024-commerce-bureau.xlsx": "商务",
    "karamay-2024-medical-security-bureau.xls": "医疗保障",
    "karamay-2024-science-technology-bureau.xls": "科学技术",
    "karamay-2025-statistics-bureau.xlsx": "统计",
  };
  for (const [file, domain] of Object.entries(EXPECTED)) {
    it(`gives every item of ${file} the 领域 ${domain} (the file has no 领域 column)`, () => {
      const parse = parseWorkbook(new Uint8Array(fs.readFileSync(path.join(REAL_LISTS_DIR, file))), file);
      expect(parse.ok).toBe(true);
      expect(parse.items.every((i) => !i.domain)).toBe(true);
      const preview = buildPreview(parse, { powerTypes: [], domains: dictionary, departments: [], existingHashes: new Set(), options: EMPTY_IMPORT_OPTIONS });
      const rows = preview.rows.filter((r) => r.status !== "excluded");
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.domainName))).toEqual(new Set([domain]));
      expect(rows.every((r) => r.domainInferred)).toBe(true);
      for (const item of preview.items) expect(item.domainId).toBe(named(domain)!.id);
    });
  }
});
