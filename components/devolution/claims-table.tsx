"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { claimAction, unclaimAction } from "@/lib/claims/actions";
import { unclaimSchema } from "@/lib/claims/schema";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { table } from "@/components/ui/table";

type Row = {
  id: number; seq: string | null; code: string | null; name: string; powerType: string | null;
  claim: { active: boolean; claimedAt: Date; claimedByName: string | null; unclaimedAt: Date | null; unclaimedByName: string | null; unclaimReason: string | null } | null;
};

export function ClaimsTable({ streetId, editionId, rows, editable }: { streetId: number; editionId: number; rows: Row[]; editable: boolean }) {
  const router = useRouter();
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogId = useId();
  const claim = useAction(claimAction);
  const unclaim = useActionForm(unclaimAction, {
    schema: unclaimSchema,
    resetOnSuccess: true,
    onSuccess: (r) => {
      dialog.current?.close();
      after(`已取消认领 ${r.unclaimed} 项。`);
    },
  });
  const ids = [...picked];
  const unclaimedCount = rows.filter((r) => !r.claim?.active).length;
  const after = (message: string) => {
    setDone(message);
    setPicked(new Set());
    router.refresh();
  };
  const toggle = (id: number, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  return (
    <div className="space-y-3">
      {done && <FormSuccess testId="claim-result">{done}</FormSuccess>}
      <FormError message={claim.error ?? (unclaim.fieldErrors.reason ? null : unclaim.error)} />
      {editable && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3">
          <ConfirmButton
            title="全部认领"
            message={<>将认领本清单全部 {rows.length} 项（其中 {unclaimedCount} 项尚未认领），作为本街道（乡镇）职权清单中的法定权力事项。</>}
            confirmLabel="全部认领"
            tone="primary"
            disabled={unclaimedCount === 0}
            pending={claim.pending}
            pendingLabel="正在认领…"
            className={buttonClass.primary}
            testId="claim-all"
            onConfirm={() => claim.run({ streetId, editionId, all: true }, (r) => after(`已认领 ${r.claimed} 项${r.already ? `，${r.already} 项此前已认领` : ""}。`))}
          >
            全部认领
          </ConfirmButton>
          <button type="button" className={buttonClass.secondary} disabled={!ids.length || claim.pending} onClick={() => claim.run({ streetId, editionId, itemIds: ids }, (r) => after(`已认领 ${r.claimed} 项${r.already ? `，${r.already} 项此前已认领` : ""}。`))}>
            认领选中（{ids.length}）
          </button>
          <button type="button" className={buttonClass.secondary} disabled={!ids.length || unclaim.pending} onClick={() => dialog.current?.showModal()} data-testid="open-unclaim">
            取消认领选中…
          </button>
        </div>
      )}
      <dialog ref={dialog} aria-labelledby={`${dialogId}-t`} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40">
        <form className="space-y-3 p-5" noValidate {...unclaim.formProps}>
          <HiddenFields values={{ streetId, editionId, itemIds: ids }} />
          <h2 id={`${dialogId}-t`} className="text-base font-semibold">取消认领</h2>
          <p className="text-sm text-slate-600">通用权责清单是街道依法履行的事项，原则上应当全部认领。取消认领须写明理由，编办可以看到。</p>
          <FormError message={unclaim.error && !unclaim.fieldErrors.reason ? unclaim.error : null} />
          <label htmlFor={`${dialogId}-r`} className="block text-sm font-medium">理由<span className="text-red-600" aria-hidden>*</span></label>
          <textarea {...unclaim.field("reason", undefined, `${dialogId}-r`)} rows={3} className={inputClass} />
          {unclaim.fieldErrors.reason && <p id={`${dialogId}-r-error`} role="alert" className="text-xs text-red-600">{unclaim.fieldErrors.reason}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass.secondary} onClick={() => dialog.current?.close()}>取消</button>
            <SubmitButton pending={unclaim.pending} className={buttonClass.danger}>取消认领</SubmitButton>
          </div>
        </form>
      </dialog>
      <div className={table.wrapper}>
        <table className={table.table} data-testid="claims-table">
          <thead className={table.thead}>
            <tr>
              {editable && (
                <th scope="col" className={`${table.th} w-8`}>
                  <input type="checkbox" className="h-4 w-4" aria-label="全选" checked={rows.length > 0 && rows.every((r) => picked.has(r.id))} onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
                </th>
              )}
              <th scope="col" className={table.th}>序号</th>
              <th scope="col" className={`${table.th} min-w-[16rem]`}>事项</th>
              <th scope="col" className={table.th}>权力类型</th>
              <th scope="col" className={`${table.th} min-w-[12rem]`}>认领情况</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`claim-${r.id}`}>
                {editable && (
                  <td className={table.td}>
                    <input type="checkbox" className="h-4 w-4" aria-label={`选择 ${r.name}`} checked={picked.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  </td>
                )}
                <td className={`${table.td} tabular-nums text-slate-500`}>{r.seq}</td>
                <td className={table.td}>{r.name}{r.code && <span className="block text-xs text-slate-500">{r.code}</span>}</td>
                <td className={`${table.td} whitespace-nowrap`}>{r.powerType}</td>
                <td className={`${table.td} text-xs`}>
                  {r.claim?.active ? (
                    <><Badge tone="green">已认领</Badge><span className="ml-1 text-slate-500">{r.claim.claimedByName} {formatDateTime(r.claim.claimedAt)}</span></>
                  ) : r.claim ? (
                    <><Badge tone="amber">已取消认领</Badge><span className="mt-1 block text-slate-600">理由：{r.claim.unclaimReason}（{r.claim.unclaimedByName} {formatDateTime(r.claim.unclaimedAt)}）</span></>
                  ) : (
                    <Badge tone="gray">未认领</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
