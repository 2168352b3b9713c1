import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { notificationsOf } from "@/lib/notifications/queries";
import { NOTIFICATIONS_PAGE } from "@/lib/notifications/href";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { MarkReadButton, NotificationLink } from "@/components/evaluation/mark-read";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "通知" };

export default async function NotificationsPage() {
  const user = await requirePermission("notification.read");
  const { rows, unread } = await notificationsOf(user.id);
  return (
    <div>
      <PageHeader title="通知" description={`未读 ${unread} 条。催办、截止日期调整、派单进展和结果公布会通知到这里。`} actions={unread > 0 ? <MarkReadButton /> : null} />
      {rows.length === 0 ? (
        <EmptyState title="暂无通知" />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className="px-4 py-3" data-testid="notification" data-read={n.readAt ? "true" : "false"}>
              <div className="flex flex-wrap items-center gap-2">
                {!n.readAt && <Badge tone="blue">未读</Badge>}
                {n.target !== NOTIFICATIONS_PAGE ? (
                  <NotificationLink id={n.id} href={n.target} className="font-medium text-brand-700 hover:underline">{n.title}</NotificationLink>
                ) : (
                  <span className="font-medium">{n.title}</span>
                )}
              </div>
              <p className="mt-1 text-sm text-slate-600">{n.body}</p>
              <p className="mt-1 text-xs text-slate-500">{formatDateTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
