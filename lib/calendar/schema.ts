import { z } from "zod";
import { date, textOrEmpty } from "@/lib/validation";

export const setDaySchema = z
  .object({
    date: date("日期"),
    kind: z.enum(["HOLIDAY", "WORKDAY", "NORMAL"], { error: "请选择这一天的类型" }),
    name: textOrEmpty("名称", 30),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "NORMAL" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "请填写名称，例如「国庆节」或「国庆节调休上班」" });
    const y = Number(v.date.slice(0, 4));
    if (y < 2000 || y > 2100) ctx.addIssue({ code: "custom", path: ["date"], message: "日期超出范围" });
  });

export const importSchema = z.object({});
