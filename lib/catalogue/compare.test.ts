import { describe, expect, it } from "vitest";
import { compareChoices, compareUnits, diffEditions, type CompareItem } from "./compare";

let nextId = 1;
function item(over: Partial<CompareItem> = {}): CompareItem {
  return {
    id: nextId++,
    code: null,
    name: "对随地吐痰的处罚",
    typeName: "行政处罚",
    domainName: "城管执法",
    departmentName: "示例市城市管理综合执法局",
    details: { legalBasis: "【法规】《城市市容和环境卫生管理条例》第三十四条" },
    subItems: [],
    ...over,
  };
}

describe("diffEditions", () => {
  it("finds added, removed and changed items, listing the changed fields", () => {
    const before = [item({ code: "A1" }), item({ code: "A2", name: "对擅自设置广告的处罚" }), item({ code: "A3", name: "要删除的事项" })];
    const after = [
      item({ code: "A1" }),
      item({ code: "A2", name: "对擅自设置大型户外广告的处罚", details: { legalBasis: "【法规】新依据" } }),
      item({ code: "A4", name: "新增的事项" }),
    ];
    const diff = diffEditions(before, after);
    expect(diff.added.map((u) => u.name)).toEqual(["新增的事项"]);
    expect(diff.removed.map((u) => u.name)).toEqual(["要删除的事项"]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].changes.map((c) => [c.field, c.label, c.before, c.after])).toEqual([
      ["name", "事项名称", "对擅自设置广告的处罚", "对擅自设置大型户外广告的处罚"],
      ["legalBasis", "实施依据", "【法规】《城市市容和环境卫生管理条例》第三十四条", "【法规】新依据"],
    ]);
  });

  it("matches by code first: a renamed item with the same code is changed, not removed and added", () => {
    const diff = diffEditions([item({ code: "X-1", name: "旧名称" })], [item({ code: "x-1", name: "新名称" })]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed[0].changes.map((c) => c.field)).toEqual(["code", "name"]);
  });

  it("without a code matches by normalised name, sub-item and type", () => {
    const before = [item({ name: "对 随地吐痰 的处罚" }), item({ name: "同名事项", typeName: "行政处罚" })];
    const after = [item({ name: "对随地吐痰的处罚" }), item({ name: "同名事项", typeName: "行政检查" })];
    const diff = diffEditions(before, after);
    // Spaces do not matter for the identity, but the name as written did change.
    expect(diff.changed.map((c) => c.after.name)).toEqual(["对随地吐痰的处罚"]);
    // Another type is another item.
    expect(diff.added.map((u) => [u.name, u.typeName])).toEqual([["同名事项", "行政检查"]]);
    expect(diff.removed.map((u) => [u.name, u.typeName])).toEqual([["同名事项", "行政处罚"]]);
  });

  it("compares sub-items one by one, each with its item's fields", () => {
    const subs = (names: string[]) => names.map((name) => ({ name, code: null, typeName: null, details: {} }));
    const before = [item({ subItems: subs(["子项一", "子项二"]) })];
    const after = [item({ subItems: [...subs(["子项一"]), { name: "子项二", code: null, typeName: null, details: { legalBasis: "子项自己的依据" } }, ...subs(["子项三"])] })];
    const diff = diffEditions(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.added.map((u) => u.subItemName)).toEqual(["子项三"]);
    expect(diff.changed.map((c) => [c.after.subItemName, c.changes.map((x) => x.field)])).toEqual([["子项二", ["legalBasis"]]]);
  });

  it("ignores line-ending and trailing-space differences", () => {
    const diff = diffEditions([item({ details: { legalBasis: "第一条\r\n第二条  " } })], [item({ details: { legalBasis: "第一条\n第二条" } })]);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged).toBe(1);
  });

  it("keeps repeated identities apart in order", () => {
    const units = compareUnits([item(), item(), item({ code: "C" })]);
    expect(units.map((u) => u.key)).toEqual(["name:对随地吐痰的处罚||行政处罚", "name:对随地吐痰的处罚||行政处罚#2", "code:c"]);
    const diff = diffEditions([item(), item()], [item()]);
    expect(diff.removed).toHaveLength(1);
    expect(diff.unchanged).toBe(1);
  });

  it("reports nothing for identical editions and everything for an empty one", () => {
    const items = [item({ code: "1" }), item({ code: "2" })];
    expect(diffEditions(items, items)).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(diffEditions([], items).added).toHaveLength(2);
    expect(diffEditions(items, []).removed).toHaveLength(2);
  });
});

