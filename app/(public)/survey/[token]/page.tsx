import type { Metadata } from "next";
import { surveyByToken } from "@/lib/appraisal/queries";
import { RatingForm } from "@/components/admission/appraisal-forms";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "准入事项满意度评议", robots: { index: false } };

export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const data = await surveyByToken(token);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      {!data ? (
        <EmptyState title="评议链接无效">请核对链接是否完整，或联系发给您链接的工作人员。</EmptyState>
      ) : data.link.usedAt ? (
        <EmptyState title="该评议链接已经使用过">每个链接只能提交一次。感谢您的参与！</EmptyState>
      ) : data.link.round.status !== "OPEN" ? (
        <EmptyState title="本轮评议已结束">感谢您的关注。</EmptyState>
      ) : (
        <>
          <h1 className="text-xl font-semibold sm:text-2xl">{data.link.round.title}</h1>
          <p className="mt-1 mb-6 text-sm text-slate-500">
            {data.link.unit.name} · {data.link.label}。请对以下由上级部门交给本单位承担的事项逐项评价，评价仅用于改进工作。
          </p>
          {data.duties.length ? <RatingForm duties={data.duties} token={token} /> : <EmptyState title="本单位没有需要评议的事项" />}
        </>
      )}
    </main>
  );
}
