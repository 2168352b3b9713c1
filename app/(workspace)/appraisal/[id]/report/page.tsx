import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { roundResults } from "@/lib/appraisal/queries";
import { resultText } from "@/lib/appraisal/export";
import { percent } from "@/lib/appraisal/satisfaction";
import { PrintButton } from "@/components/portal/print-button";
import { formatDate } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "评议情况通报" };

/** 评议情况通报: a printable summary of the round for circulation. */
export default async function AppraisalReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("appraisal.read");
  const id = routeId((await params).id) ?? notFound();
  const data = await roundResults(id, user.area?.unitIds);
  if (!data) notFound();
  const { round, rows, links, excluded } = data;
  const rated = rows.filter((r) => r.total > 0);
  const revoked = rows.filter((r) => resultText(r) === "撤销");
  const kept = rows.filter((r) => r.decision?.outcome === "KEPT");
  const surveys = links.filter((l) => l.usedAt).length;
  return (
    <article className="mx-auto max-w-4xl space-y-4 bg-white p-6 print:p-0" data-testid="appraisal-report">
      <div className="flex justify-end print:hidden"><PrintButton /></div>
      <h1 className="text-center text-2xl font-bold">关于{round.title}情况的通报</h1>
      <p className="leading-7">
        {round.year}年度准入事项评议{round.closedAt ? `已于${formatDate(round.closedAt)}结束` : `正在进行，截止${formatDate(round.closesOn)}`}。
        本轮共评议准入事项 {rows.length} 项{excluded ? `（准入生效不满 ${round.exclusionMonths} 个月的 ${excluded} 项不参评）` : ""}，
        其中 {rated.length} 项收到评价，收回一次性评议问卷 {surveys} 份。满意率（满意＋基本满意占全部评价的比例）不超过 50% 的事项，经编办逐项研究，
        撤销 {revoked.length} 项，说明理由保留 {kept.length} 项。
      </p>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="bg-slate-100">
            {["序号", "承接单位", "事项名称", "交办部门", "评价数", "满意率", "评议结果"].map((h) => <th key={h} className="border border-slate-400 px-2 py-1">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td className="border border-slate-400 px-2 py-1 text-center">{i + 1}</td>
              <td className="border border-slate-400 px-2 py-1">{r.unit.name}</td>
              <td className="border border-slate-400 px-2 py-1">{r.name}</td>
              <td className="border border-slate-400 px-2 py-1">{r.departmentName}</td>
              <td className="border border-slate-400 px-2 py-1 text-center">{r.total}</td>
              <td className="border border-slate-400 px-2 py-1 text-center">{percent(r.satisfaction)}</td>
              <td className="border border-slate-400 px-2 py-1">{resultText(r)}{r.decision?.note ? `：${r.decision.note}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pt-8 text-right">（编办盖章）</p>
      <p className="text-right">{formatDate(round.closedAt ?? new Date())}</p>
    </article>
  );
}
