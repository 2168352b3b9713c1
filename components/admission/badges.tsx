import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/admission/labels";
import type { AdmissionStatus } from "@/lib/generated/prisma/enums";

export function StatusBadge({ status }: { status: AdmissionStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function yuan(n: number | string | { toString(): string }) {
  return `¥${Number(String(n)).toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
}
