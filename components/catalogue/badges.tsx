import type { EditionStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/catalogue/labels";
import { Badge } from "@/components/ui/badge";

export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  return <Badge tone={status === "ISSUED" ? "green" : "amber"}>{STATUS_LABELS[status]}</Badge>;
}

/** A power type from the dictionary, or the text as written when the dictionary has none. */
export function TypeLabel({ name, raw }: { name?: string | null; raw?: string | null }) {
  if (name) return <span className="whitespace-nowrap">{name}</span>;
  if (raw) {
    return (
      <span className="whitespace-nowrap text-amber-700" title="字典中没有对应的权力类型">
        {raw}（未归类）
      </span>
    );
  }
  return <span className="text-slate-500">—</span>;
}
