import { z } from "zod";
import { date, id, optionalText, text } from "@/lib/validation";
import { MAX_FEN, yuanToFen } from "./money";

/** An amount in yuan as a person types it, as integer fen. Negative only for a correction (冲正). */
const amountFen = z
  .string({ error: "请填写拨付金额" })
  .trim()
  .min(1, "请填写拨付金额")
  .transform((v, ctx) => {
    const fen = yuanToFen(v);
    if (fen === null) {
      ctx.addIssue({ code: "custom", message: "金额格式有误，请填写元，最多两位小数，如 12500 或 12500.50" });
      return z.NEVER;
    }
    if (fen === 0) {
      ctx.addIssue({ code: "custom", message: "拨付金额不能为 0" });
      return z.NEVER;
    }
    if (Math.abs(fen) > MAX_FEN) {
      ctx.addIssue({ code: "custom", message: "金额过大，请核对" });
      return z.NEVER;
    }
    return fen;
  });

/** One disbursement (拨付) of 费随事转 funds to a unit for one admitted duty and budget year. */
export const disburseSchema = z
  .object({
    localDutyId: id,
    year: z.number({ error: "请选择年度" }).int("年度有误").min(2000, "年度有误").max(2100, "年度有误"),
    paidOn: date("拨付日期"),
    amount: amountFen,
    documentNumber: text("拨付文号", 60, { min: 2 }),
    note: optionalText("说明", 500),
  })
  .superRefine((v, ctx) => {
    if (v.amount < 0 && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "冲正（负数金额）时请写明原因" });
  });

export type DisburseInput = z.infer<typeof disburseSchema>;
