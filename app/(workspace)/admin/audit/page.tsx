import Link from "next/link";
import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { AUDIT_EXPORT_LIMIT, auditActions, auditSubjectTypes, listAudit } from "@/lib/audit/queries";
import { auditFilterParams, auditFilterSchema } from "@/lib/audit/schema";
import { AUDIT_AREAS, AUDIT_SUBJECTS, actionsOfArea, auditActionLabel, isAuditAction, subjectTypeLabel, type AuditArea } from "@/lib/audit/events";
import { OUTCOME_FILTER_LABELS } from "@/lib/audit/export";
import { unitTree } from "@/lib/units/queries";
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
    listAudit(filter, user),
    auditActions(),
    auditSubjectTypes(),
    unitTree({ includeInactive: true, viewer: user }),
  ]);
  const units = unitSelectOptions(tree);
  const params = auditFilterParams(filter);
  const filtered = Object.values(params).some(Boolean);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  const areas = Object.keys(AUDIT_AREAS) as AuditArea[];
  // Actions in the log that the registry no longer knows (older rows), and a value from the address bar.
  const otherActions = [...new Set([...actions, ...(filter.action ? [filter.action] : [])])].filter((a) => !isAuditAction(a));
  const registeredSubjects = Object.keys(AUDIT_SUBJECTS);
  const subjectTypeOptions = [
    ...registeredSubjects,
    ...[...new Set([...subjectTypes, ...(filter.subjectType ? [filter.subjectType] : [])])].filter((t) => !registeredSubjects.includes(t)),
  ];

  return (
    <div>
      <PageHeader
        title="审计日志"
        description="系统中每一项修改的记录，以及登录失败、被拒绝的操作等安全事件；最新的在前，每页 50 条。"
        actions={
          <a href={`/api/audit/export${query ? `?${query}` : ""}`} className={buttonClass.secondary} data-testid="audit-export" download>
            导出 Excel
          </a>
        }
      />
      {total > AUDIT_EXPORT_LIMIT && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="audit-export-limit">
          符合条件的记录共 {total.toLocaleString("en-US")} 条，导出的表格只含最新的 {AUDIT_EXPORT_LIMIT.toLocaleString("en-US")} 条；请按日期或业务领域缩小范围后分批导出。
        </p>
      )}
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
          <label htmlFor="area" className={labelClass}>业务领域</label>
          <select id="area" name="area" defaultValue={filter.area ?? ""} className={inputClass}>
            <option value="">全部领域</option>
            {areas.map((a) => (
              <option key={a} value={a}>{AUDIT_AREAS[a]}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="action" className={labelClass}>操作</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">全部操作</option>
            {areas.map((a) => (
              <optgroup key={a} label={AUDIT_AREAS[a]}>
                {actionsOfArea(a).map((action) => (
                  <option key={action} value={action}>{auditActionLabel(action)}</option>
                ))}
              </optgroup>
            ))}
            {otherActions.length > 0 && (
              <optgroup label="其他">
                {otherActions.map((a) => (
                  <option key={a} value={a}>{auditActionLabel(a)}</option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="outcome" className={labelClass}>结果</label>
          <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={inputClass}>
            <option value="">全部结果</option>
            {(Object.keys(OUTCOME_FILTER_LABELS) as (keyof typeof OUTCOME_FILTER_LABELS)[]).map((o) => (
              <option key={o} value={o}>{OUTCOME_FILTER_LABELS[o]}</option>
            ))}
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
          <label htmlFor="subjectId" className={labelClass}>对象编号</label>
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
            <Link href={`/admin/audit?${query}`} className={buttonClass.link}>回到第一页</Link>
          ) : filtered ? (
            <>请放宽筛选条件，或 <Link href="/admin/audit" className={buttonClass.link}>清除筛选</Link>。日期按北京时间计算，含起止两天。</>
          ) : undefined
        }
      />
      {rows.length > 0 && <Pagination page={filter.page} pageSize={pageSize} total={total} basePath="/admin/audit" params={params} />}
    </div>
  );
}
