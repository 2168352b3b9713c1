import { limitsOf } from "@/lib/forms";
import { fileSchema } from "@/lib/adjustments/schema";
import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime, formatDateText } from "@/lib/format";
import { fileAdjustmentAction, opineAdjustmentAction, publishAdjustmentAction, withdrawAdjustmentAction } from "@/lib/adjustments/actions";
import type { ChangeFields } from "@/lib/adjustments/schema";
import { baseItems, getAdjustment, jointMembers } from "@/lib/adjustments/queries";
import { today as todayInChina } from "@/lib/dates";
import { ADJUSTMENT_ACTION_LABELS, fieldLabel, ITEM_FIELDS, OPINION_LABELS, OPINION_TONES, SECTION_LABELS } from "@/lib/lists/labels";
import type { AdjustmentSubject } from "@/lib/lists/policy";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { ActionButton } from "@/components/lists/action-button";
import { DecideForm } from "@/components/lists/decide-form";
import { OpinionForm } from "@/components/lists/opinion-form";
import { PublishForm } from "@/components/lists/publish-form";
import { ReasonForm } from "@/components/lists/reason-form";
import { AdjustmentStatusBadge } from "@/components/lists/status";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "调整申请" };

const ACTION_TONES = { ADD: "green", REMOVE: "red", MODIFY: "amber" } as const;

function shown(fields: ChangeFields, f: string): string {
  if (f === "section") return fields.section ? SECTION_LABELS[fields.section] : "";
  return String((fields as Record<string, unknown>)[f] ?? "");
}

