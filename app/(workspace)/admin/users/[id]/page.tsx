import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { recentAuditForUser } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import { unitOptions } from "@/lib/units/queries";
import { getUser } from "@/lib/users/queries";
import { stampOf } from "@/lib/edit-stamp";
import { AuditTable } from "@/components/admin/audit-table";
import { RoleBadges, UserStatusBadges } from "@/components/admin/badges";
import { formatLockTime } from "@/components/admin/format";
import { UserAccountActions } from "@/components/admin/user-account-actions";
import { EditUserForm } from "@/components/admin/user-form";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "用户详情" };

const AUDIT_LIMIT = 20;

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 py-2 sm:block" data-testid={testId}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-right text-sm text-slate-800 sm:mt-0.5 sm:text-left">{children}</dd>
    </div>
  );
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("user.read");
  const id = routeId((await params).id) ?? notFound();
  const user = await getUser(id, me);
  if (!user) notFound();

  const canAudit = can(me, "audit.read");
  const [options, audit] = await Promise.all([unitOptions(me), canAudit ? recentAuditForUser(user, AUDIT_LIMIT) : Promise.resolve([])]);
  // An account may sit in a unit that was deactivated later; keep that unit selectable so the form shows it.
  const units = options.some((u) => u.id === user.unitId)
    ? options
    : [{ id: user.unitId, label: `${user.unit.name}（已停用）`, kind: user.unit.kind, jointMeetingMember: false }, ...options];
  const canManage = can(me, "user.manage", { type: "user", id: user.id, unitId: user.unitId, roles: user.roles });
  const isSelf = me.id === user.id;
  const now = new Date();
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();

  return (
    <div className="space-y-8">
      <PageHeader
        title={`${user.displayName}（${user.username}）`}
        description={
          <>
            {user.unit.name} · {ORG_KIND_LABELS[user.unit.kind]}
          </>
        }
        actions={<Link href="/admin/users" className={buttonClass.secondary}>返回用户列表</Link>}
      />

      <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status-heading" className="mb-2 text-base font-semibold">账号状态</h2>
        <div className="mb-3 flex flex-wrap gap-2">
          <UserStatusBadges user={user} now={now} />
          <RoleBadges roles={user.roles} />
        </div>
        <dl className="grid divide-y divide-slate-100 sm:grid-cols-3 sm:gap-x-6 sm:divide-y-0 lg:grid-cols-6" data-testid="user-status-details">
          <Item label="创建时间">{formatDateTime(user.createdAt)}</Item>
          <Item label="最近登录">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}</Item>
          <Item label="连续登录失败" testId="failed-count">{user.failedLoginCount} 次</Item>
          <Item label="锁定至" testId="locked-until">{locked ? formatLockTime(user.lockedUntil!, now) : "未锁定"}</Item>
          <Item label="须修改密码">{user.mustChangePassword ? "是（尚未修改初始密码）" : "否"}</Item>
          <Item label="最近改密">{user.passwordChangedAt ? formatDateTime(user.passwordChangedAt) : "—"}</Item>
        </dl>
        {canManage ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <UserAccountActions user={{ id: user.id, username: user.username, displayName: user.displayName, active: user.active, locked }} />
          </div>
        ) : (
          isSelf && (
            <p className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
              这是您自己的账号。为防止误把自己锁在系统之外，不能在这里修改自己的单位、角色或停用自己；请由其他管理员办理。修改密码请到
              <Link href="/account/password" className={buttonClass.link}>修改密码</Link>。
            </p>
          )
        )}
      </section>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-3 text-base font-semibold">{canManage ? "编辑用户信息" : "用户信息"}</h2>
        <EditUserForm
          user={{ id: user.id, username: user.username, displayName: user.displayName, unitId: user.unitId, roles: user.roles, phone: user.phone, stamp: stampOf(user.updatedAt) }}
          units={units}
          canManage={canManage}
        />
      </section>

      {canAudit && (
        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="audit-heading" className="text-base font-semibold">最近的审计记录</h2>
            <Link href={`/admin/audit?subjectType=user&subjectId=${user.id}`} className={buttonClass.link}>
              在审计日志中查看对该账号的全部操作
            </Link>
          </div>
          <p className="mb-2 text-xs text-slate-500">
            针对该账号的操作和以其用户名进行的登录尝试，最近 {AUDIT_LIMIT} 条。
          </p>
          <AuditTable rows={audit} linkUsers linkUnits={can(me, "unit.read")} emptyTitle="暂无审计记录" />
        </section>
      )}
    </div>
  );
}
