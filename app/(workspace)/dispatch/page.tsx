import Link from "next/link";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listDispatches, PAGE_SIZE, scopeFor } from "@/lib/dispatch/queries";
import { listFilterSchema } from "@/lib/dispatch/schema";
import { DIRECTION_LABELS, STATUS_LABELS } from "@/lib/dispatch/labels";
import { isOverdue, OPEN_STATUSES } from "@/lib/dispatch/state";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { buttonClass, cx } from "@/components/ui/cx";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "双向派单" };

export default async function DispatchPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireEntry("dispatch.read");
  const filter = listFilterSchema.parse(await searchParams);
  const { rows, total, counts, overdue } = await listDispatches(scopeFor(user), filter);
  const open = OPEN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const tabs: [string | undefined, string, number | undefined][] = [
    [undefined, "全部", undefined],
    ["OPEN", "办理中", open],
    ["OVERDUE", "已逾期", overdue],
    ...(["REPORTED", "FORWARDED", "ESCALATED", "ACCEPTED", "HANDLED", "REPLIED"] as const).map((s) => [s, STATUS_LABELS[s], counts[s] ?? 0] as [string, string, number]),
  ];
  const creates = can(user, "dispatch.report") || can(user, "dispatch.forward");
  return (
    <div>
      <PageHeader
        title="双向派单"
        description="街道发现属地管理事项问题当日上报部门，部门 3 个工作日内接收移交；部门转交的投诉由街道办理回复，街道无法办理的上交部门。"
        actions={
          <>
            {can(user, "dispatch.stats") && <Link href="/dispatch/stats" className={buttonClass.secondary}>{user.roles.some((r) => r === "BIANBAN_ADMIN" || r === "BIANBAN_STAFF" || r === "LEADER") ? "各单位统计" : "本单位统计"}</Link>}
            {creates && <Link href="/dispatch/new" className={buttonClass.primary}>{can(user, "dispatch.report") ? "上报案件" : "转交投诉"}</Link>}
          </>
        }
      />
      <nav aria-label="按状态筛选" className="mb-4 flex flex-wrap gap-2">
        {tabs.map(([s, label, n]) => (
          <Link key={label} href={s ? `/dispatch?status=${s}` : "/dispatch"} aria-current={filter.status === s ? "page" : undefined}
            className={cx("rounded-full border px-3 py-1 text-sm", filter.status === s ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-600 hover:bg-slate-50")}>
            {label}{n != null && <span className="ml-1 text-xs text-slate-500">{n}</span>}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={filter.status ? "没有符合条件的案件" : "还没有派单案件"}>{creates ? "发现问题或收到投诉时，点击右上角按钮登记。" : "有与您相关的案件时会在这里列出。"}</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="dispatch-list">
            {rows.map((r) => {
              const due = r.status === "FORWARDED" ? r.replyDueOn : r.status === "REPORTED" || r.status === "ESCALATED" ? r.acceptDueOn : null;
              return (
                <li key={r.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-xs text-slate-500">{r.code}</span>
                    <Link href={`/dispatch/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                    {isOverdue(r) && <Badge tone="red">已逾期</Badge>}
                    {r.reportLate && <Badge tone="amber">迟报</Badge>}
                  </div>
                  <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
                    <span>{DIRECTION_LABELS[r.direction]}</span>
                    <span>{r.street.name} ⇄ {r.department.name}</span>
                    <Badge tone={OPEN_STATUSES.includes(r.status) ? "blue" : "green"}>{STATUS_LABELS[r.status]}</Badge>
                    <span>登记 {formatDateTime(r.reportedAt)}</span>
                    {due && <span>截止 {formatDate(due)}</span>}
                  </div>
                </li>
              );
            })}
          </ul>
          <Pagination page={filter.page} pageSize={PAGE_SIZE} total={total} basePath="/dispatch" params={{ status: filter.status }} />
        </>
      )}
    </div>
  );
}
