import { z } from "zod";

const id = z.coerce.number().int().positive();

/** Claim the given items of an issued general list, or all of them. */
export const claimSchema = z
  .object({
    streetId: id,
    editionId: id,
    itemIds: z.array(id).max(5000, "一次最多认领 5000 项").optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all || (v.itemIds?.length ?? 0) > 0, { path: ["itemIds"], message: "请至少选择一项" });

export const unclaimSchema = z.object({
  streetId: id,
  editionId: id,
  itemIds: z.array(id).min(1, "请至少选择一项").max(5000, "一次最多处理 5000 项"),
  reason: z.string().trim().min(2, "请填写取消认领的理由").max(500, "理由不能超过 500 个字"),
});

export const claimFilterSchema = z.object({
  edition: z.coerce.number().int().positive().optional().catch(undefined),
  street: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["claimed", "unclaimed"]).optional().catch(undefined),
});

export type ClaimInput = z.infer<typeof claimSchema>;
export type UnclaimInput = z.infer<typeof unclaimSchema>;
