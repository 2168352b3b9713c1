import { z } from "zod";

const id = z.coerce.number().int().positive();
export const RATING_VALUES = ["SATISFIED", "BASIC", "DISSATISFIED"] as const;

export const openRoundSchema = z.object({
  year: z.coerce.number({ error: "请填写年度" }).int("请填写年度").min(2020, "年度有误").max(2100, "年度有误"),
  closesOn: z.string({ error: "请选择截止日期" }).regex(/^\d{4}-\d{2}-\d{2}$/, "请选择截止日期"),
});

export const surveyLinkSchema = z.object({
  roundId: id,
  unitId: z.coerce.number({ error: "请选择单位" }).int().positive("请选择单位"),
  label: z.string().trim().min(1, "请填写参与人（如「居民代表」）").max(50, "不能超过 50 字"),
});

export const ratingsSchema = z.object({
  roundId: id,
  ratings: z
    .array(z.object({ dutyId: id, value: z.enum(RATING_VALUES, { error: "请为每个事项选择评价" }) }))
    .min(1, "请至少评价一个事项"),
});

export const surveySubmitSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  ratings: ratingsSchema.shape.ratings,
});

export const revokeSchema = z.object({
  roundId: id,
  dutyId: id,
  note: z.string({ error: "请写明撤销说明" }).trim().min(2, "请写明撤销说明").max(500, "不能超过 500 字"),
});

export const closeRoundSchema = z.object({ roundId: id });
