import { describe, expect, it } from "vitest";
import { itemSearchText } from "@/lib/lists/text";
import { countRows, filterRows, pageRows, type ListRow } from "./items";

function row(n: number, extra: Partial<ListRow> = {}): ListRow {
  const r: ListRow = {
    itemKey: String(n), position: n, category: "加强行政执法", categoryOrder: 6, section: "BASIC", name: `事项${n}`, subItemName: null,
    powerType: "行政处罚", legalBasis: "《中华人民共和国城乡规划法》第六十四条", handlingSection: null, departmentName: null, streetDuty: null,
    reclaimMethod: null, searchText: "", ...extra,
  };
  return { ...r, searchText: itemSearchText(r) };
}

describe("the public list page's rows", () => {
  const rows = [
    row(1, { category: "统筹区域发展", categoryOrder: 1, powerType: "其他行政权力", name: "组织开展人口普查" }),
    row(2, { category: "统筹区域发展", categoryOrder: 1, powerType: null, name: "对擅自设置户外招牌的处罚" }),
    row(3, { category: null, categoryOrder: 9999, code: "SL-1" } as Partial<ListRow>),
    row(4, { section: "COOPERATING", legalBasis: "《消防法》" }),
  ];

  it("filters as the SQL does: normalised substring of the search text, type, category and section", () => {
    expect(filterRows(rows, {}).map((r) => r.itemKey)).toEqual(["1", "2", "3", "4"]);
    expect(filterRows(rows, { q: " 户外 招牌 " }).map((r) => r.itemKey)).toEqual(["2"]);
    // Cited laws are searched without 中华人民共和国, and not the rest of the basis.
    expect(filterRows(rows, { q: "城乡规划法" }).map((r) => r.itemKey)).toEqual(["1", "2", "3"]);
    expect(filterRows(rows, { q: "第六十四条" })).toEqual([]);
    expect(filterRows(rows, { type: "未分类" }).map((r) => r.itemKey)).toEqual(["2"]);
    expect(filterRows(rows, { category: "未分类" }).map((r) => r.itemKey)).toEqual(["3"]);
    expect(filterRows(rows, { type: "行政处罚", section: "COOPERATING" }).map((r) => r.itemKey)).toEqual(["4"]);
  });

  it("counts by type (most first), by category (in list order) and by section", () => {
    const c = countRows(rows);
    expect(c.byType).toEqual([
      { name: "行政处罚", count: 2 },
      { name: "其他行政权力", count: 1 },
      { name: "未分类", count: 1 },
    ]);
    expect(c.byCategory).toEqual([
      { name: "统筹区域发展", count: 2 },
      { name: "加强行政执法", count: 1 },
      { name: "未分类", count: 1 },
    ]);
    expect(c.bySection).toEqual([
      { name: "BASIC", count: 3 },
      { name: "COOPERATING", count: 1 },
    ]);
  });

  it("cuts pages of consecutive groups, with each group's size over all pages", () => {
    const many = Array.from({ length: 250 }, (_, i) => row(i + 1, { category: i < 150 ? "甲" : "乙", categoryOrder: i < 150 ? 1 : 2 }));
    const first = pageRows(many, 1, false);
    expect(first).toMatchObject({ page: 1, pages: 3, all: false, from: 1, to: 100 });
    expect(first.groups.map((g) => [g.category, g.rows.length, g.total, g.continued])).toEqual([["甲", 100, 150, false]]);
    const second = pageRows(many, 2, false);
    expect(second.groups.map((g) => [g.category, g.rows.length, g.total, g.continued])).toEqual([
      ["甲", 50, 150, true],
      ["乙", 50, 100, false],
    ]);
    // Past the end is the last page; "all" is one page of everything.
    expect(pageRows(many, 9, false)).toMatchObject({ page: 3, from: 201, to: 250 });
    const all = pageRows(many, 2, true);
    expect(all).toMatchObject({ page: 1, pages: 3, all: true, from: 1, to: 250 });
    expect(all.groups.map((g) => g.rows.length)).toEqual([150, 100]);
    // A short list is all on its one page.
    expect(pageRows(rows, 1, false)).toMatchObject({ pages: 1, all: true, to: 4 });
    expect(pageRows([], 1, false)).toMatchObject({ pages: 1, all: true, groups: [] });
  });
});
