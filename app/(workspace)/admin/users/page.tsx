import Link from "next/link";
import type { Metadata } from "next";
import { mayEnter } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { unitTree } from "@/lib/units/queries";
import { listUsers } from "@/lib/users/queries";
import { userFilterSchema } from "@/lib/users/schema";
import { RoleBadges, UserStatusBadges } from "@/components/admin/badges";
import { table } from "@/components/ui/table";
import { unitSelectOptions } from "@/components/admin/unit-options";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("user.read");
  const filter = userFilterSchema.parse(await searchParams);
  const now = new Date();
  const [{ total, rows, pageSize }, tree] = await Promise.all([listUsers(filter, now, user), unitTree({ includeInactive: true, viewer: user })]);
  const units = unitSelectOptions(tree);
  const canManage = mayEnter(user, "user.manage");
  // Accounts are opened by the city 编办; a district 编办 admin manages its district's existing ones.
  const canCreate = mayEnter(user, "user.create");
  const params = { q: filter.q || undefined, role: filter.role, unitId: filter.unitId?.toString(), status: filter.status };
  const filtered = Object.values(params).some(Boolean);

  return (
    <div>
      <PageHeader
        title="用户管理"
        description="本系统的全部账号。新建账号时系统生成初始密码，用户首次登录须修改。"
        actions={
          canCreate && (
            <Link href="/admin/users/new" className={buttonClass.primary} data-testid="new-user-button">
              新建用户
            </Link>
          )
        }
      />

      <form method="get" action="/admin/users" role="search" aria-label="筛选用户" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1.5fr_1fr_auto]" data-testid="user-filter">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">搜索</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="用户名、姓名或单位" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="role" className="block text-sm font-medium text-slate-700">角色</label>
          <select id="role" name="role" defaultValue={filter.role ?? ""} className={inputClass}>
            <option value="">全部角色</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="unitId" className="block text-sm font-medium text-slate-700">单位</label>
          <select id="unitId" name="unitId" defaultValue={filter.unitId?.toString() ?? ""} className={inputClass}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.label}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block text-sm font-medium text-slate-700">状态</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
            <option value="">全部状态</option>
            <option value="active">在用</option>
            <option value="inactive">停用</option>
            <option value="locked">已锁定</option>
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass.primary}>查询</button>
          {filtered && (
            <Link href="/admin/users" className={buttonClass.secondary}>清除</Link>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        <div data-testid="users-empty">
          {total > 0 ? (
            <EmptyState title="这一页没有记录">
              <Link href={`/admin/users?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]))}`} className={buttonClass.link}>
                回到第一页
              </Link>
            </EmptyState>
          ) : filtered ? (
            <EmptyState title="没有符合条件的用户">
              请换个关键词或放宽筛选条件，或{" "}
              <Link href="/admin/users" className={buttonClass.link}>清除筛选</Link>。
            </EmptyState>
          ) : (
            <EmptyState title="还没有用户">
              {canCreate ? <>点击「新建用户」为各单位开设账号。</> : "系统中还没有账号。"}
            </EmptyState>
          )}
        </div>
      ) : (
        <>
          <div className={table.wrapper}>
            <table className={table.table} data-testid="users-table">
              <caption className="sr-only">用户列表</caption>
              <thead className={table.thead}>
                <tr>
                  <th scope="col" className={table.th}>用户名</th>
                  <th scope="col" className={table.th}>姓名</th>
                  <th scope="col" className={table.th}>单位</th>
                  <th scope="col" className={table.th}>角色</th>
                  <th scope="col" className={table.th}>状态</th>
                  <th scope="col" className={table.th}>最近登录</th>
                  <th scope="col" className={table.th}>操作</th>
                </tr>
              </thead>
              <tbody className={table.tbody}>
                {rows.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.username}`} className={u.active ? undefined : "bg-slate-50 text-slate-500"}>
                    <td className={`${table.td} whitespace-nowrap font-mono`}>{u.username}</td>
                    <td className={`${table.td} whitespace-nowrap`}>{u.displayName}</td>
                    <td className={`${table.td} min-w-[10rem]`}>{u.unit.name}</td>
                    <td className={table.td}><RoleBadges roles={u.roles} /></td>
                    <td className={table.td}><UserStatusBadges user={u} now={now} /></td>
                    <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                      {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="text-slate-500">从未登录</span>}
                    </td>
                    <td className={`${table.td} whitespace-nowrap`}>
                      <Link href={`/admin/users/${u.id}`} className={buttonClass.link} aria-label={`${canManage ? "编辑" : "查看"}用户 ${u.username}`}>
                        {canManage ? "编辑" : "查看"}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filter.page} pageSize={pageSize} total={total} basePath="/admin/users" params={params} />
        </>
      )}
    </div>
  );
}
