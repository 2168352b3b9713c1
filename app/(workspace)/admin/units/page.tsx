import Link from "next/link";
import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { unitTree } from "@/lib/units/queries";
import { mayManageUnit } from "@/lib/auth/scope";
import { UnitStatusBadge } from "@/components/admin/badges";
import { table } from "@/components/ui/table";
import { canHaveChildren } from "@/components/admin/unit-options";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "组织机构" };

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ hideInactive?: string | string[] }> }) {
  const user = await requirePermission("unit.read");
  const hideInactive = (await searchParams).hideInactive === "1";
  const units = await unitTree({ includeInactive: !hideInactive, viewer: user });
  const canManage = can(user, "unit.manage");
  const canReadUsers = can(user, "user.read");
  const inactiveCount = units.filter((u) => !u.active).length;

  return (
    <div>
      <PageHeader
        title="组织机构"
        description="全市的单位及其上下级关系。单位停用后其账号不能登录，历史记录保留。"
        actions={
          canManage && (
            <Link href="/admin/units/new" className={buttonClass.primary} data-testid="new-unit-button">
              新建单位
            </Link>
          )
        }
      />

      <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span data-testid="unit-count">
          共 {units.length} 个单位{!hideInactive && inactiveCount > 0 && `，其中已停用 ${inactiveCount} 个`}
        </span>
        {hideInactive ? (
          <Link href="/admin/units" className={buttonClass.small} data-testid="toggle-inactive">
            显示已停用单位
          </Link>
        ) : (
          <Link href="/admin/units?hideInactive=1" className={buttonClass.small} data-testid="toggle-inactive">
            隐藏已停用单位
          </Link>
        )}
      </div>

      {units.length === 0 ? (
        <EmptyState title="还没有单位">{canManage ? "点击「新建单位」，从顶层的市开始建立组织机构。" : "系统中还没有单位。"}</EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="units-table">
            <caption className="sr-only">单位列表（按上下级排列）</caption>
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>名称</th>
                <th scope="col" className={table.th}>简称</th>
                <th scope="col" className={table.th}>类别</th>
                <th scope="col" className={table.th}>代码</th>
                <th scope="col" className={table.th}>联席会议成员</th>
                <th scope="col" className={table.th}>用户数</th>
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={table.th}>操作</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {units.map((u) => (
                <tr key={u.id} data-testid={`unit-row-${u.id}`} data-unit-name={u.name} className={u.active ? undefined : "bg-slate-50 text-slate-500"}>
                  <th scope="row" className={`${table.td} min-w-[14rem] text-left font-normal`} style={{ paddingLeft: `${0.75 + u.depth * 1.5}rem` }}>
                    {u.depth > 0 && <span className="mr-1 text-slate-300" aria-hidden>└</span>}
                    <Link href={`/admin/units/${u.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                      {u.name}
                    </Link>
                  </th>
                  <td className={`${table.td} whitespace-nowrap`}>{u.shortName ?? ""}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{ORG_KIND_LABELS[u.kind]}</td>
                  <td className={`${table.td} whitespace-nowrap font-mono text-xs`}>{u.code ?? ""}</td>
                  <td className={table.td}>{u.jointMeetingMember && <Badge tone="blue">成员单位</Badge>}</td>
                  <td className={`${table.td} tabular-nums`}>
                    {canReadUsers && u._count.users > 0 ? (
                      <Link href={`/admin/users?unitId=${u.id}`} className={buttonClass.link} aria-label={`${u.name}的 ${u._count.users} 个用户`}>
                        {u._count.users}
                      </Link>
                    ) : (
                      u._count.users
                    )}
                  </td>
                  <td className={table.td}><UnitStatusBadge active={u.active} /></td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    <span className="flex gap-3">
                      <Link href={`/admin/units/${u.id}`} className={buttonClass.link} aria-label={`${canManage && mayManageUnit(user, u) ? "编辑" : "查看"}${u.name}`}>
                        {canManage && mayManageUnit(user, u) ? "编辑" : "查看"}
                      </Link>
                      {canManage && u.active && canHaveChildren(u.kind) && (
                        <Link href={`/admin/units/new?parentId=${u.id}`} className={buttonClass.link} aria-label={`在${u.name}下新建单位`}>
                          新建下级
                        </Link>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
