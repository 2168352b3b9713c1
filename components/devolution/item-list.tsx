"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { ItemRow } from "@/lib/devolution/queries";
import type { BulkResult } from "@/lib/devolution/commands";
import { proposeAction, respondAction } from "@/lib/devolution/actions";
import { proposeSchema, respondSchema } from "@/lib/devolution/schema";
import { RESPONSE_LABELS } from "@/lib/devolution/state";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { table } from "@/components/ui/table";
import { DecisionBadge, StateBadge } from "./badges";
import { EMPTY_PROPOSAL, ProposalFields, type ProposalValue } from "./proposal-fields";

export function bulkMessage(r: BulkResult): string {
  const parts = [`已更新 ${r.updated} 项`];
  if (r.unchanged) parts.push(`${r.unchanged} 项与原意见相同，未重复提交`);
  if (r.frozen) parts.push(`${r.frozen} 项已生成确认书或已锁定，未修改`);
  if (r.arbitrated) parts.push(`${r.arbitrated} 项已由编办裁决，未修改`);
  if (r.notReady) parts.push(`${r.notReady} 项部门尚未提出意见，未确认`);
  if (r.changedMeanwhile) parts.push(`${r.changedMeanwhile} 项部门刚刚修改了意见，请查看后再确认`);
  return `${parts.join("；")}。`;
}

type Mode = "department" | "street" | "view";

function selectable(row: ItemRow, mode: Mode) {
  if (mode === "view" || row.arbitrated || row.state === "IN_LETTER" || row.state === "LOCKED") return false;
  if (mode === "street") return row.proposal != null;
  return row.departmentId != null;
}

