import { z } from "zod";
import { fileTooLargeMessage } from "@/lib/uploads";
import { id, text } from "@/lib/validation";
import { DUTY_FIELDS, dutyFieldsSchemaOf } from "./fields";


/**
 * The fields of a 属地管理事项清单 row, as 编办 enters a duty the unit already held before the
 * admission gate existed (admitted duties come from their admission and are not edited here).
 * Built from the one definition of a duty's fields (./fields.ts).
 */
export const dutyFieldsSchema = dutyFieldsSchemaOf(DUTY_FIELDS);

export type DutyFields = z.infer<typeof dutyFieldsSchema>;

export const addDutySchema = z.intersection(dutyFieldsSchema, z.object({ unitId: id }));
/** `stamp` is the row as the page showed it: a change made meanwhile is a conflict, not overwritten. */
export const updateDutySchema = z.intersection(dutyFieldsSchema, z.object({ id, stamp: z.string().max(100) }));
export const removeDutySchema = z.object({
  id,
  stamp: z.string().max(100),
  reason: text("移出理由", 500, { min: 2 }),
});
export const publishDutiesSchema = z.object({
  unitId: id,
  note: text("公布说明", 200, { min: 2 }),
});

/** Largest spreadsheet accepted for a 属地管理事项清单 import (these lists have tens of rows, rarely hundreds). */
export const MAX_DUTY_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * A spreadsheet of 存量事项 for one unit: previewed first, then sent again to be imported, so the
 * server checks exactly what it writes. `expectNew` is the count the preview showed and the user
 * confirmed; a list that changed meanwhile is refused rather than imported differently.
 */
export const importDutiesSchema = z.object({
  unitId: id,
  fileName: z
    .string()
    .trim()
    .min(1, "请选择文件")
    .max(255, "文件名过长")
    .refine((n) => /\.(xlsx|xls|csv)$/i.test(n), "只能导入 Excel（.xlsx、.xls）或 CSV 文件"),
  file: z
    .instanceof(Uint8Array, { error: "请选择文件" })
    .refine((b) => b.byteLength > 0, "文件为空（0 字节），请检查后重新上传")
    .refine((b) => b.byteLength <= MAX_DUTY_IMPORT_BYTES, fileTooLargeMessage(MAX_DUTY_IMPORT_BYTES)),
  expectNew: z.coerce.number().int().min(0).optional(),
});
