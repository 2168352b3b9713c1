import Link from "next/link";
import type { PairRow } from "@/lib/devolution/queries";
import { table } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/cx";
import { DecisionBar } from "./charts";
import { LetterStatusBadge } from "./badges";
import { GenerateLetterButton } from "./letter-actions";

/**
 * One line per street x department: counts, progress and the letter. `by` says which side the
 * list is for: a department sees its streets, a street its departments.
 */
export function PairTable({ roundId, pairs, by, canGenerate, open }: { roundId: number; pairs: PairRow[]; by: "street" | "department"; canGenerate: boolean; open: boolean }) {
  const base = `/devolution/rounds/${roundId}`;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="pair-table">
        <caption className="sr-only">{by === "street" ? "各街道（乡镇）进度" : "各部门进度"}</caption>
        <thead className={table.thead}>
          <tr>
            <th scope="col" className={table.th}>{by === "street" ? "街道（乡镇）" : "部门"}</th>
            <th scope="col" className={table.th}>事项</th>
            <th scope="col" className={`${table.th} min-w-[8rem]`}>进度</th>
            <th scope="col" className={table.th}>待部门答复</th>
            <th scope="col" className={table.th}>待街道确认</th>
            <th scope="col" className={table.th}>有异议</th>
            <th scope="col" className={table.th}>已一致</th>
            <th scope="col" className={table.th}>确认书</th>
            <th scope="col" className={table.th}>操作</th>
          </tr>
        </thead>
        <tbody className={table.tbody}>
          {pairs.map((p) => {
            const label = by === "street" ? p.streetName : p.departmentName;
            const filter = by === "street" ? `street=${p.streetId}` : p.departmentId ? `department=${p.departmentId}` : "";
            const ready = p.settled === p.total && p.total > 0 && !p.letter && p.departmentId != null;
            return (
              <tr key={`${p.streetId}:${p.departmentId}`} data-testid={`pair-${label}`}>
                <th scope="row" className={`${table.td} whitespace-nowrap text-left font-medium`}>
                  {label}
                  {by === "street" && p.district && <span className="block text-xs font-normal text-slate-500">{p.district}</span>}
                </th>
                <td className={`${table.td} tabular-nums`}>{p.total}</td>
                <td className={table.td}><DecisionBar counts={p} /></td>
                <td className={`${table.td} tabular-nums`}>{p.awaitingProposal || "—"}</td>
                <td className={`${table.td} tabular-nums`}>{p.awaitingResponse || "—"}</td>
                <td className={`${table.td} tabular-nums ${p.disputed ? "font-semibold text-red-700" : ""}`}>{p.disputed || "—"}</td>
                <td className={`${table.td} tabular-nums`}>{p.settled} / {p.total}</td>
                <td className={`${table.td} whitespace-nowrap`}>
                  {p.letter ? (
                    <Link href={`${base}/letters/${p.letter.id}`} className="space-y-1 hover:underline">
                      <span className="block text-xs text-slate-600">{p.letter.documentNumber}</span>
                      <LetterStatusBadge status={p.letter.status} departmentConfirmed={!!p.letter.departmentConfirmedAt} streetConfirmed={!!p.letter.streetConfirmedAt} />
                    </Link>
                  ) : ready ? (
                    <span className="text-xs text-emerald-700">可生成</span>
                  ) : (
                    <span className="text-xs text-slate-500">未到生成条件</span>
                  )}
                </td>
                <td className={`${table.td} whitespace-nowrap`}>
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`${base}/items?${filter}`} className={buttonClass.small}>查看事项</Link>
                    {ready && canGenerate && open && p.departmentId != null && (
                      <GenerateLetterButton roundId={roundId} streetId={p.streetId} departmentId={p.departmentId} label={`${p.streetName} × ${p.departmentName}`} small />
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
