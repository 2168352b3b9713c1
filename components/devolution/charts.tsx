import type { Counts } from "@/lib/devolution/rates";
import { formatRate } from "@/lib/devolution/rates";
import { cx } from "@/components/ui/cx";

/** The segments of a stacked bar, in the order of the workflow's outcome. */
export const SEGMENTS = [
  { key: "accepted", label: "承接", className: "bg-emerald-500" },
  { key: "deferred", label: "暂缓", className: "bg-amber-400" },
  { key: "declined", label: "不承接", className: "bg-red-500" },
  { key: "disputed", label: "有异议", className: "bg-rose-300" },
  { key: "awaitingResponse", label: "待街道确认", className: "bg-sky-300" },
  { key: "awaitingProposal", label: "待部门答复", className: "bg-slate-200" },
  { key: "unassigned", label: "未分派", className: "bg-slate-400" },
] as const satisfies readonly { key: keyof Counts; label: string; className: string }[];

export function describeCounts(c: Counts) {
  return SEGMENTS.filter((s) => c[s.key] > 0).map((s) => `${s.label} ${c[s.key]} 项`).join("，") || "无事项";
}

/** A horizontal bar stacked by decision; the numbers are in its label for screen readers. */
export function DecisionBar({ counts, className }: { counts: Counts; className?: string }) {
  const total = counts.total || 1;
  return (
    <div role="img" aria-label={describeCounts(counts)} title={describeCounts(counts)} className={cx("flex h-3 w-full overflow-hidden rounded bg-slate-100", className)}>
      {SEGMENTS.map((s) =>
        counts[s.key] > 0 ? <span key={s.key} className={s.className} style={{ width: `${(counts[s.key] / total) * 100}%` }} /> : null,
      )}
    </div>
  );
}

export function Legend({ keys }: { keys?: (keyof Counts)[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="图例">
      {SEGMENTS.filter((s) => !keys || keys.includes(s.key)).map((s) => (
        <li key={s.key} className="flex items-center gap-1">
          <span className={cx("inline-block h-3 w-3 rounded-sm", s.className)} aria-hidden />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** One stacked bar per street: a bar chart of the round by decision. */
export function StreetChart({ streets }: { streets: (Counts & { streetId: number; name: string; acceptanceRate: number | null })[] }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-700">各街道（乡镇）事项确认情况</span>
        <Legend />
      </figcaption>
      <ul className="space-y-2" data-testid="street-chart">
        {streets.map((s) => (
          <li key={s.streetId} className="grid grid-cols-[7rem_1fr_3.5rem] items-center gap-2 text-xs sm:grid-cols-[10rem_1fr_4rem]">
            <span className="truncate text-slate-700" title={s.name}>{s.name}</span>
            <DecisionBar counts={s} className="h-4" />
            <span className="text-right tabular-nums text-slate-600">{formatRate(s.acceptanceRate)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">右侧数字为承接率（已确定事项中承接的比例）。</p>
    </figure>
  );
}

/** A rate as a thin bar with its figure. */
export function RateBar({ rate, tone = "bg-brand-600" }: { rate: number | null; tone?: string }) {
  return (
    <span className="flex items-center gap-2">
      <span className="h-2 w-20 overflow-hidden rounded bg-slate-100" aria-hidden>
        <span className={cx("block h-full", tone)} style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </span>
      <span className="tabular-nums">{formatRate(rate)}</span>
    </span>
  );
}