describe("diffEditions counts", () => {
  const sub = (name: string, legalBasis = "【法律】依据") => ({ name, code: null, typeName: null, details: { legalBasis } });

  it("counts items and sub-items apart, reconciling with each edition's header", () => {
    const before = [
      item({ code: "B1", name: "有两个子项的事项", subItems: [sub("子项甲"), sub("子项乙")] }),
      item({ code: "B2", name: "不变的事项" }),
      item({ code: "B3", name: "要删除的事项", subItems: [sub("子项丙"), sub("子项丁"), sub("子项戊")] }),
    ];
    const after = [
      item({ code: "B1", name: "有两个子项的事项", subItems: [sub("子项甲", "【法律】新依据"), sub("子项乙"), sub("子项己")] }),
      item({ code: "B2", name: "不变的事项" }),
      item({ code: "B4", name: "新增的事项" }),
    ];
    const diff = diffEditions(before, after);
    // Rows: 甲 changed, 乙 unchanged, 己 added, B2 unchanged, B4 added, 丙丁戊 removed.
    expect([diff.added.length, diff.removed.length, diff.changed.length, diff.unchanged]).toEqual([2, 3, 1, 2]);
    const { items, subItems, from, to } = diff.counts;
    expect(items).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(subItems).toEqual({ added: 1, removed: 3, changed: 1, unchanged: 1 });
    expect(from).toEqual({ items: 3, subItems: 5 });
    expect(to).toEqual({ items: 3, subItems: 3 });
    for (const k of ["items", "subItems"] as const) {
      const t = diff.counts[k];
      expect(t.unchanged + t.changed + t.removed).toBe(from[k]);
      expect(t.unchanged + t.changed + t.added).toBe(to[k]);
    }
  });

  it("counts an item that gained sub-items as one changed item and its sub-items as added", () => {
    const diff = diffEditions([item({ code: "C1" })], [item({ code: "C1", subItems: [sub("新子项一"), sub("新子项二")] })]);
    expect(diff.counts.items).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 0 });
    expect(diff.counts.subItems).toEqual({ added: 2, removed: 0, changed: 0, unchanged: 0 });
  });
});

describe("compareChoices", () => {
  const options = [
    { id: 5, kind: "GUIDANCE" as const }, { id: 3, kind: "GUIDANCE" as const }, { id: 1, kind: "GUIDANCE" as const },
    { id: 4, kind: "GENERAL" as const }, { id: 2, kind: "GENERAL" as const },
  ];
  it("offers only editions of the chosen editions' type", () => {
    const c = compareChoices(options, { kind: null, from: null, to: { id: 4, kind: "GENERAL" } });
    expect(c).toMatchObject({ kind: "GENERAL", fromId: 2, toId: 4, mixed: false });
    expect(c.options.map((o) => o.id)).toEqual([4, 2]);
  });
  it("defaults to the two newest of the asked type, 指导清单 when none is asked", () => {
    expect(compareChoices(options, { kind: "GENERAL", from: null, to: null })).toMatchObject({ fromId: 2, toId: 4 });
    const g = compareChoices(options, { kind: null, from: null, to: null });
    expect(g).toMatchObject({ kind: "GUIDANCE", fromId: 3, toId: 5 });
    expect(g.options.map((o) => o.kind)).toEqual(["GUIDANCE", "GUIDANCE", "GUIDANCE"]);
  });
  it("refuses to pair editions of different types", () => {
    expect(compareChoices(options, { kind: null, from: { id: 2, kind: "GENERAL" }, to: { id: 5, kind: "GUIDANCE" } })).toMatchObject({ kind: "GUIDANCE", fromId: null, toId: 5, mixed: true });
  });
  it("takes the edition before the only one chosen, or after it for the oldest", () => {
    expect(compareChoices(options, { kind: null, from: null, to: { id: 1, kind: "GUIDANCE" } })).toMatchObject({ fromId: 3, toId: 1 });
  });
});
