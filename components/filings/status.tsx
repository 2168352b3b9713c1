import type { FilingStatus } from "@/lib/generated/prisma/enums";
import { FILING_STATUS_LABELS } from "@/lib/filings/policy";
import { Badge } from "@/components/ui/badge";

const TONES = { PENDING: "amber", FILED: "green", RETURNED: "red" } as const;

export function FilingStatusBadge({ status }: { status: FilingStatus }) {
  return <Badge tone={TONES[status]}>{FILING_STATUS_LABELS[status]}</Badge>;
}
