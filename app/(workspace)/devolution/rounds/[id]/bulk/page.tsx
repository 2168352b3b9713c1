import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { roundPage } from "@/lib/devolution/access";
import { departmentItems, listPairs } from "@/lib/devolution/queries";
import { BulkProposal } from "@/components/devolution/bulk-proposal";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "批量答复" };

export default async function BulkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { round, scope } = await roundPage(id);
  if (scope.kind !== "department") forbidden();
  if (round.status !== "OPEN") return <EmptyState title="本轮已结束">已结束的承接确认不能再提出意见。</EmptyState>;
  const [items, pairs] = await Promise.all([departmentItems(round.id, scope.departmentId), listPairs(round.id, { departmentId: scope.departmentId })]);
  if (!items.length) return <EmptyState title="本轮没有分派给本部门的事项" />;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        同一事项在多数街道（乡镇）意见相同时，可在这里一次提出：选择事项和街道，填写意见后提交。个别街道不同的，再到「逐项答复」中单独修改。
      </p>
      <BulkProposal
        roundId={round.id}
        items={items}
        streets={pairs.map((p) => ({ id: p.streetId, name: p.streetName, district: p.district ?? "其他", pending: p.awaitingProposal, total: p.total }))}
      />
    </div>
  );
}
