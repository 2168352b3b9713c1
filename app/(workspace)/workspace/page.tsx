import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { todosFor } from "@/lib/todo";
import { navigationFor } from "@/lib/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { NotificationLink } from "@/components/evaluation/mark-read";
import { hasRole } from "@/lib/auth/policy";
import { districtOverview } from "@/lib/units/queries";
import { table } from "@/components/ui/table";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkspacePage() {
  const user = await requirePermission("workspace.view");
  const bianban = hasRole(user, "BIANBAN_ADMIN", "BIANBAN_STAFF");
  // 编办 sees each district's figures side by side; a district 编办 only its own.
  const [todos, districts] = await Promise.all([todosFor(user), bianban ? districtOverview(user) : Promise.resolve([])]);
  const shortcuts = navigationFor(user).filter((n) => n.href !== "/workspace");
  return (
    <div>
      <h1 className="text-xl font-semibold sm:text-2xl">您好，{user.displayName}</h1>
      <p className="mt-1 text-sm text-slate-500">{user.unitName}</p>

      <section aria-labelledby="todo-heading" className="mt-6">
        <h2 id="todo-heading" className="mb-3 text-lg font-semibold">
          待办事项
        </h2>
        {todos.length === 0 ? (
          <EmptyState title="暂无待办事项">有需要您处理的事项时，会在这里列出，并标明截止日期。</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {todos.map((t, i) => (
              <li key={i} data-testid="todo" data-area={t.area} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <span className="mr-2 text-xs text-slate-500">{t.area}</span>
                  {t.notificationId != null ? (
                    <NotificationLink id={t.notificationId} href={t.href} className="font-medium text-brand-700 hover:underline">
                      {t.title}
                    </NotificationLink>
                  ) : (
                    <Link href={t.href} className="font-medium text-brand-700 hover:underline">
                      {t.title}
                    </Link>
                  )}
                  {t.count != null && <span className="ml-2 text-sm text-slate-500">{t.count} 项</span>}
                </div>
                {t.dueAt && (
                  <span className="text-sm">
                    截止 {formatDate(t.dueAt)} {t.overdue && <Badge tone="red">已逾期</Badge>}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {districts.length > 0 && (
        <section aria-labelledby="district-heading" className="mt-8">
          <h2 id="district-heading" className="mb-3 text-lg font-semibold">
            {user.area ? "本区县概况" : "各区县概况"}
          </h2>
          <div className={table.wrapper}>
            <table className={table.table} data-testid="district-overview">
              <thead className={table.thead}>
                <tr>
                  <th scope="col" className={table.th}>区县</th>
                  <th scope="col" className={table.th}>已公布职权清单</th>
                  <th scope="col" className={table.th}>审核中清单</th>
                  <th scope="col" className={table.th}>办理中准入申请</th>
                  <th scope="col" className={table.th}>待确认承接事项</th>
                  <th scope="col" className={table.th}>未办结派单</th>
                </tr>
              </thead>
              <tbody className={table.tbody}>
                {districts.map((d) => (
                  <tr key={d.districtId} data-testid="district-overview-row">
                    <th scope="row" className={`${table.td} text-left font-medium`}>{d.name}</th>
                    <td className={`${table.td} tabular-nums`}>{d.listsPublished}</td>
                    <td className={`${table.td} tabular-nums`}>{d.listsInReview}</td>
                    <td className={`${table.td} tabular-nums`}>{d.admissionsOpen}</td>
                    <td className={`${table.td} tabular-nums`}>{d.devolutionOpen}</td>
                    <td className={`${table.td} tabular-nums`}>{d.casesOpen}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {shortcuts.length > 0 && (
        <section aria-labelledby="shortcut-heading" className="mt-8">
          <h2 id="shortcut-heading" className="mb-3 text-lg font-semibold">
            常用功能
          </h2>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {shortcuts.map((s) => (
              <Link key={s.href} href={s.href} className="rounded-lg border border-slate-200 bg-white px-4 py-4 text-sm font-medium text-slate-700 shadow-sm hover:border-brand-600 hover:text-brand-700">
                {s.label}
              </Link>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
