import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { openRoundForUnit } from "@/lib/appraisal/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { RatingForm } from "@/components/admission/appraisal-forms";

export const metadata: Metadata = { title: "参加评议" };

export default async function RatePage() {
  const user = await requirePermission("appraisal.rate");
  const data = await openRoundForUnit(user.id, user.unitId);
  const open = data?.duties.filter((d) => !d.rated) ?? [];
  return (
    <div className="max-w-3xl">
      <PageHeader title={data ? data.round.title : "准入事项评议"} description={`请对${user.unitName}承接的准入事项逐项评价。`} />
      {!data ? (
        <EmptyState title="当前没有进行中的评议">编办发起年度评议后，会在工作台提醒您。</EmptyState>
      ) : open.length === 0 ? (
        <EmptyState title={data.duties.length ? "您已完成本轮评价" : "本单位没有准入事项"}>感谢您的参与。</EmptyState>
      ) : (
        <RatingForm duties={open} roundId={data.round.id} />
      )}
    </div>
  );
}
