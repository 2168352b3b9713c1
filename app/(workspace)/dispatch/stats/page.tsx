import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { statsByUnit } from "@/lib/dispatch/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { statsFilterSchema } from "@/lib/dispatch/schema";
import { today } from "@/lib/dates";
import { formatDateText } from "@/lib/format";

const isBianbanOrLeader = (user: { roles: string[] }) => user.roles.some((r) => r === "BIANBAN_ADMIN" || r === "BIANBAN_STAFF" || r === "LEADER");

export const metadata: Metadata = { title: "派单统计" };

export default async function DispatchStats({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("dispatch.stats");
  const filter = statsFilterSchema.parse(await searchParams);
  const year = filter.year ?? Number(today().slice(0, 4));
  const period = filter.from && filter.to && filter.from <= filter.to ? { from: filter.from, to: filter.to } : { from: `${year}-01-01`, to: `${year}-12-31` };
  const byPeriod = period.from !== `${year}-01-01` || period.to !== `${year}-12-31`;
  const own = !isBianbanOrLeader(user);
  const rows = await statsByUnit(period, user);
  const heading = byPeriod ? `${formatDateText(period.from)}至${formatDateText(period.to)}双向派单统计` : `${year} 年双向派单统计`;
  return (
    <div>
      <PageHeader title={own ? `${heading}（本单位）` : heading} description="部门按接收移交是否超过 3 个工作日计逾期；街道按是否当日上报、是否按时回复计逾期。编办可在考评中加入「派单客观指标」，得分 = 最高分 ×（1 − 逾期率）。" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" data-testid="stats-filter">
        <label className="flex flex-col gap-1">年度<input name="year" type="number" defaultValue={year} min={2000} max={2100} className={cx(inputClass, "w-28")} /></label>
        <span className="pb-2 text-slate-500">或期间</span>
        <label className="flex flex-col gap-1">从<input name="from" type="date" defaultValue={byPeriod ? period.from : ""} className={inputClass} /></label>
        <label className="flex flex-col gap-1">至<input name="to" type="date" defaultValue={byPeriod ? period.to : ""} className={inputClass} /></label>
        <button className={buttonClass.secondary}>查看</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={byPeriod ? "该期间没有派单案件" : "本年度还没有派单案件"} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="dispatch-stats">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr><th className="px-3 py-2 font-medium">单位</th><th className="px-3 py-2 font-medium">类别</th><th className="px-3 py-2 font-medium">案件数</th><th className="px-3 py-2 font-medium">逾期</th><th className="px-3 py-2 font-medium">逾期率</th><th className="px-3 py-2 font-medium">平均响应（工作日）</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={`${r.side}${r.unitId}`}>
                  <td className="px-3 py-2">{r.name}</td>
                  <td className="px-3 py-2">{r.side === "STREET" ? "街道（乡镇）" : "部门"}</td>
                  <td className="px-3 py-2 tabular-nums">{r.cases}</td>
                  <td className="px-3 py-2 tabular-nums">{r.overdue}</td>
                  <td className="px-3 py-2 tabular-nums">{r.overdueRate == null ? "—" : `${(r.overdueRate * 100).toFixed(1)}%`}</td>
                  <td className="px-3 py-2 tabular-nums">{r.avgResponseWorkdays ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
