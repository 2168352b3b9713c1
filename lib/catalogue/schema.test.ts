import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { adjustImportSchema, createEditionSchema, createItemSchema, itemFilterSchema, updateItemSchema } from "./schema";

/** First message per field path, as the action wrapper reports them. */
function errors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const valid = { editionId: 3, name: "对随地吐痰的处罚", powerTypeId: "2" };

describe("item form schema", () => {
  it("accepts a minimal item and normalises it: trimmed text, empty optionals as null", () => {
    const r = createItemSchema.safeParse({ ...valid, name: "  对随地吐痰的处罚 ", code: "  ", legalBasis: "  【法律】第一条\r\n第二条  ", domainId: "", departmentId: "" });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toMatchObject({ editionId: 3, name: "对随地吐痰的处罚", powerTypeId: 2, code: null, domainId: null, departmentId: null, legalBasis: "【法律】第一条\n第二条", subItems: [] });
  });

  it("requires a name and a power type, with Chinese messages per field", () => {
    expect(errors(createItemSchema.safeParse({ editionId: 3, name: "  ", powerTypeId: "" }))).toEqual({ name: "请填写事项名称", powerTypeId: "请选择权力类型" });
    expect(errors(createItemSchema.safeParse({ editionId: 3, name: "x", powerTypeId: "abc" }))).toEqual({ powerTypeId: "请选择权力类型" });
  });

  it("limits lengths and names the field in the message", () => {
    const long = createItemSchema.safeParse({ ...valid, name: "名".repeat(501), supervisionPhone: "1".repeat(101), legalBasis: "依".repeat(20001) });
    expect(errors(long)).toEqual({ name: "事项名称不能超过 500 个字", supervisionPhone: "监督电话不能超过 100 个字", legalBasis: "实施依据不能超过 20000 个字" });
  });

  it("validates sub-items by position and keeps only known sub-item fields", () => {
    const bad = createItemSchema.safeParse({ ...valid, subItems: [{ name: "子项一" }, { name: " ", powerTypeId: "x" }] });
    expect(errors(bad)).toMatchObject({ "subItems.1.name": "请填写子项名称" });
    const good = updateItemSchema.safeParse({ id: 9, name: "主项", powerTypeId: 1, subItems: [{ name: "子项", powerTypeId: "", fields: { legalBasis: " 依据 ", remarks: "", bogus: "x" } }] });
    expect(good.success && good.data.subItems).toEqual([{ name: "子项", powerTypeId: null, fields: { legalBasis: "依据" } }]);
  });
});

describe("edition schema", () => {
  it("needs a kind and a title of reasonable length", () => {
    expect(errors(createEditionSchema.safeParse({ kind: "OTHER", title: "清单" }))).toEqual({ kind: "请选择清单类别", title: "版本名称至少 4 个字" });
    const ok = createEditionSchema.safeParse({ kind: "GUIDANCE", title: " 湖北省赋权事项指导清单（2021年版） ", copyFromId: "" });
    expect(ok.success && ok.data).toEqual({ kind: "GUIDANCE", title: "湖北省赋权事项指导清单（2021年版）", description: null, copyFromId: null });
  });
});

describe("table filter", () => {
  it("falls back to defaults on nonsense instead of failing the page", () => {
    expect(itemFilterSchema.parse({ type: "abc", domain: "none", sort: "drop table", size: "7", page: "-3", q: " 食品 " })).toEqual({
      q: "食品", type: undefined, domain: "none", dept: undefined, sort: "position", dir: "asc", size: 20, page: 1,
    });
    expect(itemFilterSchema.parse({ type: "4", sort: "type", dir: "desc", size: "100", page: "2" })).toMatchObject({ type: 4, sort: "type", dir: "desc", size: 100, page: 2 });
  });
});

describe("import corrections", () => {
  it("accepts the known kinds of change only", () => {
    expect(adjustImportSchema.safeParse({ sessionId: 1, change: "column", sheet: "Sheet1", index: 3, field: "legalBasis" }).success).toBe(true);
    expect(adjustImportSchema.safeParse({ sessionId: 1, change: "column", sheet: "Sheet1", index: 3, field: "password" }).success).toBe(false);
    expect(errors(adjustImportSchema.safeParse({ sessionId: 1, change: "row", key: "Sheet1!4", name: " ", powerTypeId: null }))).toEqual({ name: "请填写事项名称" });
    expect(adjustImportSchema.safeParse({ sessionId: 1, change: "drop" }).success).toBe(false);
  });
});
