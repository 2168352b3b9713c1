import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { mayEnter } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/format";
import { roundPage } from "@/lib/devolution/access";
import { listLetters, listPairs } from "@/lib/devolution/queries";
import { LetterStatusBadge, LETTER_STATUS_LABELS } from "@/components/devolution/badges";
import { GenerateLetterButton } from "@/components/devolution/letter-actions";
import { table } from "@/components/ui/table";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "确认书" };

const filterSchema = z.object({ status: z.enum(["PENDING", "CONFIRMED", "WITHDRAWN"]).optional().catch(undefined) });

export default async function LettersPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { user, round, scope } = await roundPage(id);
  const filter = filterSchema.parse(await searchParams);
  const scoped = scope.kind === "department" ? { departmentId: scope.departmentId } : scope.kind === "street" ? { streetId: scope.streetId } : { streetIds: scope.streetIds };
  const [letters, pairs] = await Promise.all([listLetters(round.id, scoped, filter.status), listPairs(round.id, scoped)]);
  const ready = pairs.filter((p) => p.departmentId != null && p.total > 0 && p.settled === p.total && !p.letter);
  const canGenerate = round.status === "OPEN" && mayEnter(user, "devolution.letter");
  const base = `/devolution/rounds/${round.id}/letters`;
  return (
    <div className="space-y-6">
      {ready.length > 0 && (
        <section aria-labelledby="ready-heading" className="rounded-lg border border-emerald-200 bg-emerald-50/50 p-4">
          <h2 id="ready-heading" className="text-base font-semibold">可以生成确认书（{ready.length}）</h2>
          <p className="mt-1 text-sm text-slate-600">以下街道（乡镇）与部门的事项已全部达成一致。生成后由双方分别在系统中确认。</p>
          <ul className="mt-3 divide-y divide-emerald-100" data-testid="ready-pairs">
            {ready.slice(0, 200).map((p) => (
              <li key={`${p.streetId}:${p.departmentId}`} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {p.streetName} × {p.departmentName}
                  <span className="ml-2 text-slate-500">{p.total} 项（承接 {p.accepted}，暂缓 {p.deferred}，不承接 {p.declined}）</span>
                </span>
                {canGenerate && <GenerateLetterButton roundId={round.id} streetId={p.streetId} departmentId={p.departmentId!} label={`${p.streetName} × ${p.departmentName}`} small />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="letters-heading">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
          <h2 id="letters-heading" className="text-lg font-semibold">赋权承接事项确认书</h2>
          <form method="get" action={base} className="flex items-end gap-2" aria-label="按状态筛选">
            <label htmlFor="status" className="sr-only">状态</label>
            <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">全部状态</option>
              {(["PENDING", "CONFIRMED", "WITHDRAWN"] as const).map((s) => <option key={s} value={s}>{LETTER_STATUS_LABELS[s]}</option>)}
            </select>
            <button type="submit" className={buttonClass.secondary}>筛选</button>
          </form>
        </div>
        {letters.length === 0 ? (
          <EmptyState title={filter.status ? "没有该状态的确认书" : "还没有生成确认书"}>
            某个街道（乡镇）与部门的事项全部达成一致后，任一方或编办都可以生成确认书。
          </EmptyState>
        ) : (
          <div className={table.wrapper}>
            <table className={table.table} data-testid="letters-table">
              <thead className={table.thead}>
                <tr>
                  <th scope="col" className={table.th}>文号</th>
                  <th scope="col" className={table.th}>街道（乡镇）</th>
                  <th scope="col" className={table.th}>部门</th>
                  <th scope="col" className={table.th}>事项</th>
                  <th scope="col" className={table.th}>部门确认</th>
                  <th scope="col" className={table.th}>街道确认</th>
                  <th scope="col" className={table.th}>状态</th>
                </tr>
              </thead>
              <tbody className={table.tbody}>
                {letters.map((l) => (
                  <tr key={l.id} data-testid={`letter-${l.documentNumber}`}>
                    <td className={`${table.td} whitespace-nowrap`}>
                      <Link href={`${base}/${l.id}`} className="font-medium text-brand-700 hover:underline">{l.documentNumber}</Link>
                    </td>
                    <td className={`${table.td} whitespace-nowrap`}>{l.street.name}</td>
                    <td className={table.td}>{l.department.name}</td>
                    <td className={`${table.td} whitespace-nowrap tabular-nums`}>{l.itemCount}（承接 {l.acceptedCount}）</td>
                    <td className={`${table.td} whitespace-nowrap text-xs`}>{l.departmentConfirmedAt ? <>{l.departmentConfirmedBy}<br />{formatDateTime(l.departmentConfirmedAt)}</> : <span className="text-slate-500">未确认</span>}</td>
                    <td className={`${table.td} whitespace-nowrap text-xs`}>{l.streetConfirmedAt ? <>{l.streetConfirmedBy}<br />{formatDateTime(l.streetConfirmedAt)}</> : <span className="text-slate-500">未确认</span>}</td>
                    <td className={table.td}><LetterStatusBadge status={l.status} departmentConfirmed={!!l.departmentConfirmedAt} streetConfirmed={!!l.streetConfirmedAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
