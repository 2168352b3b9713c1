import { describe, expect, it } from "vitest";
import { parseTypedGrid } from "./import";
import type { FieldDef } from "./fields";

const fields: FieldDef[] = [
  { key: "name", label: "信息名称", type: "text", required: true },
  { key: "method", label: "共享方式", type: "choice", required: true, options: ["接口", "库表", "文件"] },
  { key: "phone", label: "咨询电话", type: "phone", required: false },
];
const sheet = (rows: string[][]) => [{ name: "Sheet1", firstRow: 1, rows }];

describe("importing a typed list from a spreadsheet", () => {
  it("finds the header under a title by the type's column labels and synonyms, and checks every row", () => {
    const r = parseTypedGrid(
      sheet([
        ["清河镇县镇跨部门信息共享清单", "", ""],
        ["序号", "信息名称*", "共享方式", "联系电话"],
        ["1", "户籍人口基本信息", "接口", "0516-87651201"],
        ["", "", "", ""],
        ["2", "", "邮件", "请来电"],
      ]),
      fields,
      [],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.missing).toEqual([]);
    expect(r.rows).toEqual([
      { rowNumber: 3, section: null, values: { name: "户籍人口基本信息", method: "接口", phone: "0516-87651201" }, problems: [] },
      { rowNumber: 5, section: null, values: expect.any(Object), problems: ["请填写信息名称", "共享方式只能是：接口、库表、文件", expect.stringContaining("咨询电话请填写电话号码")] },
    ]);
    expect(r.counts).toEqual({ ok: 1, error: 1 });
  });

  it("wants a known section for a type with sections, and says which headers it looks for", () => {
    const r = parseTypedGrid(sheet([["分类", "信息名称", "共享方式"], ["民生", "低保名册", "库表"]]), fields, ["社会保障"]);
    expect(r.ok && r.rows[0].problems).toEqual(["分类「民生」不在本类清单的分类中（社会保障）"]);
    const none = parseTypedGrid(sheet([["甲", "乙"], ["1", "2"]]), fields, []);
    expect(none).toEqual({ ok: false, error: expect.stringContaining("信息名称、共享方式、咨询电话") });
  });
});
