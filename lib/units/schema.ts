import { z } from "zod";
import { ORG_KINDS } from "@/lib/auth/roles";
import { expectedStamp } from "@/lib/edit-stamp";

const name = z.string().trim().min(2, "名称至少 2 个字").max(60, "名称不能超过 60 个字");
const shortName = z.string().trim().max(20, "简称不能超过 20 个字").optional().transform((v) => v || null);
// Administrative division code (6–12 digits) or unified social credit code (18 characters).
const code = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === "" || /^\d{6}(\d{3}|\d{6})?$/.test(v) || /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v), {
    message: "代码应为 6、9 或 12 位行政区划代码，或 18 位统一社会信用代码",
  })
  .optional()
  .transform((v) => v || null);

export const createUnitSchema = z.object({
  name,
  shortName,
  kind: z.enum(ORG_KINDS, { message: "请选择单位类别" }),
  code,
  parentId: z.coerce.number().int().positive().optional().nullable().catch(null),
  jointMeetingMember: z.boolean().default(false),
});

export const updateUnitSchema = z.object({
  id: z.coerce.number().int().positive(),
  name,
  shortName,
  code,
  jointMeetingMember: z.boolean(),
  expectedStamp,
});

export const moveUnitSchema = z.object({
  id: z.coerce.number().int().positive(),
  parentId: z.coerce.number().int().positive().nullable(),
});

export const setUnitActiveSchema = z.object({ id: z.coerce.number().int().positive(), active: z.boolean() });

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;
