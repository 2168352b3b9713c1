import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { recentAuditFor } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import { getUnit, unitTree } from "@/lib/units/queries";
import { AuditTable } from "@/components/admin/audit-table";
import { UnitStatusBadge } from "@/components/admin/badges";
import { UnitActiveButton } from "@/components/admin/unit-active-button";
import { EditUnitForm, MoveUnitForm } from "@/components/admin/unit-form";
import { stampOf } from "@/lib/edit-stamp";
import { canHaveChildren, moveTargets } from "@/components/admin/unit-options";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { routeId } from "@/lib/validation";
import { mayManageUnit, unitInArea } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "单位详情" };

const AUDIT_LIMIT = 20;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-2 sm:block">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-right text-sm text-slate-800 sm:mt-0.5 sm:text-left">{children}</dd>
    </div>
  );
}

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("unit.read");
  const id = routeId((await params).id) ?? notFound();
  const unit = await getUnit(id, me);
  if (!unit) notFound();

  // A district 编办 keeps the streets, communities and departments of its district; the district
  // itself and its 编办 stay with the city, but it sets up units and accounts beneath them.
  const canManage = can(me, "unit.manage") && mayManageUnit(me, unit);
  const canAddChild = can(me, "unit.manage") && unitInArea(me, unit.id);
  const canAddUser = can(me, "user.create") && unitInArea(me, unit.id);
  const canAudit = can(me, "audit.read");
  const [tree, audit] = await Promise.all([
    canManage ? unitTree({ includeInactive: true, viewer: me }) : Promise.resolve([]),
    canAudit ? recentAuditFor("unit", unit.id, AUDIT_LIMIT) : Promise.resolve([]),
  ]);
  const targets = moveTargets(tree, unit);

  return (
    <div className="space-y-8">
      <PageHeader
        title={unit.name}
        description={ORG_KIND_LABELS[unit.kind]}
        actions={<Link href="/admin/units" className={buttonClass.secondary}>返回组织机构</Link>}
      />

      <section aria-labelledby="info-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="info-heading" className="mb-2 text-base font-semibold">基本情况</h2>
        <dl className="grid divide-y divide-slate-100 sm:grid-cols-3 sm:gap-x-6 sm:divide-y-0 lg:grid-cols-4" data-testid="unit-details">
          <Item label="简称">{unit.shortName ?? "—"}</Item>
          <Item label="类别">{ORG_KIND_LABELS[unit.kind]}</Item>
          <Item label="代码">{unit.code ?? "—"}</Item>
          <Item label="上级单位">
            {unit.parent ? (
              <Link href={`/admin/units/${unit.parent.id}`} className={buttonClass.link}>{unit.parent.name}</Link>
            ) : (
              "（顶层）"
            )}
          </Item>
          <Item label="联席会议成员">{unit.jointMeetingMember ? <Badge tone="blue">成员单位</Badge> : "否"}</Item>
          <Item label="状态"><UnitStatusBadge active={unit.active} /></Item>
          <Item label="用户数">
            {can(me, "user.read") ? (
              <Link href={`/admin/users?unitId=${unit.id}`} className={buttonClass.link}>{unit._count.users} 个</Link>
            ) : (
              `${unit._count.users} 个`
            )}
          </Item>
          <Item label="下级单位">{unit._count.children} 个</Item>
          <Item label="创建时间">{formatDateTime(unit.createdAt)}</Item>
          <Item label="最近修改">{formatDateTime(unit.updatedAt)}</Item>
        </dl>
        {(canAddChild || canAddUser) && unit.active && (
          <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-100 pt-4">
            {canAddChild && canHaveChildren(unit.kind) && (
              <Link href={`/admin/units/new?parentId=${unit.id}`} className={buttonClass.link}>在其下新建单位</Link>
            )}
            {canAddUser && (
              <Link href={`/admin/users/new?unitId=${unit.id}`} className={buttonClass.link}>为该单位新建用户</Link>
            )}
          </div>
        )}
      </section>

      {canManage && (
        <>
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="mb-1 text-base font-semibold">修改名称和代码</h2>
            <p className="mb-3 text-xs text-slate-500">类别创建后不能修改；如类别有误，请停用后重新建立。</p>
            <EditUnitForm unit={{ id: unit.id, name: unit.name, shortName: unit.shortName, code: unit.code, jointMeetingMember: unit.jointMeetingMember, stamp: stampOf(unit.updatedAt) }} />
          </section>

          <section aria-labelledby="move-heading">
            <h2 id="move-heading" className="mb-3 text-base font-semibold">调整上级单位</h2>
            <MoveUnitForm unit={{ id: unit.id, parentId: unit.parentId }} options={targets.options} allowTopLevel={targets.allowTopLevel} />
          </section>

          <section aria-labelledby="active-heading">
            <h2 id="active-heading" className="mb-3 text-base font-semibold">{unit.active ? "停用单位" : "启用单位"}</h2>
            <UnitActiveButton unit={{ id: unit.id, name: unit.name, active: unit.active, userCount: unit._count.users }} />
          </section>
        </>
      )}

      {canAudit && (
        <section aria-labelledby="audit-heading">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="audit-heading" className="text-base font-semibold">最近的审计记录</h2>
            <Link href={`/admin/audit?subjectType=unit&subjectId=${unit.id}`} className={buttonClass.link}>
              在审计日志中查看对该单位的全部操作
            </Link>
          </div>
          <AuditTable rows={audit} linkUsers={can(me, "user.read")} linkUnits emptyTitle="暂无审计记录" />
        </section>
      )}
    </div>
  );
}