export default async function AdjustmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = routeId((await params).id) ?? notFound();
  const a = await getAdjustment(id);
  if (!a) notFound();
  const subject: AdjustmentSubject = { type: "adjustment", listUnitId: a.list.unitId, published: true, applicantUnitId: a.applicantUnitId, status: a.status };
  if (!can(user, "adjustment.read", subject)) forbidden();
  const [bases, members] = await Promise.all([baseItems(a.baseVersionId, a.changes.map((c) => c.itemKey).filter((k): k is string => !!k)), jointMembers()]);
  const base = new Map(bases.map((b) => [b.itemKey, b]));
  const latest = new Map<number, (typeof a.opinions)[number]>();
  for (const o of [...a.opinions].reverse()) latest.set(o.unitId, o);
  const pendingMembers = members.filter((m) => !latest.has(m.id) && m.name.indexOf("编办") < 0).map((m) => m.name);
  const ref = { adjustmentId: a.id, version: a.version };
  const myOpinion = latest.get(user.unitId);

  return (
    <div className="space-y-8">
      <div>
        <p className="mb-1 text-sm">
          <Link href="/lists/adjustments" className={buttonClass.link}>
            ← 动态调整
          </Link>
        </p>
        <PageHeader
          title={`调整申请：${a.list.title}`}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <AdjustmentStatusBadge status={a.status} />
              <span>
                {a.applicantUnitName} {a.applicantName} 于 {formatDateTime(a.createdAt)} 提出，基于现行第 {a.baseVersion.versionNo} 版（{a.baseVersion.documentNumber}）
              </span>
            </span>
          }
          actions={
            can(user, "adjustment.withdraw", subject) && (
              <ActionButton
                action={withdrawAdjustmentAction}
                input={{ ...ref, reason: null }}
                className={buttonClass.secondary}
                confirm={{ title: "撤回调整申请", message: "撤回后本申请不再办理，可重新提出。", confirmLabel: "撤回", tone: "danger" }}
              >
                撤回申请
              </ActionButton>
            )
          }
        />
      </div>

      <section aria-labelledby="reason-heading" className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="reason-heading" className="text-sm font-semibold text-slate-800">调整理由</h2>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.reason}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-800">调整依据</h2>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.basis}</p>
        </div>
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading" className="mb-3 text-lg font-semibold">
          调整内容（{a.changes.length} 项）
        </h2>
        <ol className="space-y-3" data-testid="adjustment-changes">
          {a.changes.map((c) => {
            const fields = c.fields as ChangeFields;
            const before = c.itemKey ? base.get(c.itemKey) : undefined;
            const keys = [...(fields.category !== undefined ? ["category"] : []), ...(fields.section !== undefined && a.list.form === "DUTY" ? ["section"] : []), ...ITEM_FIELDS.filter((f) => f in fields)];
            return (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={ACTION_TONES[c.action]}>{ADJUSTMENT_ACTION_LABELS[c.action]}</Badge>
                  <span className="font-medium text-slate-900">{c.action === "ADD" ? fields.name : c.itemName}</span>
                  {c.note && <span className="text-slate-500">（{c.note}）</span>}
                </p>
                {c.action !== "REMOVE" && keys.length > 0 && (
                  <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
                    {keys
                      .filter((k) => shown(fields, k) || (before && c.action === "MODIFY"))
                      .map((k) => (
                        <div key={k} className="contents">
                          <dt className="text-slate-500">{fieldLabel(k as never, fields.section ?? before?.section)}</dt>
                          <dd className="whitespace-pre-line">
                            {c.action === "MODIFY" && before && (
                              <del className="mr-2 bg-red-50 text-red-800">{k === "section" ? SECTION_LABELS[before.section] : String((before as Record<string, unknown>)[k] ?? "（空）")}</del>
                            )}
                            <ins className={c.action === "MODIFY" ? "bg-emerald-50 text-emerald-800 no-underline" : "no-underline"}>{shown(fields, k) || "（空）"}</ins>
                          </dd>
                        </div>
                      ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold">
          联席会议成员单位意见
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2" data-testid="member-opinions">
          {members.map((m) => {
            const o = latest.get(m.id);
            return (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{m.name}</span>
                  {o ? <Badge tone={OPINION_TONES[o.opinion]}>{OPINION_LABELS[o.opinion]}</Badge> : <span className="text-slate-500">{m.name.includes("编办") ? "决定单位" : "尚未提出"}</span>}
                </p>
                {o?.body && <p className="mt-1 whitespace-pre-line text-slate-700">{o.body}</p>}
                {o && <p className="mt-1 text-xs text-slate-500">{o.authorName} · {formatDateTime(o.createdAt)}</p>}
              </li>
            );
          })}
        </ul>
      </section>

      {can(user, "adjustment.opine", subject) && (
        <section aria-labelledby="opine-heading" className="rounded-lg border border-brand-100 bg-white p-5 shadow-sm">
          <h2 id="opine-heading" className="mb-1 text-lg font-semibold">
            提出意见（{user.unitName}）
          </h2>
          {myOpinion && <p className="mb-3 text-sm text-slate-600">本单位已提出「{OPINION_LABELS[myOpinion.opinion]}」，再次提交以最新意见为准。</p>}
          <OpinionForm action={opineAdjustmentAction} kind="adjustment" input={ref} disagreeHint="请写明不同意的理由，供编办决定时参考。" testId="adjustment-opinion-form" />
        </section>
      )}

      {can(user, "adjustment.decide", subject) && (
        <section aria-labelledby="decide-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="decide-heading" className="mb-3 text-lg font-semibold">编办决定</h2>
          <DecideForm adjustmentId={a.id} version={a.version} pendingMembers={pendingMembers} />
        </section>
      )}

      {can(user, "adjustment.file", subject) && (
        <section aria-labelledby="file-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="file-heading" className="mb-3 text-lg font-semibold">备案</h2>
          <div className="max-w-md">
            <ReasonForm action={fileAdjustmentAction} input={ref} field="filingNumber" limits={limitsOf(fileSchema, "filingNumber")} label="备案编号" hint="如「示例编备〔2026〕3号」。" submitLabel="登记备案" multiline={false} testId="file-form" />
          </div>
        </section>
      )}

      {can(user, "adjustment.publish", subject) && (
        <section aria-labelledby="publish-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="publish-heading" className="mb-3 text-lg font-semibold">公布新版本</h2>
          <PublishForm
            action={publishAdjustmentAction}
            kind="adjustment"
            input={ref}
            today={todayInChina()}
            summary={`按本申请调整「${a.list.title}」（${a.changes.length} 项调整），公布为第 ${a.baseVersion.versionNo + 1} 版。`}
            redirectTo={`/lists/adjustments/${a.id}`}
          />
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">办理记录</h2>
        <ul className="space-y-1 text-sm text-slate-700" data-testid="adjustment-history">
          <li>{formatDateTime(a.createdAt)} {a.applicantUnitName}提出申请</li>
          {[...a.opinions].reverse().map((o) => (
            <li key={o.id}>
              {formatDateTime(o.createdAt)} {o.unitName}：{OPINION_LABELS[o.opinion]}
            </li>
          ))}
          {a.decidedAt && (
            <li>
              {formatDateTime(a.decidedAt)} {a.decidedByName}：{a.status === "REJECTED" ? "不予调整" : "同意调整"}
              {a.decisionNote && `（${a.decisionNote}）`}
            </li>
          )}
          {a.status === "WITHDRAWN" && <li>申请单位已撤回</li>}
          {a.filedAt && <li>{formatDateTime(a.filedAt)} 备案，编号 {a.filingNumber}</li>}
          {a.publishedVersion && (
            <li>
              {formatDateText(a.publishedVersion.publishedAt)}公布第 {a.publishedVersion.versionNo} 版（{a.publishedVersion.documentNumber}）
              <Link href={`/lists/${a.list.id}/diff?from=${a.baseVersion.versionNo}&to=${a.publishedVersion.versionNo}`} className={`${buttonClass.link} ml-2`}>
                查看版本对比
              </Link>
            </li>
          )}
        </ul>
      </section>
    </div>
  );
}
