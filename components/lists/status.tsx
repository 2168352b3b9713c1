import type { AdjustmentStatus, ListItemSource, PowerListStatus } from "@/lib/generated/prisma/enums";
import { ADJUSTMENT_STATUS_LABELS, ADJUSTMENT_STATUS_TONES, SOURCE_LABELS, SOURCE_TONES, STATUS_LABELS, STATUS_TONES } from "@/lib/lists/labels";
import { Badge } from "@/components/ui/badge";

export function ListStatusBadge({ status }: { status: PowerListStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function AdjustmentStatusBadge({ status }: { status: AdjustmentStatus }) {
  return <Badge tone={ADJUSTMENT_STATUS_TONES[status]}>{ADJUSTMENT_STATUS_LABELS[status]}</Badge>;
}

export function SourceBadge({ source }: { source: ListItemSource }) {
  return <Badge tone={SOURCE_TONES[source]}>{SOURCE_LABELS[source]}</Badge>;
}
