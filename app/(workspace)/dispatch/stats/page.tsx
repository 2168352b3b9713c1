import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { statsByUnit } from "@/lib/dispatch/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "派单统计" };

export default async function DispatchStats({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission("dispatch.stats");
  const y = Number((await searchParams).year);
  const year = Number.isInteger(y) && y > 2000 && y < 2100 ? y : new Date().getFullYear();
  const rows = await statsByUnit(year);
  return (
    <div>
      <PageHeader title={`${year} 年双向派单统计`} description="部门按接收移交是否超过 3 个工作日计逾期；街道按是否当日上报、是否按时回复计逾期。编办可在考评中加入「派单客观指标」，得分 = 最高分 ×（1 − 逾期率）。" />
      {rows.length === 0 ? (
        <EmptyState title="本年度还没有派单案件" />
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
