import { z } from "zod";
import { id, text, textOrEmpty } from "@/lib/validation";


/**
 * The fields of a 属地管理事项清单 row, as 编办 enters a duty the unit already held before the
 * admission gate existed (admitted duties come from their admission and are not edited here).
 */
export const dutyFieldsSchema = z
  .object({
    dutyType: text("事项类型", 30),
    name: text("事项名称", 100, { min: 2 }),
    departmentId: z.union([z.literal(""), id]).optional(),
    departmentName: textOrEmpty("部门名称", 60),
    departmentDuty: text("区级部门职责", 2000),
    localDuty: text("街道（社区）职责", 2000),
    legalBasis: text("法律法规及文件依据", 2000),
    leadResponsibility: text("主体责任", 200),
    supportResponsibility: text("配合责任", 200),
  })
  .superRefine((v, ctx) => {
    if (!v.departmentId && !v.departmentName) ctx.addIssue({ code: "custom", path: ["departmentId"], message: "请选择责任部门，或填写部门名称" });
  });

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
    .refine((b) => b.byteLength <= MAX_DUTY_IMPORT_BYTES, `文件不能超过 ${MAX_DUTY_IMPORT_BYTES / 1024 / 1024} MB`),
  expectNew: z.coerce.number().int().min(0).optional(),
});
