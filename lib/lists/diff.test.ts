import { describe, expect, it } from "vitest";
import { diffVersions, textDelta, type DiffItem } from "./diff";
import { ITEM_FIELDS } from "./labels";

function item(key: string, fields: Partial<DiffItem> = {}): DiffItem {
  const base = { itemKey: key, position: Number(key), category: "加强行政执法", section: "BASIC" } as DiffItem;
  for (const f of ITEM_FIELDS) base[f] = null;
  return { ...base, name: `事项${key}`, powerType: "行政处罚", legalBasis: "《城乡规划法》第六十五条", ...fields };
}

describe("diffVersions", () => {
  it("finds added, removed and changed items by key, and counts the unchanged", () => {
    const from = [item("1"), item("2"), item("3")];
    const to = [item("1"), item("3", { legalBasis: "《城乡规划法》第六十六条" }), item("4")];
    const d = diffVersions(from, to);
    expect(d.added.map((i) => i.itemKey)).toEqual(["4"]);
    expect(d.removed.map((i) => i.itemKey)).toEqual(["2"]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ itemKey: "3", name: "事项3" });
    expect(d.changed[0].changes).toEqual([{ field: "legalBasis", label: "实施依据", before: "《城乡规划法》第六十五条", after: "《城乡规划法》第六十六条" }]);
    expect(d.unchanged).toBe(1);
  });

  it("does not count a new position, line endings or surrounding spaces as a change", () => {
    const d = diffVersions([item("1", { position: 1, remarks: "甲\r\n乙 " })], [item("1", { position: 9, remarks: " 甲\n乙" })]);
    expect(d.changed).toEqual([]);
    expect(d.unchanged).toBe(1);
  });

  it("reports a new category and section with the duty list's labels", () => {
    const d = diffVersions(
      [item("1", { departmentName: "农业农村局" })],
      [item("1", { category: "统筹区域发展", section: "COOPERATING", departmentName: "自然资源局" })],
    );
    expect(d.changed[0].changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["职能分类", "加强行政执法", "统筹区域发展"],
      ["清单部分", "基本履职事项", "配合履职事项"],
      ["上级部门", "农业农村局", "自然资源局"],
    ]);
  });

  it("treats a renamed item with the same key as changed, and two empty versions as equal", () => {
    expect(diffVersions([item("1")], [item("1", { name: "新名称" })]).changed[0].changes[0]).toMatchObject({ label: "事项名称", before: "事项1", after: "新名称" });
    expect(diffVersions([], [])).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
  });

  // Speed is measured by `npm run bench -- lists`; here only the result at that size.
  it("diffs two 340-item versions", () => {
    const a = Array.from({ length: 340 }, (_, i) => item(String(i + 1), { legalBasis: "依据".repeat(100) }));
    const b = a.map((x, i) => (i % 10 === 0 ? { ...x, legalBasis: `${x.legalBasis}修订` } : x));
    const d = diffVersions(a, b);
    expect(d.changed).toHaveLength(34);
  });
});

describe("textDelta", () => {
  it("isolates the changed middle of a text", () => {
    expect(textDelta("《城乡规划法》第六十五条", "《城乡规划法》第六十六条")).toEqual({ prefix: "《城乡规划法》第六十", removed: "五", added: "六", suffix: "条" });
    expect(textDelta("", "新增")).toEqual({ prefix: "", removed: "", added: "新增", suffix: "" });
    expect(textDelta("相同", "相同")).toEqual({ prefix: "相同", removed: "", added: "", suffix: "" });
  });
});
