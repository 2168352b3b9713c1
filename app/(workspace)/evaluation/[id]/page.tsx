import Link from "next/link";
import { notFound, forbidden } from "next/navigation";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getRound, ownSheet, pairOverview, progress, unitPairs } from "@/lib/evaluation/queries";
import { ROUND_STATUS_LABELS, sheetDeadline } from "@/lib/evaluation/labels";
import { stampOf } from "@/lib/edit-stamp";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/cx";
import { DeadlineForm, DeleteDraftRoundButton, ExtendForm, IndicatorEditor, RemindButton, RoundStepButton } from "@/components/evaluation/round-admin";
import { PairEditor } from "@/components/evaluation/pair-editor";
import { formatDate, formatDateTime } from "@/lib/format";
import { routeId } from "@/lib/validation";
import { isBianban, roundInArea } from "@/lib/evaluation/policy";

export const metadata: Metadata = { title: "考评详情" };

export default async function RoundPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePermission("evaluation.read");
  const id = routeId((await params).id) ?? notFound();
  const round = await getRound(id);
  if (!round) notFound();
  // Another district's round does not exist for a district 编办; the city's it does not run.
  if (user.area && round.areaUnitId != null && round.areaUnitId !== user.area.districtId) notFound();
  const manage = can(user, "evaluation.manage") && roundInArea(user, round);
  if (!manage) {
    const sheet = await ownSheet(id, user.unitId);
    // A district 编办 reads the city's published rounds (their results for its units), read-only.
    const reader = user.roles.includes("LEADER") || (isBianban(user) && round.status === "PUBLISHED");
    if (round.status === "DRAFT" || (!sheet && !reader)) forbidden();
  }
  const closes = formatDate(round.closesOn);
  const rows = manage && round.status !== "DRAFT" ? await progress(id) : [];
  const submitted = rows.filter((r) => r.status === "SUBMITTED").length;
  const pairs = manage && round.status === "DRAFT" ? await pairOverview(id) : null;
  const unitId = routeId((await searchParams).unit);
  const selected = pairs && unitId && pairs.units.some((u) => u.id === unitId) ? await unitPairs(id, unitId) : null;
  return (
    <div className="space-y-8">
      <PageHeader
        title={round.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={round.status === "PUBLISHED" ? "green" : round.status === "OPEN" ? "blue" : "gray"}>{ROUND_STATUS_LABELS[round.status]}</Badge>
            <span data-testid="round-area">{round.areaUnit ? `${round.areaUnit.name}考评` : "全市考评"}</span>
            <span>评分截止 {formatDate(round.closesOn)}</span>
            <span>{round.trimmed ? "去掉最高分和最低分（评价单位不少于 5 个时）" : "按算术平均"}</span>
            <span>{round._count.pairs} 组评价关系，{round._count.sheets} 个评价单位</span>
          </span>
        }
        actions={
          <>
            {round.status === "OPEN" && can(user, "evaluation.rate", { type: "evaluationUnit", unitId: user.unitId, roundStatus: "OPEN" }) && (
              <Link href={`/evaluation/${id}/rate`} className={buttonClass.primary}>本单位评分</Link>
            )}
            {round.status !== "DRAFT" && (manage || round.status === "PUBLISHED") && (
              <Link href={`/evaluation/${id}/results`} className={buttonClass.secondary}>{round.status === "PUBLISHED" ? "查看结果" : "查看汇总"}</Link>
            )}
            {manage && round.status === "DRAFT" && <DeleteDraftRoundButton roundId={id} title={round.title} />}
            {manage && round.status === "DRAFT" && <RoundStepButton roundId={id} step="open" />}
            {manage && round.status === "OPEN" && <RoundStepButton roundId={id} step="close" />}
            {manage && round.status === "CLOSED" && <RoundStepButton roundId={id} step="publish" />}
          </>
        }
      />

      <section aria-labelledby="ind-h">
        <h2 id="ind-h" className="mb-2 text-lg font-semibold">考评指标</h2>
        <IndicatorEditor
          roundId={id}
          editable={manage && round.status === "DRAFT"}
          expectedStamp={stampOf(round.updatedAt)}
          initial={round.indicators.map((i) => ({ name: i.name, description: i.description, weight: i.weight, scaleMin: i.scaleMin, scaleMax: i.scaleMax, source: i.source }))}
        />
      </section>

      {manage && (round.status === "DRAFT" || round.status === "OPEN") && (
        <section aria-labelledby="dl-h">
          <h2 id="dl-h" className="mb-2 text-lg font-semibold">截止日期</h2>
          <DeadlineForm roundId={id} closesOn={closes} expectedStamp={stampOf(round.updatedAt)} />
        </section>
      )}

      {pairs && (
        <section aria-labelledby="pair-h">
          <h2 id="pair-h" className="mb-2 text-lg font-semibold">评价关系（谁评价谁）</h2>
          <PairEditor roundId={id} units={pairs.units} groups={pairs.groups} totals={pairs.totals} selected={selected} />
        </section>
      )}

      {manage && round.status !== "DRAFT" && (
        <section aria-labelledby="prog-h">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="prog-h" className="text-lg font-semibold">评分进度：已提交 {submitted} / {rows.length} 个单位</h2>
            {round.status === "OPEN" && submitted < rows.length && <RemindButton roundId={id} label="催办全部未提交单位" />}
          </div>
          {rows.length === 0 ? (
            <EmptyState title="没有评价单位" />
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full text-sm" data-testid="progress-table">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th className="px-3 py-2 font-medium">评价单位</th>
                    <th className="px-3 py-2 font-medium">进度</th>
                    <th className="px-3 py-2 font-medium">状态</th>
                    <th className="px-3 py-2 font-medium">截止</th>
                    <th className="px-3 py-2 font-medium">最近催办</th>
                    {round.status === "OPEN" && <th className="px-3 py-2 font-medium">操作</th>}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={r.raterUnitId}>
                      <td className="px-3 py-2">{r.name}<div className="text-xs text-slate-500">{r.side === "STREET" ? "街道（乡镇）评部门" : "部门评街道（乡镇）"}</div></td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.scored} / {r.due}</td>
                      <td className="px-3 py-2">{r.status === "SUBMITTED" ? <Badge tone="green">已提交 {formatDate(r.submittedAt)}</Badge> : <Badge tone="amber">未提交</Badge>}</td>
                      <td className="whitespace-nowrap px-3 py-2">{sheetDeadline(round, r)}{r.extendedTo && <span className="ml-1 text-xs text-amber-700">（已延期）</span>}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-500">{r.remindedAt ? formatDateTime(r.remindedAt) : "—"}</td>
                      {round.status === "OPEN" && (
                        <td className="px-3 py-2">
                          {r.status === "DRAFT" && (
                            <div className="flex flex-wrap gap-2">
                              <RemindButton roundId={id} raterUnitIds={[r.raterUnitId]} label="催办" />
                              <ExtendForm roundId={id} raterUnitId={r.raterUnitId} name={r.name} />
                            </div>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
