import Link from "next/link";
import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { auditActions, auditSubjectTypes, listAudit } from "@/lib/audit/queries";
import { auditFilterParams, auditFilterSchema } from "@/lib/audit/schema";
import { unitTree } from "@/lib/units/queries";
import { AUDIT_ACTION_GROUPS, auditActionLabel, subjectTypeLabel } from "@/components/admin/audit-labels";
import { AuditTable } from "@/components/admin/audit-table";
import { unitSelectOptions } from "@/components/admin/unit-options";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "审计日志" };

const labelClass = "block text-sm font-medium text-slate-700";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit.read");
  const filter = auditFilterSchema.parse(await searchParams);
  const [{ total, rows, pageSize }, actions, subjectTypes, tree] = await Promise.all([
    listAudit(filter),
    auditActions(),
    auditSubjectTypes(),
    unitTree({ includeInactive: true }),
  ]);
  const units = unitSelectOptions(tree);
  const params = auditFilterParams(filter);
  const filtered = Object.values(params).some(Boolean);
  // Keep a value from the address bar selectable even when the log does not (yet) contain it.
  const actionOptions = filter.action && !actions.includes(filter.action) && !AUDIT_ACTION_GROUPS.some((g) => g.value === filter.action) ? [filter.action, ...actions] : actions;
  const subjectTypeOptions = filter.subjectType && !subjectTypes.includes(filter.subjectType) ? [filter.subjectType, ...subjectTypes] : subjectTypes;

  return (
    <div>
      <PageHeader
        title="审计日志"
        description="登录、账号和组织机构等操作的记录，最新的在前，每页 50 条。"
      />
      <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="audit-append-only">
        审计日志只能追加，不能修改或删除：每项操作与它的日志在同一事务中写入，数据库会拒绝对已有记录的任何修改或删除。
      </p>

      <form method="get" action="/admin/audit" role="search" aria-label="筛选审计日志" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="audit-filter">
        <div className="space-y-1">
          <label htmlFor="actor" className={labelClass}>操作人</label>
          <input id="actor" name="actor" type="search" defaultValue={filter.actor ?? ""} placeholder="姓名或用户名" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="unitId" className={labelClass}>操作人单位</label>
          <select id="unitId" name="unitId" defaultValue={filter.unitId?.toString() ?? ""} className={inputClass}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.label}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="action" className={labelClass}>操作类型</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">全部操作</option>
            <optgroup label="按类别">
              {AUDIT_ACTION_GROUPS.map((g) => (
                <option key={g.value} value={g.value}>{g.label}</option>
              ))}
            </optgroup>
            {actionOptions.length > 0 && (
              <optgroup label="具体操作">
                {actionOptions.map((a) => (
                  <option key={a} value={a}>
                    {auditActionLabel(a) === a ? a : `${auditActionLabel(a)}（${a}）`}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="subjectType" className={labelClass}>对象类型</label>
          <select id="subjectType" name="subjectType" defaultValue={filter.subjectType ?? ""} className={inputClass}>
            <option value="">全部对象</option>
            {subjectTypeOptions.map((t) => (
              <option key={t} value={t}>{subjectTypeLabel(t)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="subjectId" className={labelClass}>对象 ID</label>
          <input
            id="subjectId"
            name="subjectId"
            defaultValue={filter.subjectId ?? ""}
            placeholder="如用户编号或登录用户名"
            aria-describedby="subjectId-hint"
            className={inputClass}
          />
          <p id="subjectId-hint" className="text-xs text-slate-500">须完全一致，通常与对象类型一起使用。</p>
        </div>
        <div className="space-y-1">
          <label htmlFor="from" className={labelClass}>起始日期</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="to" className={labelClass}>截止日期</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass.primary}>查询</button>
          {filtered && <Link href="/admin/audit" className={buttonClass.secondary}>清除</Link>}
        </div>
      </form>

      <AuditTable
        rows={rows}
        linkUsers={can(user, "user.read")}
        linkUnits={can(user, "unit.read")}
        emptyTitle={total > 0 ? "这一页没有记录" : filtered ? "没有符合条件的记录" : "还没有审计记录"}
        emptyText={
          total > 0 ? (
            <Link href={`/admin/audit?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]))}`} className={buttonClass.link}>回到第一页</Link>
          ) : filtered ? (
            <>请放宽筛选条件，或 <Link href="/admin/audit" className={buttonClass.link}>清除筛选</Link>。日期按北京时间计算，含起止两天。</>
          ) : undefined
        }
      />
      {rows.length > 0 && <Pagination page={filter.page} pageSize={pageSize} total={total} basePath="/admin/audit" params={params} />}
    </div>
  );
}
