import { z } from "zod";
import { filterId, id, text } from "@/lib/validation";

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
  reason: text("取消认领的理由", 500, { min: 2 }),
});

export const claimFilterSchema = z.object({
  edition: filterId,
  street: filterId,
  status: z.enum(["claimed", "unclaimed"]).optional().catch(undefined),
});

export type ClaimInput = z.infer<typeof claimSchema>;
export type UnclaimInput = z.infer<typeof unclaimSchema>;
