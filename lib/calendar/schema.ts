import { z } from "zod";
import { expectedStamp } from "@/lib/edit-stamp";

export const setDaySchema = z
  .object({
    date: z.string({ error: "请选择日期" }).regex(/^\d{4}-\d{2}-\d{2}$/, "请选择日期"),
    kind: z.enum(["HOLIDAY", "WORKDAY", "NORMAL"], { error: "请选择这一天的类型" }),
    name: z.string().trim().max(30, "名称不能超过 30 字").default(""),
    expectedStamp,
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "NORMAL" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "请填写名称，例如「国庆节」或「国庆节调休上班」" });
    const y = Number(v.date.slice(0, 4));
    if (y < 2000 || y > 2100) ctx.addIssue({ code: "custom", path: ["date"], message: "日期超出范围" });
  });

export const importSchema = z.object({});
