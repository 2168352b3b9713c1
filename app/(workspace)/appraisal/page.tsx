import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { rounds } from "@/lib/appraisal/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { OpenRoundForm } from "@/components/admission/appraisal-forms";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "准入事项评议" };

export default async function AppraisalPage() {
  const user = await requirePermission("appraisal.read");
  const list = await rounds(user);
  // A district 编办 opens its own district's round; the city's does not stand in its way.
  const own = list.filter((r) => r.areaUnitId === (user.area?.districtId ?? null));
  const year = new Date().getFullYear();
  return (
    <div className="space-y-6">
      <PageHeader title="准入事项年度评议" description="每年由承接单位工作人员和居民、辖区单位代表对已准入事项评价；满意率（满意＋基本满意）不过半数的事项，经编办确认后撤销。" />
      {can(user, "appraisal.manage") && !own.some((r) => r.year === year) && <OpenRoundForm year={year} />}
      {list.length === 0 ? (
        <EmptyState title="还没有发起评议">每年发起一次，评议对象是当时有效的全部准入事项。</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {list.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <span className="flex items-center gap-2">
                <Link href={`/appraisal/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                <span className="text-xs text-slate-500" data-testid="round-area">{r.areaUnit?.name ?? "全市"}</span>
              </span>
              <span className="text-sm text-slate-500">
                {r.status === "OPEN" ? <Badge tone="blue">进行中</Badge> : <Badge>已结束</Badge>} 截止 {formatDate(r.closesOn)} · {r._count.ratings} 份评价
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
