import { describe, expect, it } from "vitest";
import { matchDepartment, resolveDomain, resolvePowerType, type DictionaryOption } from "./match";

const units = [
  { id: 1, name: "示例市城市管理综合执法局", shortName: "城管局" },
  { id: 2, name: "示例市市场监督管理局", shortName: "市场监管局" },
  { id: 3, name: "示例市卫生健康委员会", shortName: "卫健委" },
  { id: 4, name: "示例市自然资源和规划局", shortName: "自然资源局" },
  { id: 5, name: "示例市住房和城乡建设局", shortName: "住建局" },
  { id: 6, name: "东湖区市场监督管理局", shortName: null },
];

describe("matchDepartment", () => {
  it("matches the full name or the short name, ignoring spaces", () => {
    expect(matchDepartment("示例市城市管理综合执法局", units)?.id).toBe(1);
    expect(matchDepartment(" 城管局 ", units)?.id).toBe(1);
    expect(matchDepartment("卫健委", units)?.id).toBe(3);
  });

  it("matches a name written with another or no place prefix", () => {
    expect(matchDepartment("市城管局", units)?.id).toBe(1);
    expect(matchDepartment("卫生健康委员会", units)?.id).toBe(3);
    expect(matchDepartment("原示例市自然资源和规划局", units)?.id).toBe(4);
    expect(matchDepartment("某某县住房和城乡建设局", units)?.id).toBe(5);
  });

  it("leaves ambiguous or unknown names as free text", () => {
    // Two units are a 市场监督管理局: the city's and the district's.
    expect(matchDepartment("市场监督管理局", units)).toBeNull();
    expect(matchDepartment("克拉玛依市医疗保障局", units)).toBeNull();
    expect(matchDepartment("县级以上人民政府有关部门", units)).toBeNull();
    expect(matchDepartment("", units)).toBeNull();
    expect(matchDepartment(null, units)).toBeNull();
  });
});

const types: DictionaryOption[] = [
  { id: 1, code: "行政许可", name: "行政许可", synonyms: ["行政审批"], active: true },
  { id: 6, code: "行政检查", name: "行政检查", synonyms: ["行政监督"], active: true },
  { id: 10, code: "其他行政权力", name: "其他行政权力", synonyms: [], active: true },
  { id: 13, code: null, name: "行政备案", synonyms: ["备案"], active: true },
  { id: 14, code: null, name: "旧类型", synonyms: [], active: false },
];

describe("resolvePowerType", () => {
  it("uses the dictionary's names and synonyms, then what the parser recognises", () => {
    expect(resolvePowerType("行政监督", types)?.id).toBe(6);
    expect(resolvePowerType("行政检查类", types)?.id).toBe(6);
    expect(resolvePowerType("一、行政许可（3项）", types)?.id).toBe(1);
    expect(resolvePowerType("其他职权", types)?.id).toBe(10);
    expect(resolvePowerType("备案", types)?.id).toBe(13);
  });

  it("does not offer inactive entries or guess at unknown texts", () => {
    expect(resolvePowerType("旧类型", types)).toBeNull();
    expect(resolvePowerType("行政指导", types)).toBeNull();
    expect(resolvePowerType("  ", types)).toBeNull();
  });
});

describe("resolveDomain", () => {
  const domains: DictionaryOption[] = [
    { id: 1, code: "城管执法", name: "城管执法", synonyms: ["城市管理"], active: true },
    { id: 2, code: "住房建设", name: "住房建设", synonyms: ["住房和城乡建设"], active: true },
  ];
  it("matches names and synonyms, with or without 「领域」", () => {
    expect(resolveDomain("城管执法领域", domains)?.id).toBe(1);
    expect(resolveDomain("城市 管理", domains)?.id).toBe(1);
    expect(resolveDomain("住房和城乡建设", domains)?.id).toBe(2);
    expect(resolveDomain("教育", domains)).toBeNull();
  });
});
