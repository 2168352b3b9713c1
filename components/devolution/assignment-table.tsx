"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignItemsAction } from "@/lib/devolution/actions";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { table } from "@/components/ui/table";

type Row = { itemId: number; seq: string | null; code: string | null; name: string; powerType: string | null; sourceDepartment: string | null; departmentId: number | null; manual: boolean };
type Department = { id: number; name: string };

const CLEAR_WARNING = "改派后，原部门在各街道已提出但尚未生成确认书的意见将被清空，由新部门重新答复；已生成确认书的保持不变。";

export function AssignmentTable({ roundId, rows, departments, open }: { roundId: number; rows: Row[]; departments: Department[]; open: boolean }) {
  const router = useRouter();
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error } = useAction(assignItemsAction);
  const ids = [...picked];
  const assign = (itemIds: number[], departmentId: string) => {
    setDone(null);
    run({ roundId, itemIds, departmentId: departmentId === "" ? null : Number(departmentId) }, (r) => {
      setDone(
        r.items === 0
          ? "所选事项已是该部门，无需改派。"
          : `已改派 ${r.items} 个事项${r.cleared ? `，清空了 ${r.cleared} 条原部门意见` : ""}${r.kept ? `，${r.kept} 条已生成确认书的保持不变` : ""}。`,
      );
      setPicked(new Set());
      router.refresh();
    });
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {done && <FormSuccess testId="assign-result">{done}</FormSuccess>}
      {open && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3">
          <span className="text-sm text-slate-600">已选 {ids.length} 个事项，改派给</span>
          <label htmlFor="bulk-department" className="sr-only">负责部门</label>
          <div className="min-w-[12rem] max-w-xs flex-1">
            <select id="bulk-department" className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">请选择部门</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
          <ConfirmButton
            title="批量改派部门"
            message={<>将把所选 {ids.length} 个事项改派给「{departments.find((d) => String(d.id) === target)?.name}」。{CLEAR_WARNING}</>}
            confirmLabel="改派"
            tone="primary"
            disabled={!ids.length || !target}
            pending={pending}
            className={buttonClass.primary}
            onConfirm={() => assign(ids, target)}
          >
            改派
          </ConfirmButton>
        </div>
      )}
      <div className={table.wrapper}>
        <table className={table.table} data-testid="assignment-table">
          <thead className={table.thead}>
            <tr>
              {open && (
                <th scope="col" className={`${table.th} w-8`}>
                  <input type="checkbox" className="h-4 w-4" aria-label="全选" checked={rows.length > 0 && rows.every((r) => picked.has(r.itemId))} onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => r.itemId)) : new Set())} />
                </th>
              )}
              <th scope="col" className={table.th}>序号</th>
              <th scope="col" className={`${table.th} min-w-[16rem]`}>事项</th>
              <th scope="col" className={table.th}>原实施部门</th>
              <th scope="col" className={`${table.th} min-w-[12rem]`}>负责答复的部门</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {rows.map((r) => (
              <tr key={r.itemId} className={r.departmentId == null ? "bg-red-50/60" : undefined}>
                {open && (
                  <td className={table.td}>
                    <input type="checkbox" className="h-4 w-4" aria-label={`选择 ${r.name}`} checked={picked.has(r.itemId)} onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(r.itemId);
                      else next.delete(r.itemId);
                      setPicked(next);
                    }} />
                  </td>
                )}
                <td className={`${table.td} tabular-nums text-slate-500`}>{r.seq}</td>
                <td className={table.td}>
                  {r.name}
                  <span className="block text-xs text-slate-500">{[r.code, r.powerType].filter(Boolean).join(" · ")}</span>
                </td>
                <td className={`${table.td} text-xs`}>{r.sourceDepartment ?? "—"}</td>
                <td className={table.td}>
                  {open ? (
                    <select
                      aria-label={`${r.name} 的负责部门`}
                      className={inputClass}
                      value={r.departmentId ?? ""}
                      disabled={pending}
                      onChange={(e) => {
                        if (window.confirm(`将「${r.name}」改派给「${e.target.selectedOptions[0]?.text}」？\n${CLEAR_WARNING}`)) assign([r.itemId], e.target.value);
                        else e.target.value = String(r.departmentId ?? "");
                      }}
                    >
                      <option value="">（未分派）</option>
                      {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                    </select>
                  ) : (
                    departments.find((d) => d.id === r.departmentId)?.name ?? "未分派"
                  )}
                  {r.manual && <span className="mt-0.5 block text-xs text-slate-500">编办已调整</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
