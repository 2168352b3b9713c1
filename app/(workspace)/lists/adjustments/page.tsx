import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { requireEntry } from "@/lib/auth/session";
import { mayEnter } from "@/lib/auth/policy";
import { formatDate } from "@/lib/format";
import { ADJUSTMENT_STATUS_LABELS } from "@/lib/lists/labels";
import { ADJUSTMENT_PAGE_SIZE, adjustableLists, adjustmentsFor } from "@/lib/adjustments/queries";
import { table } from "@/components/ui/table";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AdjustmentStatusBadge } from "@/components/lists/status";
import { filterPage } from "@/lib/validation";

export const metadata: Metadata = { title: "动态调整" };

const STATUSES = ["REVIEWING", "APPROVED", "FILED", "PUBLISHED", "REJECTED", "WITHDRAWN"] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  page: filterPage(10_000),
});

export default async function AdjustmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("adjustment.read");
  const filter = filterSchema.parse(await searchParams);
  const [{ rows, total }, lists] = await Promise.all([adjustmentsFor(user, filter), mayEnter(user, "adjustment.create") ? adjustableLists(user) : Promise.resolve([])]);
  return (
    <div>
      <PageHeader
        title="动态调整"
        description="已公布清单的新增、取消和修改：部门或本单位提出申请，联席会议成员单位提出意见，编办决定并备案，公布后形成新版本。"
      />
      {lists.length > 0 && (
        <form action="/lists/adjustments/new" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <div>
            <label htmlFor="listId" className="block text-sm font-medium text-slate-700">
              对哪份清单提出调整
            </label>
            <select id="listId" name="listId" className={`${inputClass} w-72`} required>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}（现行第 {l.currentVersion?.versionNo} 版）
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass.primary} data-testid="new-adjustment">
            新建调整申请
          </button>
        </form>
      )}
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="筛选调整申请">
        <div>
          <label htmlFor="status" className="block text-xs text-slate-600">
            状态
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={`${inputClass} w-44`}>
            <option value="">全部</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ADJUSTMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.secondary}>
          筛选
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filter.status ? "没有该状态的调整申请" : "还没有调整申请"}>已公布的清单需要增加、取消或修改事项时，在这里提出调整申请。</EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="adjustments-table">
            <caption className="sr-only">调整申请（共 {total} 件）</caption>
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>清单</th>
                <th scope="col" className={table.th}>申请单位</th>
                <th scope="col" className={table.th}>理由</th>
                <th scope="col" className={table.th}>调整</th>
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={table.th}>申请日期</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {rows.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className={`${table.td} min-w-[12rem] text-left font-normal`}>
                    <Link href={`/lists/adjustments/${a.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {a.list.title}
                    </Link>
                    <span className="block text-xs text-slate-500">基于第 {a.baseVersion.versionNo} 版</span>
                  </th>
                  <td className={table.td}>{a.applicantUnitName}</td>
                  <td className={`${table.td} max-w-xs`}>
                    <span className="line-clamp-2">{a.reason}</span>
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>{a._count.changes} 项</td>
                  <td className={table.td}>
                    <AdjustmentStatusBadge status={a.status} />
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>{formatDate(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > ADJUSTMENT_PAGE_SIZE && <Pagination page={filter.page} pageSize={ADJUSTMENT_PAGE_SIZE} total={total} basePath="/lists/adjustments" params={{ status: filter.status }} />}
    </div>
  );
}
