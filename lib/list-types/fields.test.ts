import { describe, expect, it } from "vitest";
import { cellSchema, displayCell, FIELD_TYPES, FIELD_TYPE_DEFS, headerSynonyms, parseCell, parseRow, type FieldDef } from "./fields";

const f = (type: FieldDef["type"], over: Partial<FieldDef> = {}): FieldDef => ({ key: "k", label: "列", type, required: false, ...over });
const value = (field: FieldDef, raw: unknown) => {
  const r = parseCell(field, raw);
  return "value" in r ? r.value : `!${r.problem}`;
};

describe("the field library", () => {
  it("defines every field type once, with a Chinese name", () => {
    for (const t of FIELD_TYPES) expect(FIELD_TYPE_DEFS[t].label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("trims, treats blank as empty, and asks for a required column by its name", () => {
    expect(value(f("text"), "  路灯报修 ")).toBe("路灯报修");
    expect(value(f("text"), null)).toBe("");
    expect(value(f("text", { required: true, label: "事项名称" }), " ")).toBe("!请填写事项名称");
    expect(value(f("text", { label: "事项名称" }), "一行\n两行")).toBe("!事项名称只能填写一行");
    expect(value(f("longText"), "一行\r\n两行")).toBe("一行\n两行");
    expect(value(f("text"), "x".repeat(201))).toMatch(/不能超过 200 个字/);
    expect(value(f("text"), "a\u0000b")).toMatch(/无法保存的字符/);
    expect(value(f("text"), { a: 1 })).toMatch(/格式有误/);
  });

  it("choice accepts only its options (ignoring spaces)", () => {
    const method = f("choice", { label: "共享方式", options: ["接口", "库表", "文件"] });
    expect(value(method, "库 表")).toBe("库表");
    expect(value(method, "邮件")).toBe("!共享方式只能是：接口、库表、文件");
  });

  it("working days read 即办, full-width digits and units; show as 个工作日", () => {
    const days = f("workingDays", { label: "承诺时限" });
    expect(value(days, "即办")).toBe("0");
    expect(value(days, "２０个工作日")).toBe("20");
    expect(value(days, 15)).toBe("15");
    expect(value(days, "三天")).toMatch(/^!承诺时限请填写工作日数/);
    expect(value(days, "4000")).toMatch(/不能超过 3650/);
    expect(displayCell(days, "0")).toBe("即办");
    expect(displayCell(days, "20")).toBe("20 个工作日");
  });

  it("fee, phone, date and law citations are checked and normalised", () => {
    expect(value(f("fee"), "免费")).toBe("不收费");
    expect(value(f("fee"), "工本费 10 元")).toBe("工本费 10 元");
    expect(value(f("phone", { label: "咨询电话" }), "0516－87651201")).toBe("0516-87651201");
    expect(value(f("phone", { label: "咨询电话" }), "请来电")).toMatch(/^!咨询电话请填写电话号码/);
    expect(value(f("date"), "2027年1月5日")).toBe("2027-01-05");
    expect(value(f("date", { label: "生效日期" }), "2027-02-30")).toMatch(/^!请填写有效的生效日期/);
    expect(value(f("lawCitation", { label: "法律依据" }), "《中华人民共和国城乡规划法》第四十一条")).toBe("《中华人民共和国城乡规划法》第四十一条");
    expect(value(f("lawCitation", { label: "法律依据" }), "城乡规划法")).toMatch(/书名号/);
  });

  it("checks a row field by field, and the zod validator says the same", () => {
    const fields = [f("text", { key: "name", label: "名称", required: true }), f("workingDays", { key: "days", label: "时限" })];
    expect(parseRow(fields, { name: "甲", days: "3", extra: "x" })).toEqual({ values: { name: "甲", days: "3" } });
    expect(parseRow(fields, { days: "x" })).toEqual({ problems: { name: "请填写名称", days: expect.stringContaining("时限") } });
    expect(cellSchema(fields[1]).safeParse("即办")).toMatchObject({ success: true, data: "0" });
    expect(cellSchema(fields[1]).safeParse("x").error?.issues[0].message).toContain("时限");
  });

  it("an import recognises a column by its label, its key and its type's synonyms", () => {
    expect(headerSynonyms(f("phone", { key: "phone", label: "咨询电话" }))).toEqual(expect.arrayContaining(["咨询电话", "phone", "联系电话"]));
    expect(headerSynonyms(f("workingDays", { key: "days", label: "承诺时限" }))).toContain("承诺时限（工作日）");
  });
});
