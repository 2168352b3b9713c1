import { z } from "zod";
import { id, optionalId, optionalText, text } from "@/lib/validation";
import { ORG_KINDS } from "@/lib/auth/roles";

const name = text("名称", 60, { min: 2 });
const shortName = optionalText("简称", 20);
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
  parentId: optionalId.catch(null),
  jointMeetingMember: z.boolean().default(false),
});

export const updateUnitSchema = z.object({
  id,
  name,
  shortName,
  code,
  jointMeetingMember: z.boolean(),
});

export const moveUnitSchema = z.object({
  id,
  parentId: id.nullable(),
});

export const setUnitActiveSchema = z.object({ id, active: z.boolean() });

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;
