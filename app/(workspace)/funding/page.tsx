import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { fundingLines, summarise } from "@/lib/funding/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { yuan } from "@/components/admission/badges";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import type { OrgKind } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "费随事转" };

export default async function FundingPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission("funding.read");
  const y = Number((await searchParams).year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
  const s = summarise(await fundingLines(year));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${year} 年费随事转经费`}
        description="准入事项随事转移到街道（乡镇）、社区的经费，按年度内有效的事项计算（元/年）。"
        actions={<a className={buttonClass.secondary} href={`/api/admission/funding?year=${year}`} download>导出 Excel</a>}
      />
      <form className="flex items-center gap-2">
        <label className="text-sm" htmlFor="year">年度</label>
        <div className="w-28">
          <input id="year" name="year" defaultValue={year} inputMode="numeric" className={inputClass} />
        </div>
        <button className={`${buttonClass.secondary} whitespace-nowrap`}>查看</button>
      </form>
      {s.units.length === 0 ? (
        <EmptyState title="本年度没有随事转移的经费">准入事项备案生效后，经费会按承接单位和部门汇总在这里。</EmptyState>
      ) : (
        <>
          <p className="text-lg">合计 <strong data-testid="funding-total">{yuan(s.total)}</strong> / 年</p>
          <div className="grid gap-6 lg:grid-cols-2">
            {[
              { title: "按街道（乡镇）、社区", head: ["单位", "事项", "经费"], rows: s.units.map((u) => [`${u.name}（${ORG_KIND_LABELS[u.kind as OrgKind] ?? ""}）`, u.duties, u.amount] as const) },
              { title: "按部门", head: ["部门", "事项 × 单位", "经费"], rows: s.departments.map((d) => [d.name, d.duties, d.amount] as const) },
            ].map((t) => (
              <section key={t.title}>
                <h2 className="mb-2 text-lg font-semibold">{t.title}</h2>
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                  <table className="min-w-full text-sm">
                    <thead className="bg-slate-50 text-left text-slate-600"><tr>{t.head.map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {t.rows.map(([name, n, amount]) => (
                        <tr key={name}><td className="px-3 py-2">{name}</td><td className="px-3 py-2">{n}</td><td className="whitespace-nowrap px-3 py-2 text-right">{yuan(amount)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
