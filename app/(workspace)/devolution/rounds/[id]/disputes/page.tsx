import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { formatDateTime } from "@/lib/format";
import { roundPage } from "@/lib/devolution/access";
import { listDisputes } from "@/lib/devolution/queries";
import { DecisionBadge } from "@/components/devolution/badges";
import { table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "异议裁决" };

export default async function DisputesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { round, manages } = await roundPage(id);
  if (!manages) forbidden();
  const rows = await listDisputes(round.id);
  const open = rows.filter((r) => !r.settled).length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        街道（乡镇）不同意部门意见、经沟通仍未一致的事项，由编办裁决。部门修改意见或街道改为同意后，事项会自动离开本列表。
        {open > 0 && <strong className="ml-1 text-red-700">待裁决 {open} 项。</strong>}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="目前没有异议">街道不同意部门意见时，会在这里列出，供编办裁决。</EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="disputes-table">
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>街道（乡镇）</th>
                <th scope="col" className={table.th}>部门</th>
                <th scope="col" className={`${table.th} min-w-[14rem]`}>事项</th>
                <th scope="col" className={`${table.th} min-w-[12rem]`}>部门意见</th>
                <th scope="col" className={`${table.th} min-w-[12rem]`}>街道理由</th>
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={table.th}>操作</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${table.td} whitespace-nowrap`}>{r.street.name}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{r.department?.shortName ?? r.department?.name}</td>
                  <td className={table.td}>{r.item.name}<span className="block text-xs text-slate-500">{r.item.powerType?.name}</span></td>
                  <td className={`${table.td} text-xs`}>{r.proposal && <DecisionBadge decision={r.proposal} />}<span className="mt-1 block">{r.reason}</span></td>
                  <td className={`${table.td} text-xs`}>{r.responseReason}<span className="mt-1 block text-slate-500">{formatDateTime(r.respondedAt)} · 留言 {r.commentCount}</span></td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    {r.settled && r.decision ? <><Badge tone="green">已裁决</Badge><span className="mt-1 block"><DecisionBadge decision={r.decision} arbitrated /></span></> : <Badge tone="red">待裁决</Badge>}
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    <Link href={`/devolution/rounds/${round.id}/items/${r.id}`} className={buttonClass.small}>{r.settled ? "查看" : "裁决"}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
