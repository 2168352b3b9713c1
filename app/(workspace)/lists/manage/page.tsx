import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { mayEnter } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatDateText } from "@/lib/format";
import { FORM_LABELS, STATUS_LABELS } from "@/lib/lists/labels";
import { LIST_PAGE_SIZE, listsFor, reviewQueue, unitsWithoutList } from "@/lib/lists/queries";
import { table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListStatusBadge } from "@/components/lists/status";
import { filterPage, filterText } from "@/lib/validation";
import { upcomingLabel } from "@/lib/lists/in-force";

export const metadata: Metadata = { title: "职权清单编制" };

const STATUSES = ["DRAFTING", "IN_REVIEW", "RETURNED", "APPROVED", "PUBLISHED"] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  q: filterText(50),
  page: filterPage(10_000),
});

export default async function ListsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("list.read");
  const filter = filterSchema.parse(await searchParams);
  const [{ rows, total }, queue, startable] = await Promise.all([
    listsFor(user, filter),
    reviewQueue(user),
    mayEnter(user, "list.create") ? unitsWithoutList(user) : Promise.resolve([]),
  ]);
  const canCreate = startable.some((u) => u.forms.length < 2);
  const own = user.roles.some((r) => r === "STREET" || r === "COMMUNITY");

  return (
    <div>
      <PageHeader
        title="职权清单编制"
        description="街道（乡镇）、社区职权清单的起草、审核和印发公布。公布后的变化请走「动态调整」。"
        actions={
          canCreate && (
            <Link href="/lists/manage/new" className={buttonClass.primary} data-testid="new-list">
              新建清单
            </Link>
          )
        }
      />

      {queue.length > 0 && (
        <section aria-labelledby="queue-heading" className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="queue-heading" className="mb-2 text-base font-semibold text-brand-800">
            待我审核（{queue.length}）
          </h2>
          <ul className="space-y-1 text-sm">
            {queue.map((l) => (
              <li key={l.id}>
                <Link href={`/lists/manage/${l.id}#review`} className="font-medium text-brand-700 hover:underline">
                  {l.title}
                </Link>
                <span className="ml-2 text-slate-600">
                  {l.stages[0]?.name}
                  {l.reviewRound > 1 ? `（第 ${l.reviewRound} 轮）` : ""}，{formatDateText(l.stages[0]?.startedAt)}起
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="筛选清单">
        <div>
          <label htmlFor="q" className="block text-xs text-slate-600">
            单位或清单名称
          </label>
          <input id="q" name="q" defaultValue={filter.q ?? ""} className={`${inputClass} w-56`} />
        </div>
        <div>
          <label htmlFor="status" className="block text-xs text-slate-600">
            状态
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={`${inputClass} w-40`}>
            <option value="">全部</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.secondary}>
          筛选
        </button>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={filter.q || filter.status ? "没有符合条件的清单" : own ? "本单位还没有职权清单" : "还没有职权清单"}>
          {filter.q || filter.status ? (
            "请换个条件再试。"
          ) : canCreate ? (
            <>
              点击「新建清单」，系统会把已认领的法定权力事项和已确认承接的赋权事项带入草案，您再补充本单位事项、调整分类后提交审核。
            </>
          ) : (
            "街道、乡镇和社区新建清单后会在这里列出。"
          )}
        </EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="lists-table">
            <caption className="sr-only">职权清单（共 {total} 份）</caption>
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>清单</th>
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={table.th}>当前环节</th>
                <th scope="col" className={table.th}>事项</th>
                <th scope="col" className={table.th}>现行版本</th>
                <th scope="col" className={table.th}>更新时间</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {rows.map((l) => (
                <tr key={l.id} data-testid={`list-row-${l.id}`}>
                  <th scope="row" className={`${table.td} min-w-[14rem] text-left font-normal`}>
                    <Link href={`/lists/manage/${l.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {l.title}
                    </Link>
                    <span className="mt-0.5 block text-xs text-slate-500">
                      {l.unit.parent?.name ? `${l.unit.parent.name} · ` : ""}
                      {FORM_LABELS[l.form]}
                    </span>
                  </th>
                  <td className={table.td}>
                    <span className="flex flex-wrap gap-1">
                      <ListStatusBadge status={l.status} />
                      {l.adjustments.length > 0 && <Badge tone="amber">调整办理中</Badge>}
                    </span>
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>{l.status === "PUBLISHED" ? "—" : (l.stages[0]?.name ?? "起草")}</td>
                  <td className={`${table.td} tabular-nums`}>{l.status === "PUBLISHED" && l.currentVersion ? l.currentVersion.itemCount : l._count.items}</td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    {l.versions[0] ? (
                      <Link href={`/lists/${l.id}`} className={buttonClass.link}>
                        第 {l.versions[0].versionNo} 版（{formatDate(l.versions[0].publishedAt)}）
                      </Link>
                    ) : (
                      !l.currentVersion && <span className="text-slate-500">未公布</span>
                    )}
                    {l.currentVersion && l.currentVersion.versionNo !== l.versions[0]?.versionNo && (
                      <span className="block text-xs text-sky-700" data-testid="upcoming-version">
                        第 {l.currentVersion.versionNo} 版{upcomingLabel(l.currentVersion)}
                      </span>
                    )}
                  </td>
                  <td className={`${table.td} whitespace-nowrap text-slate-500`}>{formatDateTime(l.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > LIST_PAGE_SIZE && <Pagination page={filter.page} pageSize={LIST_PAGE_SIZE} total={total} basePath="/lists/manage" params={{ q: filter.q, status: filter.status }} />}
    </div>
  );
}
