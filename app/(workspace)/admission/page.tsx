import Link from "next/link";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { admissionQueue, PAGE_SIZE } from "@/lib/admission/queries";
import { queueFilterSchema } from "@/lib/admission/schema";
import { KIND_LABELS, LEVEL_LABELS, STAGE_LABELS, STATUS_LABELS } from "@/lib/admission/labels";
import { isOverdue, OPEN_STATUSES } from "@/lib/admission/state";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { StatusBadge, yuan } from "@/components/admission/badges";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "准入申请" };

export default async function AdmissionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireEntry("admission.read");
  const filter = queueFilterSchema.parse(await searchParams);
  const { rows, total, counts, overdue } = await admissionQueue(user, filter);
  const open = OPEN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const tabs: [string | undefined, string, number | undefined][] = [
    [undefined, "全部", undefined],
    ["OPEN", "办理中", open],
    ["OVERDUE", "已逾期", overdue],
    ...OPEN_STATUSES.map((s) => [s, STATUS_LABELS[s], counts[s] ?? 0] as [string, string, number]),
    ["ADMITTED", STATUS_LABELS.ADMITTED, counts.ADMITTED ?? 0],
    ["REFUSED", STATUS_LABELS.REFUSED, counts.REFUSED ?? 0],
  ];
  return (
    <div>
      <PageHeader
        title="准入申请"
        description="部门拟向街道（乡镇）、社区下沉的职责、服务、权力、挂牌和证明事项，须经准入方可交办。"
        actions={
          can(user, "admission.apply") ? (
            <Link href="/admission/new" className={buttonClass.primary}>新建准入申请</Link>
          ) : can(user, "admission.settings") ? (
            <Link href="/admission/settings" className={buttonClass.secondary}>准入和评议设置</Link>
          ) : null
        }
      />
      <nav aria-label="按状态筛选" className="mb-4 flex flex-wrap gap-2">
        {tabs.map(([s, label, n]) => (
          <Link
            key={label}
            href={s ? `/admission?status=${s}` : "/admission"}
            className={cx("rounded-full border px-3 py-1 text-sm", filter.status === s ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-600 hover:bg-slate-50")}
            aria-current={filter.status === s ? "page" : undefined}
          >
            {label}
            {n != null && <span className="ml-1 text-xs text-slate-500">{n}</span>}
          </Link>
        ))}
      </nav>
      <form className="mb-4 flex gap-2" role="search">
        {filter.status && <input type="hidden" name="status" value={filter.status} />}
        <label htmlFor="q" className="sr-only">搜索</label>
        <input id="q" name="q" defaultValue={filter.q ?? ""} placeholder="按事项名称、编号、申请部门搜索" className={cx(inputClass, "max-w-sm")} />
        <button className={buttonClass.secondary}>搜索</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filter.status || filter.q ? "没有符合条件的申请" : "还没有准入申请"}>
          {can(user, "admission.apply") ? "部门需要把新的工作交给街道或社区时，请先点击「新建准入申请」。" : "有与您相关的准入申请时，会在这里列出。"}
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white md:hidden">
            {rows.map((r) => (
              <li key={r.id} className="px-4 py-3">
                <Link href={`/admission/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  <StatusBadge status={r.status} />
                  <span>{r.applicantUnitName}</span>
                  {r.stageDueOn && <span>截止 {formatDate(r.stageDueOn)}</span>}
                  {isOverdue(r.stageDueOn) && <Badge tone="red">已逾期</Badge>}
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
            <table className="min-w-full text-sm" data-testid="admission-table">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-3 py-2 font-medium">编号</th>
                  <th className="px-3 py-2 font-medium">事项名称</th>
                  <th className="px-3 py-2 font-medium">申请部门</th>
                  <th className="px-3 py-2 font-medium">层级</th>
                  <th className="px-3 py-2 font-medium">经费（元/年）</th>
                  <th className="px-3 py-2 font-medium">状态</th>
                  <th className="px-3 py-2 font-medium">当前环节截止</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <td className="whitespace-nowrap px-3 py-2 text-slate-500">{r.code}</td>
                    <td className="px-3 py-2">
                      <Link href={`/admission/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                      <div className="text-xs text-slate-500">{KIND_LABELS[r.kind]}</div>
                    </td>
                    <td className="px-3 py-2">{r.applicantUnitName}</td>
                    <td className="whitespace-nowrap px-3 py-2">{LEVEL_LABELS[r.level]} {r._count.targets} 个</td>
                    <td className="whitespace-nowrap px-3 py-2">{yuan(r.fundingAmount)}</td>
                    <td className="whitespace-nowrap px-3 py-2"><StatusBadge status={r.status} /></td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {r.stageDueOn ? (
                        <>
                          <span className="text-slate-500">{r.stage ? STAGE_LABELS[r.stage] : ""}</span> {formatDate(r.stageDueOn)}{" "}
                          {isOverdue(r.stageDueOn) && <Badge tone="red">已逾期</Badge>}
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filter.page} pageSize={PAGE_SIZE} total={total} basePath="/admission" params={{ status: filter.status, q: filter.q }} />
        </>
      )}
    </div>
  );
}