export function ItemList({
  roundId,
  rows,
  mode,
  showStreet,
  showDepartment,
  seenAt,
  empty,
  summary,
}: {
  roundId: number;
  rows: ItemRow[];
  mode: Mode;
  showStreet: boolean;
  showDepartment: boolean;
  seenAt: string;
  /** Shown instead of the table when there are no rows (the result of the last step stays above it). */
  empty: React.ReactNode;
  summary?: React.ReactNode;
}) {
  const router = useRouter();
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [panel, setPanel] = useState<"propose" | "disagree" | null>(null);
  const [proposal, setProposal] = useState<ProposalValue>(EMPTY_PROPOSAL);
  const [done, setDone] = useState<string | null>(null);
  const finish = (r: BulkResult) => {
    setDone(bulkMessage(r));
    setPicked(new Set());
    setPanel(null);
    setProposal(EMPTY_PROPOSAL);
    router.refresh();
  };
  // The selection travels as hidden `ids` fields of each form (agreeing asks first).
  const propose = useActionForm(proposeAction, { schema: proposeSchema, onSuccess: finish });
  const agree = useActionForm(respondAction, { schema: respondSchema, onSuccess: finish });
  const respond = useActionForm(respondAction, { schema: respondSchema, resetOnSuccess: true, onSuccess: finish });
  const pickable = useMemo(() => rows.filter((r) => selectable(r, mode)).map((r) => r.id), [rows, mode]);
  const allPicked = pickable.length > 0 && pickable.every((id) => picked.has(id));
  const ids = [...picked].filter((id) => pickable.includes(id));
  const busy = propose.pending || agree.pending || respond.pending;

  return (
    <div className="space-y-3">
      {done && <FormSuccess testId="bulk-result">{done}</FormSuccess>}
      {rows.length === 0 ? empty : summary}
      {rows.length > 0 && mode !== "view" && (
        <div className="sticky top-0 z-10 rounded-lg border border-slate-200 bg-white/95 p-3 shadow-sm backdrop-blur" data-testid="bulk-bar">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="mr-2 text-slate-600">已选 <strong className="tabular-nums">{ids.length}</strong> 项（可选 {pickable.length} 项）</span>
            {mode === "department" && (
              <button type="button" className={buttonClass.primary} disabled={!ids.length || busy} onClick={() => { setDone(null); setPanel(panel === "propose" ? null : "propose"); }} data-testid="open-propose">
                对选中事项提出意见
              </button>
            )}
            {mode === "street" && (
              <form id="bulk-agree" noValidate className="contents" {...agree.formProps} onSubmit={(e) => { setDone(null); agree.formProps.onSubmit(e); }}>
                <HiddenFields values={{ roundId, ids, seenAt, response: "AGREE" }} />
                <ConfirmButton
                  title="同意部门意见"
                  message={<>将同意所选 {ids.length} 项的部门意见（承接、暂缓或不承接及职责边界），这些事项即为「已达成一致」。</>}
                  confirmLabel="同意"
                  tone="primary"
                  disabled={!ids.length}
                  pending={agree.pending}
                  pendingLabel="正在提交…"
                  className={buttonClass.primary}
                  testId="agree-selected"
                  form="bulk-agree"
                >
                  同意选中事项
                </ConfirmButton>
                <button type="button" className={buttonClass.secondary} disabled={!ids.length || busy} onClick={() => { setDone(null); setPanel(panel === "disagree" ? null : "disagree"); }} data-testid="open-disagree">
                  不同意…
                </button>
              </form>
            )}
          </div>
          {panel === "propose" && (
            <form className="mt-3 space-y-3 border-t border-slate-200 pt-3" noValidate {...propose.formProps}>
              <HiddenFields values={{ roundId, ids }} />
              <FormError message={propose.error} />
              <ProposalFields value={proposal} onChange={setProposal} errors={propose.fieldErrors} prefix="bulk" schema={proposeSchema} />
              <p className="text-xs text-slate-500">将对所选 {ids.length} 项提出同样的意见；修改已提出的意见后，街道需要重新确认。</p>
              <div className="flex gap-2">
                <SubmitButton pending={propose.pending} data-testid="submit-propose">提交（{ids.length} 项）</SubmitButton>
                <button type="button" className={buttonClass.secondary} onClick={() => setPanel(null)}>取消</button>
              </div>
            </form>
          )}
          {panel === "disagree" && (
            <form className="mt-3 space-y-3 border-t border-slate-200 pt-3" noValidate {...respond.formProps}>
              <HiddenFields values={{ roundId, ids, seenAt, response: "DISAGREE" }} />
              <FormError message={respond.error && !respond.fieldErrors.reason ? respond.error : null} />
              <label htmlFor="bulk-disagree" className="block text-sm font-medium text-slate-700">
                不同意的理由<span className="text-red-600" aria-hidden>*</span>
              </label>
              <textarea {...respond.field("reason", undefined, "bulk-disagree")} rows={2} className={inputClass} />
              {respond.fieldErrors.reason && <p id="bulk-disagree-error" role="alert" className="text-xs text-red-600">{respond.fieldErrors.reason}</p>}
              <div className="flex gap-2">
                <SubmitButton pending={respond.pending} className={buttonClass.danger} data-testid="submit-disagree">不同意（{ids.length} 项）</SubmitButton>
                <button type="button" className={buttonClass.secondary} onClick={() => setPanel(null)}>取消</button>
              </div>
            </form>
          )}
          {!panel && <FormError message={agree.error} />}
        </div>
      )}

      {rows.length > 0 && <div className={table.wrapper}>
        <table className={table.table} data-testid="item-table">
          <caption className="sr-only">事项列表</caption>
          <thead className={table.thead}>
            <tr>
              {mode !== "view" && (
                <th scope="col" className={`${table.th} w-8`}>
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    aria-label="全选可操作的事项"
                    checked={allPicked}
                    disabled={!pickable.length}
                    onChange={(e) => setPicked(e.target.checked ? new Set(pickable) : new Set())}
                    data-testid="select-all"
                  />
                </th>
              )}
              <th scope="col" className={table.th}>序号</th>
              <th scope="col" className={`${table.th} min-w-[14rem]`}>事项</th>
              {showStreet && <th scope="col" className={table.th}>街道（乡镇）</th>}
              {showDepartment && <th scope="col" className={table.th}>部门</th>}
              <th scope="col" className={`${table.th} min-w-[14rem]`}>部门意见</th>
              <th scope="col" className={`${table.th} min-w-[10rem]`}>街道意见</th>
              <th scope="col" className={table.th}>状态</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {rows.map((r) => {
              const can = pickable.includes(r.id);
              return (
                <tr key={r.id} data-testid={`item-${r.id}`} className={picked.has(r.id) ? "bg-brand-50/60" : undefined}>
                  {mode !== "view" && (
                    <td className={table.td}>
                      <input
                        type="checkbox"
                        className="h-4 w-4"
                        aria-label={`选择 ${r.name}${showStreet ? `（${r.streetName}）` : ""}`}
                        disabled={!can}
                        checked={picked.has(r.id)}
                        onChange={(e) => {
                          const next = new Set(picked);
                          if (e.target.checked) next.add(r.id);
                          else next.delete(r.id);
                          setPicked(next);
                        }}
                      />
                    </td>
                  )}
                  <td className={`${table.td} tabular-nums text-slate-500`}>{r.seq}</td>
                  <td className={table.td}>
                    <Link href={`/devolution/rounds/${roundId}/items/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                    <span className="mt-0.5 block text-xs text-slate-500">{[r.code, r.powerType, r.domain].filter(Boolean).join(" · ")}</span>
                  </td>
                  {showStreet && <td className={`${table.td} whitespace-nowrap`}>{r.streetName}</td>}
                  {showDepartment && <td className={`${table.td} whitespace-nowrap`}>{r.departmentName ?? <span className="text-red-600">未分派</span>}</td>}
                  <td className={table.td}>
                    {r.proposal ? (
                      <>
                        <DecisionBadge decision={r.proposal} />
                        <span className="mt-1 line-clamp-2 block text-xs text-slate-600">
                          {r.proposal === "ACCEPT" ? `街道：${r.streetDuty ?? ""}` : `理由：${r.reason ?? ""}`}
                        </span>
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">尚未提出</span>
                    )}
                  </td>
                  <td className={table.td}>
                    {r.response ? (
                      <>
                        <span className={r.response === "AGREE" ? "text-emerald-700" : "font-medium text-red-700"}>{RESPONSE_LABELS[r.response]}</span>
                        {r.responseReason && <span className="mt-1 line-clamp-2 block text-xs text-slate-600">{r.responseReason}</span>}
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">—</span>
                    )}
                    {r.arbitrated && r.decision && <span className="mt-1 block"><DecisionBadge decision={r.decision} arbitrated /></span>}
                  </td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    <StateBadge state={r.state} />
                    {r.commentCount > 0 && <span className="ml-1 text-xs text-slate-500" title="留言数">留言 {r.commentCount}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>}
    </div>
  );
}
