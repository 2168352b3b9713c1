import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { disbursements, fundingLedger, summariseLedger } from "@/lib/funding/queries";
import { FUNDING_STATUS_LABELS, formatFen, type FundingStatus } from "@/lib/funding/money";
import { today as todayInChina } from "@/lib/dates";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { DisburseForm } from "@/components/funding/disburse-form";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import type { OrgKind } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "费随事转" };

const STATUS_TONES: Record<FundingStatus, "gray" | "amber" | "green" | "red"> = { NONE: "gray", UNPAID: "red", PARTLY_PAID: "amber", PAID: "green" };

function Status({ status }: { status: FundingStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{FUNDING_STATUS_LABELS[status]}</Badge>;
}

const th = "whitespace-nowrap px-3 py-2 font-medium";
const td = "px-3 py-2";
const money = "whitespace-nowrap px-3 py-2 text-right tabular-nums";

export default async function FundingPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission("funding.read");
  const today = todayInChina();
  const y = Number((await searchParams).year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(today.slice(0, 4));
  const [rows, paid] = await Promise.all([fundingLedger(year, user.area?.unitIds), disbursements(year, user.area?.unitIds)]);
  const s = summariseLedger(rows);
  const manage = can(user, "funding.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${year} 年费随事转经费`}
        description="准入事项随事转移到街道（乡镇）、社区的经费台账：每个事项、每个承接单位的本年计划金额（年度内撤销的按在清单天数折算），实际拨付及状态。"
        actions={<a className={buttonClass.secondary} href={`/api/admission/funding?year=${year}`} download>导出 Excel</a>}
      />
      <form className="flex items-center gap-2">
        <label className="text-sm" htmlFor="year">年度</label>
        <div className="w-28">
          <input id="year" name="year" defaultValue={year} inputMode="numeric" className={inputClass} />
        </div>
        <button className={`${buttonClass.secondary} whitespace-nowrap`}>查看</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="本年度没有随事转移的经费">准入事项备案生效后，经费会按承接单位和部门汇总在这里。</EmptyState>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-lg" data-testid="funding-summary">
            <span>计划 <strong data-testid="funding-total">{formatFen(s.total.plannedFen)}</strong></span>
            <span>已拨付 <strong data-testid="funding-paid">{formatFen(s.total.paidFen)}</strong></span>
            <Status status={s.total.status} />
            <span className="text-sm text-slate-600">{s.total.duties} 个准入事项，{rows.length} 个承接单位次</span>
          </p>
          <div className="grid gap-6 lg:grid-cols-2">
            <section>
              <h2 className="mb-2 text-lg font-semibold">按街道（乡镇）、社区</h2>
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full text-sm" data-testid="funding-by-unit">
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr><th className={th}>单位</th><th className={th}>类别</th><th className={th}>事项</th><th className={th}>计划</th><th className={th}>已拨付</th><th className={th}>状态</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {s.units.map((u) => (
                      <tr key={u.id}>
                        <td className={td}>{u.name}</td>
                        <td className={`${td} whitespace-nowrap text-slate-600`}>{ORG_KIND_LABELS[u.kind as OrgKind] ?? ""}</td>
                        <td className={td}>{u.duties}</td>
                        <td className={money}>{formatFen(u.plannedFen)}</td>
                        <td className={money}>{formatFen(u.paidFen)}</td>
                        <td className={td}><Status status={u.status} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section>
              <h2 className="mb-2 text-lg font-semibold">按部门</h2>
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full text-sm" data-testid="funding-by-department">
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr><th className={th}>部门</th><th className={th}>准入事项</th><th className={th}>承接单位</th><th className={th}>计划</th><th className={th}>已拨付</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {s.departments.map((d) => (
                      <tr key={d.name}>
                        <td className={td}>{d.name}</td>
                        <td className={td}>{d.duties}</td>
                        <td className={td}>{d.units}</td>
                        <td className={money}>{formatFen(d.plannedFen)}</td>
                        <td className={money}>{formatFen(d.paidFen)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>

          <section aria-labelledby="ledger-heading">
            <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">台账</h2>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="funding-ledger">
              {rows.map((r) => (
                <li key={r.dutyId} className="px-4 py-3 text-sm" data-duty-id={r.dutyId}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div>
                      <p className="font-medium text-slate-900">{r.unitName} · {r.dutyName}</p>
                      <p className="text-xs text-slate-500">{r.departmentName}{r.admissionCode ? ` · 准入 ${r.admissionCode}` : ""} · 年度经费 {formatFen(r.annualFen)}</p>
                    </div>
                    <div className="flex flex-wrap items-center gap-3">
                      <span>计划 <span className="tabular-nums">{formatFen(r.plannedFen)}</span></span>
                      {r.proRata && <Badge tone="blue">{r.revokedOn} 撤销，按天折算</Badge>}
                      <span>已拨付 <span className="tabular-nums">{formatFen(r.paidFen)}</span></span>
                      <Status status={r.status} />
                      {r.paidFen > r.plannedFen && <Badge tone="red">多拨 {formatFen(r.paidFen - r.plannedFen)}，应收回</Badge>}
                    </div>
                  </div>
                  {manage && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">登记拨付</summary>
                      <div className="mt-3 max-w-2xl">
                        <DisburseForm localDutyId={r.dutyId} year={year} today={today} remainingFen={r.plannedFen - r.paidFen} />
                      </div>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="paid-heading">
            <h2 id="paid-heading" className="mb-2 text-lg font-semibold">拨付记录（{paid.length} 笔）</h2>
            {paid.length === 0 ? (
              <p className="text-sm text-slate-600">本年度还没有登记拨付。</p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full text-sm" data-testid="funding-disbursements">
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr><th className={th}>拨付日期</th><th className={th}>单位</th><th className={th}>事项</th><th className={th}>金额</th><th className={th}>拨付文号</th><th className={th}>说明</th><th className={th}>登记人</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {paid.map((d) => (
                      <tr key={d.id}>
                        <td className={`${td} whitespace-nowrap`}>{d.paidOn}</td>
                        <td className={td}>{d.localDuty.unit.name}</td>
                        <td className={td}>{d.localDuty.name}</td>
                        <td className={money}>{formatFen(d.amountFen)}</td>
                        <td className={td}>{d.documentNumber}</td>
                        <td className={td}>{d.note}</td>
                        <td className={td}>{d.recordedByName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
