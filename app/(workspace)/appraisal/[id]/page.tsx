import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { roundResults } from "@/lib/appraisal/queries";
import { percent } from "@/lib/appraisal/satisfaction";
import { targetCandidates } from "@/lib/admission/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { FlaggedDecisionForm, SurveyLinkForm } from "@/components/admission/appraisal-forms";
import { formatDate, formatDateTime } from "@/lib/format";
import { ActionButton } from "@/components/lists/action-button";
import { closeAppraisalRoundAction } from "@/lib/appraisal/actions";
import { buttonClass } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";
import { appraisalRoundInArea } from "@/lib/appraisal/scope";
import { unitInArea } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "评议结果" };

export default async function AppraisalRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("appraisal.read");
  const id = routeId((await params).id) ?? notFound();
  const data = await roundResults(id, user.area?.unitIds);
  if (!data) notFound();
  const { round, rows, links, undecided, unrated, excluded } = data;
  const manage = can(user, "appraisal.manage") && appraisalRoundInArea(user, round) && round.status === "OPEN";
  // A district 编办 hands out survey links to its own district's streets and communities.
  const units = manage ? (await targetCandidates()).filter((u) => unitInArea(user, u.id)) : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title={round.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {round.status === "OPEN" ? <Badge tone="green">进行中</Badge> : <Badge>已结束</Badge>}
            <span>
              截止 {formatDate(round.closesOn)}
              {round.closedAt && ` · ${formatDateTime(round.closedAt)} 结束`}
            </span>
            <span>· 满意率 =（满意＋基本满意）÷ 全部评价；不超过 50% 的事项标为「建议撤销」，结束前须逐项撤销或说明理由保留。</span>
            {round.admittedBefore && (
              <span data-testid="exclusion-rule">
                · 准入生效不满 {round.exclusionMonths} 个月（{formatDate(round.admittedBefore)} 及以后准入）的事项不参加本轮评议{excluded ? `，共 ${excluded} 个` : ""}。
              </span>
            )}
          </span>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            <a href={`/appraisal/${round.id}/export`} className={buttonClass.secondary} data-testid="appraisal-export">导出结果</a>
            <a href={`/appraisal/${round.id}/report`} className={buttonClass.secondary}>评议情况通报</a>
            {manage && (
            <ActionButton
              action={closeAppraisalRoundAction}
              input={{ roundId: round.id }}
              className={buttonClass.secondary}
              testId="close-appraisal-round"
              confirm={{
                title: "结束本轮评议",
                message: (
                  <div className="space-y-2" data-testid="close-round-message">
                    <p>结束后不再接受评价，未使用的评议链接随之失效。当前共 {rows.length} 个事项。</p>
                    {undecided.length > 0 && <p className="text-red-700">还有 {undecided.length} 个建议撤销的事项未作决定，须先逐项撤销或说明理由保留：{undecided.map((r) => `${r.name}（${r.unit.name}）`).join("、")}。</p>}
                    {unrated.length > 0 ? (
                      <div>
                        <p>以下 {unrated.length} 个事项无人评价：</p>
                        <ul className="list-disc pl-5" data-testid="unrated-duties">
                          {unrated.map((r) => <li key={r.id}>{r.name}（{r.unit.name}）</li>)}
                        </ul>
                      </div>
                    ) : (
                      <p>每个事项都有评价。</p>
                    )}
                  </div>
                ),
                confirmLabel: "结束评议",
              }}
            >
              结束本轮评议
            </ActionButton>
            )}
          </span>
        }
      />
      <section>
        <h2 className="mb-2 text-lg font-semibold">各事项评价</h2>
        {rows.length === 0 ? (
          <EmptyState title="没有可评议的准入事项" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="appraisal-results">
            {rows.map((r) => (
              <li key={r.id} className="grid gap-2 px-4 py-3 md:grid-cols-[1fr_16rem]" data-testid={`appraisal-row-${r.id}`}>
                <div>
                  <p className="font-medium">
                    {r.name} {!r.active ? <Badge>已撤销</Badge> : r.decision?.outcome === "KEPT" ? <Badge tone="amber">说明理由保留</Badge> : r.flagged ? <Badge tone="red">建议撤销</Badge> : null}
                    {r.active && r.total === 0 && <Badge>无人评价</Badge>}
                  </p>
                  <p className="text-xs text-slate-500">{r.unit.name} · {r.departmentName}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    满意 {r.counts.satisfied} · 基本满意 {r.counts.basic} · 不满意 {r.counts.dissatisfied} · 满意率 <strong>{percent(r.satisfaction)}</strong>
                  </p>
                  {r.decision && <p className="mt-1 text-xs text-slate-600">{r.decision.outcome === "KEPT" ? "保留理由" : "撤销说明"}：{r.decision.note}（{r.decision.confirmedByName}）</p>}
                </div>
                {manage && r.active && r.flagged && !r.decision && <FlaggedDecisionForm roundId={round.id} dutyId={r.id} name={r.name} unitName={r.unit.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {manage && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">居民和单位代表的评议链接</h2>
          <p className="mb-3 text-sm text-slate-600">没有系统账号的代表，可通过一次性链接评价该单位承接的准入事项，无需登录。</p>
          <SurveyLinkForm roundId={round.id} units={units} />
          {links.length > 0 && (
            <ul className="mt-4 divide-y divide-slate-100 text-sm">
              {links.map((l) => (
                <li key={l.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{l.unit.name} · {l.label}{l.comment && <span className="block text-xs text-slate-600">意见：{l.comment}</span>}</span>
                  <span className="text-xs text-slate-500">{l.usedAt ? `已提交 ${formatDateTime(l.usedAt)}` : "未使用"}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
