import { formatDateTime } from "@/lib/format";
import { EVENT_LABELS } from "@/lib/lists/labels";

type Event = { id: number; at: Date; kind: string; stageName: string | null; actorName: string | null; unitName: string | null; note: string | null };

const DOT: Record<string, string> = { returned: "bg-amber-500", published: "bg-emerald-600", adjustmentPublished: "bg-emerald-600", approved: "bg-emerald-500" };

/** The whole history of a list, oldest first. */
export function Timeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">暂无记录。</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[e.kind] ?? "bg-brand-600"}`} aria-hidden />
          <p className="text-sm">
            <span className="font-medium text-slate-900">{EVENT_LABELS[e.kind] ?? e.kind}</span>
            {e.stageName && <span className="text-slate-600">（{e.stageName}）</span>}
          </p>
          <p className="text-xs text-slate-500">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> · {e.unitName} {e.actorName}
          </p>
          {e.note && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
