import { describe, expect, it } from "vitest";
import { createUserSchema } from "./schema";
import { createUnitSchema } from "@/lib/units/schema";

describe("user input", () => {
  it("normalises and accepts a good user", () => {
    const r = createUserSchema.parse({ username: " ZhangSan ", displayName: " 张三 ", unitId: "3", roles: ["STREET"], phone: "" });
    expect(r).toEqual({ username: "zhangsan", displayName: "张三", unitId: 3, roles: ["STREET"], phone: null });
  });

  it("explains what is wrong in Chinese", () => {
    const r = createUserSchema.safeParse({ username: "张", displayName: "", unitId: "x", roles: [] });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toContain("username:用户名至少 3 位");
    expect(messages).toContain("displayName:请填写姓名");
    expect(messages).toContain("roles:至少选择一个角色");
  });

  it("refuses unknown roles", () => {
    expect(createUserSchema.safeParse({ username: "abc", displayName: "甲", unitId: 1, roles: ["ROOT"] }).success).toBe(false);
  });
});

describe("unit input", () => {
  it("accepts division codes and credit codes, refuses junk", () => {
    const base = { name: "东湖街道", kind: "STREET" };
    expect(createUnitSchema.parse({ ...base, code: "429901001" }).code).toBe("429901001");
    expect(createUnitSchema.parse({ ...base, code: "11420000mb1234567x" }).code).toBe("11420000MB1234567X");
    expect(createUnitSchema.safeParse({ ...base, code: "12ab" }).success).toBe(false);
    expect(createUnitSchema.parse({ ...base, code: "" }).code).toBeNull();
  });
});
