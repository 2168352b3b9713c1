import { describe, expect, it } from "vitest";
import { diffKeyed, type DiffColumn } from "./diff";

type Row = { id: string; name: string; kind?: string };
const columns: DiffColumn<Row>[] = [
  { field: "name", label: "名称", before: (r) => r.name },
  { field: "kind", label: (r) => (r.kind ? `类别（${r.kind}）` : "类别"), before: (r) => r.kind ?? "", after: (r) => (r.kind ?? "").toUpperCase() },
];

describe("diffKeyed", () => {
  it("matches by key: added and changed in the newer order, removed in the older's, reordering alone unchanged", () => {
    const from: Row[] = [{ id: "1", name: "甲" }, { id: "2", name: "乙" }, { id: "3", name: "丙" }];
    const to: Row[] = [{ id: "3", name: "丙" }, { id: "4", name: "丁" }, { id: "1", name: "甲一" }];
    const d = diffKeyed(from, to, (r) => r.id, columns);
    expect(d.added.map((r) => r.id)).toEqual(["4"]);
    expect(d.removed.map((r) => r.id)).toEqual(["2"]);
    expect(d.changed).toEqual([{ key: "1", before: from[0], after: to[2], changes: [{ field: "name", label: "名称", before: "甲", after: "甲一" }] }]);
    expect(d.unchanged).toBe(1);
  });

  it("shows each side by its own reader and labels by the newer item", () => {
    const d = diffKeyed([{ id: "1", name: "甲", kind: "a" }], [{ id: "1", name: "甲", kind: "b" }], (r) => r.id, columns);
    expect(d.changed[0].changes).toEqual([{ field: "kind", label: "类别（b）", before: "a", after: "B" }]);
    expect(diffKeyed([], [], (r: Row) => r.id, columns)).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
  });
});
