import { z } from "zod";
import { id, text } from "@/lib/validation";

export const DICTIONARY_KINDS = ["POWER_TYPE", "DOMAIN"] as const;

export const DICTIONARY_KIND_LABELS: Record<(typeof DICTIONARY_KINDS)[number], string> = {
  POWER_TYPE: "权力类型",
  DOMAIN: "领域",
};

const name = text("名称", 30, { min: 2 });

/** Synonyms typed one per line or separated by 、，, ; — trimmed, deduplicated. */
const synonyms = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const list = Array.isArray(v) ? v : String(v ?? "").split(/[\n、，,;；]+/);
    return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  })
  .pipe(z.array(z.string().max(30, "每个同义词不能超过 30 个字")).max(30, "同义词不能超过 30 个"));

export const createEntrySchema = z.object({
  kind: z.enum(DICTIONARY_KINDS, { message: "请选择字典" }),
  name,
  synonyms,
});

export const updateEntrySchema = z.object({ id, name, synonyms });
export const setEntryActiveSchema = z.object({ id, active: z.boolean() });

export type CreateEntryInput = z.infer<typeof createEntrySchema>;
export type UpdateEntryInput = z.infer<typeof updateEntrySchema>;
