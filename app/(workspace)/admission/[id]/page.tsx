import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { admissionSettings, getAdmission } from "@/lib/admission/queries";
import type { AdmissionSubject } from "@/lib/admission/policy";
import { KIND_LABELS, LEVEL_LABELS, OPINION_LABELS, RESPONSE_LABELS, STAGE_LABELS } from "@/lib/admission/labels";
import { isOverdue } from "@/lib/admission/state";
import { loadCalendar } from "@/lib/calendar/queries";
import { toDay, workdaysBetween, dayOfDbDate } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { StatusBadge, yuan } from "@/components/admission/badges";
import { FormSuccess } from "@/components/ui/form-messages";
import { ApplicantActions, Attachments, CloseConsultationButton, ConsultForm, DecideForm, FileForm, InitialReviewForm, OpinionForm } from "@/components/admission/step-panel";
import { formatDate, formatDateTime } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "准入申请详情" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function AdmissionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const id = routeId((await params).id) ?? notFound();
  const sp = await searchParams;
  const a = await getAdmission(id);
  if (!a) notFound();
  const subject: AdmissionSubject = { type: "admission", applicantUnitId: a.applicantUnitId, targetUnitIds: a.targets.map((t) => t.unitId), status: a.status };
  const user = await requirePermission("admission.read", subject);
  const calendar = await loadCalendar();
  const today = toDay(new Date());
  const memberIds = a.members.map((m) => m.id);
  const pendingMembers = a.members.filter((m) => !a.opinions.some((o) => o.unitId === m.id));
  const opinionUnits = pendingMembers
    .filter((m) => can(user, "admission.opine", { ...subject, memberUnitId: m.id, memberUnitIds: memberIds }))
    .map((m) => ({ id: m.id, name: m.name, onBehalf: m.id !== user.unitId }))
    .sort((x, y) => Number(x.onBehalf) - Number(y.onBehalf));
  const myTarget = a.targets.find((t) => t.unitId === user.unitId);
  const objections = a.targets.filter((t) => t.response === "OBJECT").map((t) => ({ unitId: t.unitId, unitName: t.unitName, reason: t.reason }));
  const excluded = a.targets.filter((t) => t.excluded);
  const silent = a.targets.filter((t) => !t.response).length;
  const overdueBy = a.stageDueOn && isOverdue(a.stageDueOn) ? workdaysBetween(dayOfDbDate(a.stageDueOn), today, calendar) : 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={a.title}
        description={<span>{a.code} · {a.applicantUnitName} · {a.applicantName} 提交于 {formatDateTime(a.submittedAt)}</span>}
        actions={<Link href="/admission" className="text-sm text-brand-600 hover:underline">返回列表</Link>}
      />
      {sp.created && <FormSuccess testId="admission-created">申请已提交，等待编办初审。可在下方上传附件。</FormSuccess>}
      {sp.saved && <FormSuccess>申请已保存。</FormSuccess>}

      <section className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="admission-status">
        <StatusBadge status={a.status} />
        {a.stage && a.stageDueOn && (
          <span className="text-sm text-slate-700">
            当前环节：{STAGE_LABELS[a.stage]}，截止 {formatDate(a.stageDueOn)}
            {overdueBy > 0 && <> <Badge tone="red">已逾期 {overdueBy} 个工作日</Badge></>}
          </span>
        )}
        {excluded.length > 0 && <Badge tone="amber">部分准入</Badge>}
        {a.status === "ADMITTED" && (
          <span className="text-sm text-slate-700">联审文号 {a.approvalDocNo}，{a.filingAuthority}备案号 {a.filingNumber}（{formatDate(a.filedOn)}）</span>
        )}
        {excluded.length > 0 && (
          <span className="text-sm text-slate-700" data-testid="partial-admission">
            {a.targets.length - excluded.length} 个单位承接；异议成立、不承接：{excluded.map((t) => t.unitName).join("、")}
          </span>
        )}
        {a.status === "REFUSED" && <span className="text-sm text-slate-700">联审文号 {a.approvalDocNo}：{a.decisionNote}</span>}
      </section>

      {(a.decidedAt || a.opinions.length > 0) && (
        <nav aria-label="文书" className="flex flex-wrap gap-3 text-sm" data-testid="admission-documents">
          {a.decidedAt && a.approvalDocNo && (
            <span>
              准入决定书（{a.approvalDocNo}）：
              <a className="text-brand-600 hover:underline" href={`/api/admission/${a.id}/documents?kind=decision&format=pdf`}>PDF</a>{" · "}
              <a className="text-brand-600 hover:underline" href={`/api/admission/${a.id}/documents?kind=decision&format=docx`}>Word</a>
            </span>
          )}
          {a.opinions.length > 0 && (
            <span>
              联席会议审查意见表：
              <a className="text-brand-600 hover:underline" href={`/api/admission/${a.id}/documents?kind=opinions&format=pdf`}>PDF</a>{" · "}
              <a className="text-brand-600 hover:underline" href={`/api/admission/${a.id}/documents?kind=opinions&format=docx`}>Word</a>
            </span>
          )}
        </nav>
      )}
      {can(user, "admission.edit", subject) && <ApplicantActions id={a.id} />}
      {can(user, "admission.initialReview", subject) && <InitialReviewForm id={a.id} />}
      {a.status === "JOINT_REVIEW" && opinionUnits.length > 0 && <OpinionForm id={a.id} units={opinionUnits} />}
      {myTarget && !myTarget.response && can(user, "admission.consult", subject) && <ConsultForm id={a.id} unitName={user.unitName} />}
      {can(user, "admission.closeConsultation", subject) && silent > 0 && <CloseConsultationButton id={a.id} silent={silent} />}
      {can(user, "admission.decide", subject) && <DecideForm id={a.id} objections={objections} />}
      {can(user, "admission.file", subject) && <FileForm id={a.id} today={today} filingAuthority={(await admissionSettings()).filingAuthority} />}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-base font-semibold">申请内容</h2>
            <dl className="divide-y divide-slate-100">
              <Row label="准入事项类别">{KIND_LABELS[a.kind]} · {a.dutyType}</Row>
              <Row label="下沉层级">{LEVEL_LABELS[a.level]}</Row>
              <Row label="事项内容">{a.content}</Row>
              <Row label="赋予的权限">{a.authority}</Row>
              <Row label="履职时限">{a.timeLimit}</Row>
              <Row label="法律法规及文件依据">{a.legalBasis}</Row>
              <Row label="区级部门职责">{a.departmentDuty}</Row>
              <Row label="街道（社区）职责">{a.localDuty}</Row>
              <Row label="主体责任 / 配合责任">{a.leadResponsibility} / {a.supportResponsibility}</Row>
              <Row label="费随事转">{yuan(a.fundingAmount)} / 每个单位 / 每年（{a.fundingSource}），合计 {yuan(Number(a.fundingAmount) * (a.targets.length - excluded.length))} / 年</Row>
              <Row label="人员力量测算">{a.staffing}</Row>
              <Row label="工作量测算">{a.workload}</Row>
            </dl>
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-base font-semibold">附件</h2>
            <Attachments id={a.id} files={a.attachments} editable={can(user, "admission.edit", subject)} />
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="opinions">
            <h2 className="mb-2 text-base font-semibold">联席会议成员单位意见</h2>
            <ul className="divide-y divide-slate-100 text-sm">
              {a.members.map((m) => {
                const o = a.opinions.find((x) => x.unitId === m.id);
                return (
                  <li key={m.id} className="py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{m.name}</span>
                      {o ? <Badge tone={o.opinion === "DISAGREE" ? "red" : "green"}>{OPINION_LABELS[o.opinion]}</Badge> : <Badge>{a.status === "JOINT_REVIEW" ? "待提出" : "—"}</Badge>}
                    </div>
                    {o && (
                      <p className="mt-1 text-slate-700">
                        {o.body} <span className="text-xs text-slate-500">（{o.authorName}{o.enteredByName ? `，由${o.enteredByName}代为录入` : ""}，{formatDateTime(o.createdAt)}）</span>
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>

          <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="consultation">
            <h2 className="mb-2 text-base font-semibold">承接单位及意见</h2>
            <ul className="divide-y divide-slate-100 text-sm">
              {a.targets.map((t) => (
                <li key={t.unitId} className="py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{t.unitName}</span>
                    {t.response ? <Badge tone={t.response === "OBJECT" ? "amber" : "green"}>{RESPONSE_LABELS[t.response]}</Badge> : <Badge>{a.status === "CONSULTING" ? "待反馈" : "—"}</Badge>}
                  </div>
                  {t.reason && <p className="mt-1 text-slate-700">理由：{t.reason}</p>}
                  {t.excluded && <p className="mt-1 text-amber-800">编办认定异议成立，该单位不承接：{t.excludedReason}</p>}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <aside className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading" className="mb-3 text-base font-semibold">办理进度</h2>
          <ol className="space-y-4 border-l-2 border-slate-200 pl-4" data-testid="timeline">
            {a.steps.map((s) => {
              const late = s.completedAt ? dayOfDbDate(s.dueOn) < toDay(s.completedAt) : isOverdue(s.dueOn);
              return (
                <li key={s.id} className="relative">
                  <span className={`absolute -left-[1.4rem] top-1 h-3 w-3 rounded-full ${s.completedAt ? "bg-emerald-500" : "bg-brand-600"}`} aria-hidden />
                  <p className="text-sm font-medium">{STAGE_LABELS[s.stage]} {late && <Badge tone="red">{s.completedAt ? "逾期办结" : "已逾期"}</Badge>}</p>
                  <p className="text-xs text-slate-500">开始 {formatDateTime(s.startedAt)} · 期限 {formatDate(s.dueOn)}</p>
                  {s.completedAt ? (
                    <p className="text-xs text-slate-700">
                      {formatDateTime(s.completedAt)} {s.actorUnitName} {s.actorName}：{s.outcome}
                      {s.note && <span className="block text-slate-600">{s.note}</span>}
                    </p>
                  ) : (
                    <p className="text-xs text-brand-700">办理中</p>
                  )}
                </li>
              );
            })}
            {a.status === "ADMITTED" && <li className="text-sm font-medium text-emerald-700">已准入，事项已进入承接单位的属地管理事项清单</li>}
          </ol>
        </aside>
      </div>
    </div>
  );
}
