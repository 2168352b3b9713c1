import { describe, expect, it } from "vitest";
import { createTypeSchema, publicationProblems, snapshotOf, typeDefinitionSchema, versionColumns, type TypedRow } from "./schema";
import { diffTypedVersions } from "./diff";
import type { FieldDef } from "./fields";

const fields: FieldDef[] = [
  { key: "name", label: "信息名称", type: "text", required: true },
  { key: "method", label: "共享方式", type: "choice", required: true, options: ["接口", "库表", "文件"] },
];
const rows: TypedRow[] = [{ key: "1", section: null, values: { name: "户籍人口", method: "接口" } }];

describe("a list type's definition", () => {
  it("is checked with Chinese messages: codes, unique keys and labels, choice options", () => {
    const r = typeDefinitionSchema.safeParse({ name: "", unitKinds: [], fields: [{ key: "Name", label: "甲", type: "choice" }, { key: "b", label: "甲", type: "text" }] });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join("|");
    expect(messages).toContain("请填写清单类型名称");
    expect(messages).toContain("请至少选择一类适用单位");
    expect(messages).toContain("字段代码须以小写字母开头");
    expect(createTypeSchema.safeParse({ code: "power-list", name: "甲", unitKinds: ["STREET"], fields }).error?.issues[0].message).toBe("该代码已被职权清单使用");
    const ok = typeDefinitionSchema.parse({ name: "信息共享清单", unitKinds: ["TOWNSHIP"], fields: [...fields, { key: "note", label: "备注", type: "text", options: ["x"] }] });
    expect(ok.fields[2]).toEqual({ key: "note", label: "备注", type: "text", required: false });
  });
});

describe("a list type from the editor's form", () => {
  it("reads options, sections and stages typed as text, and checkboxes", async () => {
    const { formDataToInput } = await import("@/lib/forms");
    const form = new FormData();
    form.set("code", "xz-demo");
    form.set("name", "信息共享清单");
    form.append("unitKinds", "TOWNSHIP");
    form.set("fields.0.label", "信息名称");
    form.set("fields.0.key", "name");
    form.set("fields.0.type", "text");
    form.set("fields.0.required", "on");
    form.set("fields.0.options", "");
    form.set("fields.1.label", "共享方式");
    form.set("fields.1.key", "method");
    form.set("fields.1.type", "choice");
    form.set("fields.1.options", "接口、库表，文件");
    form.set("sections", "社会保障\r\n民政服务\n");
    form.set("stages", "编办审核");
    const parsed = createTypeSchema.safeParse(await formDataToInput(createTypeSchema, form));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({
      unitKinds: ["TOWNSHIP"],
      fields: [
        { key: "name", label: "信息名称", type: "text", required: true },
        { key: "method", label: "共享方式", type: "choice", required: false, options: ["接口", "库表", "文件"] },
      ],
      sections: ["社会保障", "民政服务"],
      stages: ["编办审核"],
    });
  });
});

describe("the snapshot rule", () => {
  it("a published version keeps the type's columns as they were: later edits of the type do not reach it", () => {
    const type = { fields: structuredClone(fields), sections: [] as string[] };
    const version = snapshotOf(type, rows);
    // 编办 renames a column, removes one, adds one; a draft row changes too.
    type.fields[0].label = "数据名称";
    type.fields.splice(1, 1);
    type.fields.push({ key: "frequency", label: "更新频率", type: "text", required: false });
    rows[0].values.name = "改过";
    expect(versionColumns(version).map((f) => f.label)).toEqual(["信息名称", "共享方式"]);
    expect(version.rows[0].values).toEqual({ name: "户籍人口", method: "接口" });
    rows[0].values.name = "户籍人口";
  });

  it("the next version's diff shows an added and a removed column as changes", () => {
    const v1 = snapshotOf({ fields, sections: [] }, rows);
    const v2 = snapshotOf({ fields: [fields[0], { key: "frequency", label: "更新频率", type: "text", required: false }], sections: [] }, [
      { key: "1", section: null, values: { name: "户籍人口", frequency: "实时" } },
      { key: "2", section: null, values: { name: "低保名册", frequency: "每月" } },
    ]);
    const d = diffTypedVersions(v1, v2);
    expect(d.added.map((r) => r.key)).toEqual(["2"]);
    expect(d.changed).toEqual([{ key: "1", name: "户籍人口", changes: [{ key: "method", label: "共享方式", before: "接口", after: "" }, { key: "frequency", label: "更新频率", before: "", after: "实时" }] }]);
  });

  it("publication lists every problem of the draft against the current columns", () => {
    expect(publicationProblems(fields, ["甲"], [{ key: "1", section: null, values: { name: "" } }])).toEqual(["第 1 行：请选择分类", "第 1 行：请填写信息名称", "第 1 行：请填写共享方式"]);
    expect(publicationProblems(fields, [], [])).toEqual(["清单还没有事项，不能公布"]);
  });
});
