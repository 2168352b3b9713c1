import Link from "next/link";
import { notFound, forbidden } from "next/navigation";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getDispatch, rerouteTargets } from "@/lib/dispatch/queries";
import { DIRECTION_LABELS, EVENT_LABELS, STATUS_LABELS } from "@/lib/dispatch/labels";
import { isOverdue, OPEN_STATUSES } from "@/lib/dispatch/state";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { CaseStep, RerouteForm } from "@/components/dispatch/case-forms";
import { formatDate, formatDateTime } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "派单详情" };

export default async function DispatchDetail({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("dispatch.read");
  const d = await getDispatch(routeId((await params).id) ?? notFound());
  if (!d) notFound();
  const subject = { type: "dispatch" as const, streetId: d.streetId, departmentId: d.departmentId, status: d.status, direction: d.direction };
  if (!can(user, "dispatch.read", subject)) forbidden();
  const steps = (["accept", "handle", "reply", "escalate"] as const).filter((s) => can(user, `dispatch.${s}`, subject));
  const overdue = isOverdue(d);
  const reroute = can(user, "dispatch.reroute", subject) ? await rerouteTargets(d.departmentId) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={d.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{d.code}</span>
            <span>{DIRECTION_LABELS[d.direction]}</span>
            <Badge tone={OPEN_STATUSES.includes(d.status) ? "blue" : "green"}>{STATUS_LABELS[d.status]}</Badge>
            {overdue && <Badge tone="red">已逾期</Badge>}
            {d.reportLate && <Badge tone="amber">迟报：未在发现当日上报</Badge>}
          </span>
        }
        actions={<Link href="/dispatch" className="text-sm text-brand-700 hover:underline">返回列表</Link>}
      />
      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <div><dt className="text-slate-500">街道（乡镇）</dt><dd>{d.street.name}</dd></div>
        <div><dt className="text-slate-500">部门</dt><dd>{d.department.name}</dd></div>
        {d.localDuty && <div><dt className="text-slate-500">属地管理事项</dt><dd>{d.localDuty.name}（{d.localDuty.dutyType}）</dd></div>}
        <div><dt className="text-slate-500">地点</dt><dd>{d.location}</dd></div>
        {d.direction === "UP" && <div><dt className="text-slate-500">发现时间</dt><dd>{formatDateTime(d.foundAt)}</dd></div>}
        <div><dt className="text-slate-500">登记时间</dt><dd>{formatDateTime(d.reportedAt)}</dd></div>
        {d.acceptDueOn && <div><dt className="text-slate-500">部门接收截止</dt><dd data-testid="accept-due">{formatDate(d.acceptDueOn)}{d.acceptedAt && `（${formatDateTime(d.acceptedAt)} 已接收）`}</dd></div>}
        {d.replyDueOn && <div><dt className="text-slate-500">街道回复截止</dt><dd data-testid="reply-due">{formatDate(d.replyDueOn)}</dd></div>}
        <div className="sm:col-span-2"><dt className="text-slate-500">情况说明</dt><dd className="whitespace-pre-wrap">{d.description}</dd></div>
        {d.result && <div className="sm:col-span-2"><dt className="text-slate-500">办理结果</dt><dd className="whitespace-pre-wrap">{d.result}</dd></div>}
        {d.attachments.length > 0 && (
          <div className="sm:col-span-2"><dt className="text-slate-500">证据附件</dt><dd><ul>{d.attachments.map((a) => <li key={a.id}><a className="text-brand-700 hover:underline" href={`/api/dispatch/attachments/${a.id}`}>{a.fileName}</a> <span className="text-xs text-slate-500">{Math.ceil(a.size / 1024)} KB</span></li>)}</ul></dd></div>
        )}
      </dl>
      {(steps.length > 0 || reroute) && (
        <section aria-label="办理" className="grid gap-3 md:grid-cols-2">
          {steps.map((s) => <CaseStep key={s} id={d.id} step={s} />)}
          {reroute && <RerouteForm id={d.id} departments={reroute} />}
        </section>
      )}
      <section aria-labelledby="tl-h">
        <h2 id="tl-h" className="mb-2 text-lg font-semibold">办理过程</h2>
        <ol className="relative space-y-3 border-l border-slate-200 pl-4" data-testid="timeline">
          {d.events.map((e) => (
            <li key={e.id}>
              <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-brand-600" aria-hidden />
              <p className="text-sm font-medium">{EVENT_LABELS[e.kind] ?? e.kind}</p>
              <p className="text-xs text-slate-500">{formatDateTime(e.at)} · {e.actorUnitName} {e.actorName}</p>
              {e.note && <p className="mt-1 text-sm text-slate-700">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
