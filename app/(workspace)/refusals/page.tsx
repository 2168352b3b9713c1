import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { allRefusals, departmentOptions, departmentsPushingUnadmitted, unitRegister } from "@/lib/refusals/queries";
import { toDay } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { RegisterTaskForm, TaskDecision } from "@/components/admission/task-register";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "任务登记与拒绝" };

const STATUS = { REGISTERED: ["待处理", "blue"], ACCEPTED: ["已承接", "green"], REFUSED: ["已拒绝", "red"] } as const;

export default async function RefusalsPage() {
  const user = await requirePermission("refusal.read");
  if (can(user, "refusal.register")) {
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
                    <Badge tone={STATUS[t.status][1]}>{STATUS[t.status][0]}</Badge>
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
  const [refusals, depts] = await Promise.all([allRefusals(), departmentsPushingUnadmitted()]);
  return (
    <div className="space-y-6">
      <PageHeader title="拒绝情况" description="街道（社区）拒绝的未经准入任务，以及向基层交办未准入任务的部门。" />
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
      <section>
        <h2 className="mb-2 text-lg font-semibold">拒绝记录</h2>
        {refusals.length === 0 ? (
          <EmptyState title="暂无拒绝记录" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {refusals.map((r) => (
              <li key={r.id} className="px-4 py-3">
                <p className="font-medium">{r.title}</p>
                <p className="text-xs text-slate-500">{r.unit.name} 拒绝 {r.departmentName} 交办 · {r.decidedByName} · {formatDateTime(r.decidedAt)}</p>
                <p className="mt-1 text-slate-700">理由：{r.refusalReason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
