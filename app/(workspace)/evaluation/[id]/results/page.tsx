import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { resultsView } from "@/lib/evaluation/queries";
import { FLAG_LABELS, NOT_APPLICABLE_RULE } from "@/lib/evaluation/aggregate";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass, cx } from "@/components/ui/cx";
import { RadarChart, RankingChart } from "@/components/evaluation/charts";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "考评结果" };

const SIDE_LABEL = { DEPARTMENT: "部门（由街道、乡镇评价）", STREET: "街道（乡镇）（由部门评价）" } as const;
const fmt = (n: number | null | undefined) => (n == null ? "—" : n.toFixed(2));
/** Rounds published before 不适用 existed have no `applicable`: their indicators all applied. */
const notApplicable = (i: { applicable?: boolean }) => i.applicable === false;

export default async function ResultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ unit?: string }> }) {
  const user = await requireEntry("evaluation.results");
  const id = routeId((await params).id) ?? notFound();
  const unitParam = routeId((await searchParams).unit) ?? undefined;
  const view = await resultsView(user, id, unitParam);
  if (!view) notFound();
  const { round, indicators, results } = view;
  const selected = results.find((r) => r.unitId === unitParam) ?? (view.scope === "OWN" ? results[0] : undefined);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${round.title} · ${view.live ? "结果汇总（未公布）" : "考评结果"}`}
        description={
          <>
            {round.trimmed ? "各指标得分为去掉一个最高分和一个最低分后的平均分（评价单位不少于 5 个时）" : "各指标得分为算术平均分"}；加权得分 = 权重 ×（平均分 − 最低分）÷（最高分 − 最低分），合计满分 100。
            {indicators.some((i) => i.source === "DISPATCH") && <span className="mt-1 block" data-testid="not-applicable-rule">{NOT_APPLICABLE_RULE}</span>}
          </>
        }
        actions={
          <>
            {view.scope === "ALL" && view.flagged && (
              <a href={`/api/evaluation/${id}/export`} className={cx(buttonClass.secondary, "whitespace-nowrap")}>导出 Excel</a>
            )}
            <Link href={`/evaluation/${id}`} className={cx(buttonClass.secondary, "whitespace-nowrap")}>返回考评</Link>
          </>
        }
      />
      {view.scope === "NONE" && <EmptyState title="结果尚未公布">编办公布结果后，可在这里查看本单位的得分和排名。</EmptyState>}
      {view.scope !== "NONE" && results.length === 0 && <EmptyState title={view.scope === "OWN" ? "本单位没有考评结果" : "还没有已提交的评分"}>{view.scope === "OWN" ? "本单位未作为被评价单位参加本次考评。" : "有单位提交评分后，这里会显示汇总结果。"}</EmptyState>}

      {view.flagged && view.flagged.length > 0 && (
        <section aria-labelledby="flag-h" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="flag-h" className="mb-2 font-semibold text-amber-900">需关注的评价单位（{view.flagged.length}）</h2>
          <ul className="space-y-1 text-sm text-amber-900" data-testid="flagged-raters">
            {view.flagged.map((f) => (
              <li key={f.raterUnitId}>{f.name}：{f.flags.map((x) => FLAG_LABELS[x]).join("；")}（共 {f.count} 项评分）</li>
            ))}
          </ul>
        </section>
      )}

      {selected && (
        <section aria-labelledby="unit-h" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="unit-result">
          <h2 id="unit-h" className="text-lg font-semibold">{selected.unitName}</h2>
          <p className="mt-1 text-sm text-slate-600">
            总分 <strong className="text-2xl text-slate-900 tabular-nums">{fmt(selected.total)}</strong>
            {selected.rank != null && <span className="ml-3">排名 <strong data-testid="unit-rank">第 {selected.rank} 名</strong> / 共 {selected.rankOf} 个{selected.side === "DEPARTMENT" ? "部门" : "街道（乡镇）"}</span>}
            <span className="ml-3">评价单位 {selected.raterCount} 个</span>
          </p>
          <div className="mt-4 grid gap-6 md:grid-cols-[360px_1fr]">
            <RadarChart axes={selected.indicators.filter((i) => !notApplicable(i)).map((i) => ({ name: i.name, share: i.share }))} />
            <table className="min-w-full self-start text-sm" data-testid="unit-indicators">
              <thead className="text-left text-slate-600"><tr><th className="py-1 font-medium">指标</th><th className="py-1 font-medium">计分权重</th><th className="py-1 font-medium">平均分</th><th className="py-1 font-medium">加权得分</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {selected.indicators.map((i) =>
                  notApplicable(i) ? (
                    <tr key={i.indicatorId}><td className="py-1">{i.name}</td><td className="py-1 text-slate-500" colSpan={3}>不适用（本年度无派单案件，权重已分摊到其余指标）</td></tr>
                  ) : (
                    <tr key={i.indicatorId}><td className="py-1">{i.name}</td><td className="py-1 tabular-nums">{i.weight == null ? "—" : fmt(i.weight)}</td><td className="py-1 tabular-nums">{fmt(i.mean)}</td><td className="py-1 tabular-nums">{fmt(i.weighted)}</td></tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          {view.comments && (
            <div className="mt-6" data-testid="comments-about-unit">
              <h3 className="mb-2 font-medium">评价单位的评语（不显示评价单位名称）</h3>
              {view.comments.length === 0 ? (
                <p className="text-sm text-slate-500">没有评价单位填写评语。</p>
              ) : (
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                  {view.comments.map((c, n) => <li key={n}>{c}</li>)}
                </ul>
              )}
            </div>
          )}
          {view.raters && (
            <div className="mt-6">
              <h3 className="mb-2 font-medium">各评价单位评分（仅编办可见）</h3>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm" data-testid="rater-scores">
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr><th className="px-2 py-1 font-medium">评价单位</th>{indicators.filter((i) => i.source === "RATED").map((i) => <th key={i.id} className="px-2 py-1 font-medium">{i.name}</th>)}<th className="px-2 py-1 font-medium">评语</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {view.raters.map((r) => (
                      <tr key={r.raterUnitId}>
                        <td className="px-2 py-1">{r.name} {!r.submitted && <Badge tone="amber">未提交，不计入</Badge>}{view.flagged?.some((f) => f.raterUnitId === r.raterUnitId) && <Badge tone="red">需关注</Badge>}</td>
                        {indicators.filter((i) => i.source === "RATED").map((i) => <td key={i.id} className="px-2 py-1 tabular-nums">{r.scores[i.id] ?? "—"}</td>)}
                        <td className="px-2 py-1 text-slate-600">{r.comment ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </section>
      )}

      {view.scope === "ALL" &&
        (["DEPARTMENT", "STREET"] as const).map((side) => {
          const rows = results.filter((r) => r.side === side);
          if (!rows.length) return null;
          const ranked = rows.filter((r) => r.total != null && r.rank != null).map((r) => ({ unitId: r.unitId, name: r.unitName, total: r.total!, rank: r.rank! }));
          return (
            <section key={side} aria-labelledby={`side-${side}`}>
              <h2 id={`side-${side}`} className="mb-2 text-lg font-semibold">{SIDE_LABEL[side]}排名</h2>
              {ranked.length > 0 && <div className="mb-3 rounded-lg border border-slate-200 bg-white p-3"><RankingChart rows={ranked} highlight={selected?.unitId} /></div>}
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="min-w-full text-sm" data-testid={`results-${side}`}>
                  <thead className="bg-slate-50 text-left text-slate-600">
                    <tr>
                      <th className="px-3 py-2 font-medium">排名</th>
                      <th className="px-3 py-2 font-medium">单位</th>
                      {indicators.map((i) => <th key={i.id} className="px-3 py-2 font-medium">{i.name}<div className="text-xs font-normal">权重 {i.weight}</div></th>)}
                      <th className="px-3 py-2 font-medium">总分</th>
                      <th className="px-3 py-2 font-medium">评价单位数</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((r) => (
                      <tr key={r.unitId} className={cx(r.unitId === selected?.unitId && "bg-amber-50")}>
                        <td className="px-3 py-2 tabular-nums">{r.rank ?? "—"}</td>
                        <td className="px-3 py-2"><Link className="text-brand-700 hover:underline" href={`/evaluation/${id}/results?unit=${r.unitId}`}>{r.unitName}</Link></td>
                        {r.indicators.map((i) => <td key={i.indicatorId} className="px-3 py-2 tabular-nums">{notApplicable(i) ? <span className="text-slate-500">不适用</span> : fmt(i.weighted)}</td>)}
                        <td className="px-3 py-2 font-medium tabular-nums">{fmt(r.total)}</td>
                        <td className="px-3 py-2 tabular-nums">{r.raterCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
    </div>
  );
}
