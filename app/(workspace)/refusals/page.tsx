import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { departmentOptions, departmentsPushingUnadmitted, registerEntries, registerFilterOptions, unitRegister } from "@/lib/refusals/queries";
import { registerFilterSchema, TASK_STATUSES } from "@/lib/refusals/schema";
import { CHECK_LABELS, STATUS_LABELS, STATUS_TONES } from "@/lib/refusals/labels";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { toDay } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { RegisterTaskForm, TaskDecision } from "@/components/admission/task-register";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "任务登记与拒绝" };

export default async function RefusalsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("refusal.read");
  const filter = registerFilterSchema.parse(await searchParams);
  if (can(user, "refusal.register") && !filter.task) {
    const [tasks, departments] = await Promise.all([unitRegister(user.unitId), departmentOptions()]);
    return (
      <div className="space-y-6">
        <PageHeader title="任务登记与拒绝" description="上级部门交办的任务先登记比对。未经准入的任务，街道（社区）有权拒绝，拒绝理由会记录在案。" />
        <RegisterTaskForm departments={departments} today={toDay(new Date())} />
        <section>
          <h2 className="mb-2 text-lg font-semibold">本单位任务登记簿</h2>
          {tasks.length === 0 ? (
            <EmptyState title="还没有登记任务">收到部门交办的任务时，请先在上方登记。</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="task-register">
              {tasks.map((t) => (
                <li key={t.id} className="space-y-2 px-4 py-3" data-testid={`task-${t.id}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{t.title}</span>
                    <Badge tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</Badge>
                    {t.checkResult === "ADMITTED" ? <Badge tone="green">已准入：{t.matchedDutyName}</Badge> : <Badge tone="amber">未经准入</Badge>}
                  </div>
                  <p className="text-xs text-slate-500">{t.departmentName} · {formatDate(t.receivedOn)} 收到 · {t.createdByName} 登记</p>
                  {t.refusalReason && <p className="text-sm text-slate-700">拒绝理由：{t.refusalReason}</p>}
                  {t.status === "REGISTERED" && can(user, "refusal.refuse", { type: "task", unitId: t.unitId }) && <TaskDecision id={t.id} title={t.title} admitted={t.checkResult === "ADMITTED"} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    );
  }
  const department = user.roles.includes("DEPARTMENT");
  const [{ rows, total }, options, depts] = await Promise.all([registerEntries(user, filter), registerFilterOptions(user), department ? [] : departmentsPushingUnadmitted(user.area?.unitIds)]);
  const query = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  return (
    <div className="space-y-6">
      <PageHeader
        title={department ? "本部门交办任务的登记与拒绝" : "拒绝情况"}
        description={department ? "本部门交给街道（社区）的任务的登记比对结果；未经准入的任务，基层有权拒绝。" : "街道（社区）登记的交办任务和拒绝的未经准入任务，以及向基层交办未准入任务的部门。"}
        actions={<a href={`/refusals/export${query ? `?${query}` : ""}`} className={buttonClass.secondary} data-testid="register-export">导出 Excel</a>}
      />
      {!department && (
        <section>
          <h2 className="mb-2 text-lg font-semibold">交办未准入任务的部门</h2>
          {depts.length === 0 ? (
            <EmptyState title="暂无部门交办未准入任务" />
          ) : (
            <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="dept-ranking">
              <thead className="bg-slate-50 text-left text-slate-600"><tr><th className="px-3 py-2">部门</th><th className="px-3 py-2">未准入任务</th><th className="px-3 py-2">被拒绝</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {depts.map((d) => <tr key={d.department_name}><td className="px-3 py-2">{d.department_name}</td><td className="px-3 py-2">{d.tasks}</td><td className="px-3 py-2">{d.refused}</td></tr>)}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section>
        <h2 className="mb-2 text-lg font-semibold">任务登记簿</h2>
        <form className="mb-3 grid gap-2 sm:grid-cols-5" role="search" aria-label="筛选任务登记簿" data-testid="register-filter">
          <label className="text-sm">
            <span className="block text-slate-600">登记单位</span>
            <select name="unitId" defaultValue={filter.unitId ?? ""} className={inputClass}>
              <option value="">全部</option>
              {options.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">交办部门</span>
            <select name="departmentId" defaultValue={filter.departmentId ?? ""} className={inputClass}>
              <option value="">全部</option>
              {options.departments.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">年度</span>
            <select name="year" defaultValue={filter.year ?? ""} className={inputClass}>
              <option value="">全部</option>
              {options.years.map((y) => <option key={y} value={y}>{y}年</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">处理结果</span>
            <select name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">全部</option>
              {TASK_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </label>
          <div className="flex items-end gap-2">
            <button className={buttonClass.secondary}>筛选</button>
            {query && <a href="/refusals" className="text-sm text-brand-600 hover:underline">清除</a>}
          </div>
        </form>
        <p className="mb-2 text-sm text-slate-500" data-testid="register-total">共 {total} 条{total > rows.length ? `，显示最近 ${rows.length} 条` : ""}</p>
        {rows.length === 0 ? (
          <EmptyState title="没有符合条件的任务" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" data-testid="register-rows">
            {rows.map((r) => (
              <li key={r.id} className={cx("px-4 py-3", filter.task === r.id && "bg-amber-50")} id={`task-${r.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{r.title}</span>
                  <Badge tone={STATUS_TONES[r.status]}>{STATUS_LABELS[r.status]}</Badge>
                  {r.checkResult === "ADMITTED" ? <Badge tone="green">{CHECK_LABELS.ADMITTED}：{r.matchedDutyName}</Badge> : <Badge tone="amber">{CHECK_LABELS.NOT_ADMITTED}</Badge>}
                </div>
                <p className="text-xs text-slate-500">
                  {r.unit.name} · {r.departmentName} 交办 · {formatDate(r.receivedOn)} 收到
                  {r.decidedAt && ` · ${r.decidedByName} ${formatDateTime(r.decidedAt)} 处理`}
                </p>
                {r.refusalReason && <p className="mt-1 text-slate-700">拒绝理由：{r.refusalReason}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
