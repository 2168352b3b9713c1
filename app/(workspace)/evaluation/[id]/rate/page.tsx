import Link from "next/link";
import { notFound, forbidden } from "next/navigation";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { raterPage } from "@/lib/evaluation/queries";
import { sheetDeadline } from "@/lib/evaluation/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { RatingGrid } from "@/components/evaluation/rating-grid";
import { formatDateTime } from "@/lib/format";
import { toDay } from "@/lib/calendar/workdays";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "本单位评分" };

export default async function RatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("evaluation.rate");
  const id = routeId((await params).id) ?? notFound();
  const form = await raterPage(id, user.unitId);
  if (!form) notFound();
  const { round } = form;
  if (!form.sheet || round.status === "DRAFT") forbidden();
  const deadline = sheetDeadline(round, form.sheet);
  const expired = deadline < toDay(new Date());
  const locked = form.sheet.status === "SUBMITTED" || round.status !== "OPEN" || expired;
  return (
    <div>
      <PageHeader
        title={`${round.title} · 本单位评分`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{user.unitName}{form.sheet.side === "STREET" ? "评价各部门" : "评价各街道（乡镇）"}</span>
            <span>截止 {deadline}{form.sheet.extendedTo ? "（已延期）" : ""}</span>
            {form.sheet.status === "SUBMITTED" ? (
              <Badge tone="green">已于 {formatDateTime(form.sheet.submittedAt)} 提交，已锁定</Badge>
            ) : expired ? (
              <Badge tone="red">已过截止日期，如需补评请联系编办延期</Badge>
            ) : (
              <Badge tone="amber">未提交</Badge>
            )}
          </span>
        }
        actions={<Link href="/evaluation" className="text-sm text-brand-700 hover:underline">返回考评列表</Link>}
      />
      {form.pairs.length === 0 ? (
        <EmptyState title="本单位在本次考评中没有需要评价的单位" />
      ) : (
        <RatingGrid
          roundId={id}
          locked={locked}
          indicators={form.indicators}
          pairs={form.pairs}
          scores={form.scores}
        />
      )}
      <p className="mt-4 text-xs text-slate-500">各项按整数打分，须在分值范围内。可随时保存草稿；提交后不能修改。各单位的具体评分仅编办可见，公布时只公布汇总得分和排名。</p>
    </div>
  );
}
