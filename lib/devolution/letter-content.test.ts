import { describe, expect, it } from "vitest";
import { buildLetterContent, canonicalJson, chineseDate, contentHash, countsSentence, defaultDocumentPrefix, documentNumber, groupedHash, normaliseHash } from "./letter-content";

const content = () =>
  buildLetterContent({
    documentNumber: documentNumber("示例编赋", 2026, 12),
    date: "2026-11-23",
    round: { id: 1, title: "2026年赋权承接确认" },
    edition: { id: 2, title: "示例省赋权事项指导清单（2021年版）" },
    street: { id: 3, name: "东湖街道办事处" },
    department: { id: 4, name: "示例市城市管理综合执法局" },
    items: [
      { seq: 1, code: "A-1", name: "对乱扔垃圾的处罚", powerType: "行政处罚", domain: "城管执法", decision: "ACCEPT", reason: null, streetDuty: "巡查、处罚", departmentDuty: "指导、监督", arbitrated: false },
      { seq: 2, code: null, name: "对某事项的检查", powerType: "行政检查", domain: null, decision: "DEFER", reason: "条件不足", streetDuty: null, departmentDuty: null, arbitrated: true },
    ],
  });

describe("letter content", () => {
  it("numbers letters as 「示例编赋〔2026〕12号」 and derives the prefix from the city", () => {
    expect(documentNumber("示例编赋", 2026, 12)).toBe("示例编赋〔2026〕12号");
    expect(defaultDocumentPrefix("示例市")).toBe("示例编赋");
    expect(defaultDocumentPrefix(null)).toBe("本级编赋");
  });

  it("hashes the same content to the same value whatever the key order, and any change to a different one", () => {
    const a = content();
    const reverse = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverse) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
    const reordered = reverse(a);
    expect(Object.keys(reordered as object)[0]).toBe("counts");
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe('{"a":[{"x":null,"y":2}],"b":1}');
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    const changed = content();
    changed.items[0].streetDuty = "巡查";
    expect(contentHash(changed)).not.toBe(contentHash(a));
    expect(a.counts).toEqual({ total: 2, accepted: 1, deferred: 1, declined: 0 });
    expect(countsSentence(a.counts)).toBe("共 2 项，其中承接 1 项、暂缓 1 项、不承接 0 项。");
  });

  it("reads a hash off paper: spaces, dashes and capitals ignored, anything else refused", () => {
    const h = contentHash(content());
    expect(normaliseHash(groupedHash(h).toUpperCase())).toBe(h);
    expect(normaliseHash(`  ${h.slice(0, 8)}-${h.slice(8)} `)).toBe(h);
    expect(normaliseHash(h.slice(1))).toBeNull();
    expect(normaliseHash(`${h.slice(1)}g`)).toBeNull();
    expect(groupedHash(h).split(" ")).toHaveLength(8);
    expect(chineseDate("2026-01-05")).toBe("2026年1月5日");
  });
});
