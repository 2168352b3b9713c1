import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listRounds } from "@/lib/evaluation/queries";
import { ROUND_STATUS_LABELS } from "@/lib/evaluation/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { NewRoundForm } from "@/components/evaluation/round-admin";
import { formatDate } from "@/lib/format";
import { toDay } from "@/lib/calendar/workdays";
import { roundInArea } from "@/lib/evaluation/policy";

export const metadata: Metadata = { title: "双向考评" };

const TONE = { DRAFT: "gray", OPEN: "blue", CLOSED: "amber", PUBLISHED: "green" } as const;

export default async function EvaluationPage() {
  const user = await requirePermission("evaluation.read");
  const rounds = await listRounds(user);
  const manage = can(user, "evaluation.manage");
  const year = new Date().getFullYear();
  return (
    <div>
      <PageHeader title="双向考评" description="每年由街道（乡镇）评价部门、部门评价街道（乡镇），编办汇总、排名并向参评单位公布结果。" />
      {manage && (
        <section className="mb-6">
          <h2 className="mb-2 text-base font-semibold">新建年度考评</h2>
          <NewRoundForm defaultYear={year} defaultClosesOn={toDay(new Date(Date.now() + 30 * 86_400_000))} />
        </section>
      )}
      {rounds.length === 0 ? (
        <EmptyState title="暂无考评">{manage ? "请先新建年度考评。" : "编办开始年度考评后，需要本单位评分或结果公布时会在这里列出。"}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="round-list">
          {rounds.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <Link href={`/evaluation/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  <Badge tone={TONE[r.status]}>{ROUND_STATUS_LABELS[r.status]}</Badge>
                  {(manage || r.areaUnit) && <span data-testid="round-area">{r.areaUnit ? r.areaUnit.name : "全市"}</span>}
                  <span>截止 {formatDate(r.closesOn)}</span>
                  {manage && <span>已提交 {r.submitted} / {r._count.sheets} 个单位</span>}
                  {r.mySheet && <span>本单位：{r.mySheet === "SUBMITTED" ? "已提交" : "未提交"}</span>}
                </div>
              </div>
              <div className="flex gap-2 text-sm">
                {r.status === "OPEN" && r.mySheet && <Link className="text-brand-700 hover:underline" href={`/evaluation/${r.id}/rate`}>{r.mySheet === "SUBMITTED" ? "查看本单位评分" : "去评分"}</Link>}
                {(r.status === "PUBLISHED" || (manage && roundInArea(user, r))) && r.status !== "DRAFT" && <Link className="text-brand-700 hover:underline" href={`/evaluation/${r.id}/results`}>{r.status === "PUBLISHED" ? "查看结果" : "查看汇总"}</Link>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
