import type { TypedListStatus } from "@/lib/generated/prisma/enums";

export const TYPED_STATUS_LABELS: Record<TypedListStatus, string> = { DRAFT: "起草中", IN_REVIEW: "审核中", PUBLISHED: "已公布" };
export const TYPED_STATUS_TONES: Record<TypedListStatus, "gray" | "amber" | "green"> = { DRAFT: "gray", IN_REVIEW: "amber", PUBLISHED: "green" };
