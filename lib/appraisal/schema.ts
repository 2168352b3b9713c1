import { z } from "zod";
import { date, id, idOf, text, textOrEmpty } from "@/lib/validation";

export const RATING_VALUES = ["SATISFIED", "BASIC", "DISSATISFIED"] as const;

export const openRoundSchema = z.object({
  year: z.coerce.number({ error: "请填写年度" }).int("请填写年度").min(2020, "年度有误").max(2100, "年度有误"),
  closesOn: date("截止日期"),
});

export const surveyLinkSchema = z.object({
  roundId: id,
  unitId: idOf("请选择单位"),
  label: text("参与人（如「居民代表」）", 50),
});

export const ratingsSchema = z.object({
  roundId: id,
  ratings: z
    .array(z.object({ dutyId: id, value: z.enum(RATING_VALUES, { error: "请为每个事项选择评价" }) }))
    .min(1, "请至少评价一个事项"),
});

/** A survey link's token as it appears in the link. */
export const surveyToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const surveySubmitSchema = z.object({
  token: surveyToken,
  ratings: ratingsSchema.shape.ratings,
  comment: textOrEmpty("意见和建议", 500),
});

export const revokeSchema = z.object({
  roundId: id,
  dutyId: id,
  note: text("撤销说明", 500, { min: 2 }),
});

export const closeRoundSchema = z.object({ roundId: id });

/** 编办's decision on a flagged duty: revoke it, or keep it for a stated reason. */
export const decideFlaggedSchema = z.object({
  roundId: id,
  dutyId: id,
  decision: z.enum(["REVOKE", "KEEP"], { error: "请选择撤销或保留" }),
  note: text("理由", 500, { min: 2 }),
});
