"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { proposeAction } from "@/lib/devolution/actions";
import { proposeSchema } from "@/lib/devolution/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HiddenFields, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { EMPTY_PROPOSAL, ProposalFields, type ProposalValue } from "./proposal-fields";
import { bulkMessage } from "./item-list";

type Item = { id: number; seq: string | null; code: string | null; name: string; powerType: string | null; domain: string | null };
type Street = { id: number; name: string; district: string; pending: number; total: number };

/** One proposal for many items in many streets: pick items, pick streets, say what is proposed. */
export function BulkProposal({ roundId, items, streets }: { roundId: number; items: Item[]; streets: Street[] }) {
  const router = useRouter();
  const [itemIds, setItemIds] = useState<Set<number>>(new Set());
  const [streetIds, setStreetIds] = useState<Set<number>>(new Set());
  const [type, setType] = useState("");
  const [domain, setDomain] = useState("");
  const [value, setValue] = useState<ProposalValue>(EMPTY_PROPOSAL);
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(proposeAction, {
    schema: proposeSchema,
    onSuccess: (r) => {
      setDone(bulkMessage(r));
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const types = [...new Set(items.map((i) => i.powerType).filter(Boolean))] as string[];
  const domains = [...new Set(items.map((i) => i.domain).filter(Boolean))] as string[];
  const visible = items.filter((i) => (!type || i.powerType === type) && (!domain || i.domain === domain));
  const districts = useMemo(() => {
    const map = new Map<string, Street[]>();
    for (const s of streets) map.set(s.district, [...(map.get(s.district) ?? []), s]);
    return [...map.entries()];
  }, [streets]);
  const toggle = (set: Set<number>, setter: (s: Set<number>) => void, ids: number[], on: boolean) => {
    const next = new Set(set);
    for (const id of ids) (on ? next.add(id) : next.delete(id));
    setter(next);
  };
  const count = itemIds.size * streetIds.size;

  // One form: the picked items and streets travel as hidden fields (a filter may hide picked
  // items), the proposal as the fields of ProposalFields; the confirm dialog submits it.
  return (
    <form id="bulk-proposal-form" noValidate className="space-y-5" {...form.formProps} onSubmit={(e) => { setDone(null); form.formProps.onSubmit(e); }}>
      <HiddenFields values={{ roundId, itemIds: [...itemIds], streetIds: [...streetIds] }} />
      {done && <FormSuccess testId="bulk-result">{done}</FormSuccess>}
      <FormError message={error} />
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="bulk-items">
        <h2 id="bulk-items" className="text-base font-semibold">第一步：选择事项（已选 {itemIds.size} / {items.length}）</h2>
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-slate-700">权力类型</span>
            <select className={inputClass} value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">全部</option>
              {types.map((t) => <option key={t}>{t}</option>)}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-slate-700">领域</span>
            <select className={inputClass} value={domain} onChange={(e) => setDomain(e.target.value)}>
              <option value="">全部</option>
              {domains.map((t) => <option key={t}>{t}</option>)}
            </select>
          </label>
          <button type="button" className={buttonClass.secondary} onClick={() => toggle(itemIds, setItemIds, visible.map((i) => i.id), true)}>选中下列全部</button>
          <button type="button" className={buttonClass.secondary} onClick={() => toggle(itemIds, setItemIds, visible.map((i) => i.id), false)}>取消下列选择</button>
        </div>
        {fieldErrors.itemIds && <p role="alert" className="mt-2 text-xs text-red-600">{fieldErrors.itemIds}</p>}
        <ul className="mt-3 max-h-80 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
          {visible.map((i) => (
            <li key={i.id}>
              <label className="flex items-start gap-2 px-3 py-2 text-sm hover:bg-slate-50">
                <input type="checkbox" className="mt-0.5 h-4 w-4" checked={itemIds.has(i.id)} onChange={(e) => toggle(itemIds, setItemIds, [i.id], e.target.checked)} />
                <span>
                  <span className="mr-1 tabular-nums text-slate-500">{i.seq}</span>{i.name}
                  <span className="block text-xs text-slate-500">{[i.code, i.powerType, i.domain].filter(Boolean).join(" · ")}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="bulk-streets">
        <h2 id="bulk-streets" className="text-base font-semibold">第二步：选择街道（乡镇）（已选 {streetIds.size} / {streets.length}）</h2>
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className={buttonClass.secondary} onClick={() => setStreetIds(new Set(streets.map((s) => s.id)))}>全部街道</button>
          <button type="button" className={buttonClass.secondary} onClick={() => setStreetIds(new Set(streets.filter((s) => s.pending > 0).map((s) => s.id)))}>仅有待答复事项的</button>
          <button type="button" className={buttonClass.secondary} onClick={() => setStreetIds(new Set())}>清空</button>
        </div>
        {fieldErrors.streetIds && <p role="alert" className="mt-2 text-xs text-red-600">{fieldErrors.streetIds}</p>}
        <div className="mt-3 grid gap-3 md:grid-cols-2">
          {districts.map(([name, list]) => {
            const all = list.every((s) => streetIds.has(s.id));
            return (
              <div key={name} className="rounded-md border border-slate-200 p-3">
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" className="h-4 w-4" checked={all} onChange={(e) => toggle(streetIds, setStreetIds, list.map((s) => s.id), e.target.checked)} />
                  {name}
                </label>
                <ul className="mt-2 grid gap-1 pl-6 sm:grid-cols-2">
                  {list.map((s) => (
                    <li key={s.id}>
                      <label className="flex items-start gap-2 text-sm">
                        <input type="checkbox" className="mt-0.5 h-4 w-4" checked={streetIds.has(s.id)} onChange={(e) => toggle(streetIds, setStreetIds, [s.id], e.target.checked)} />
                        <span>{s.name}<span className="block text-xs text-slate-500">待答复 {s.pending} / {s.total}</span></span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="bulk-proposal">
        <h2 id="bulk-proposal" className="mb-3 text-base font-semibold">第三步：提出意见</h2>
        <ProposalFields value={value} onChange={setValue} errors={fieldErrors} prefix="cross" schema={proposeSchema} />
        <div className="mt-4">
          <ConfirmButton
            title="批量提出意见"
            message={<>将对 {itemIds.size} 个事项 × {streetIds.size} 个街道（乡镇），共 {count} 条提出同样的意见。已生成确认书、已锁定或已由编办裁决的不会修改；修改已有意见的，街道需要重新确认。</>}
            confirmLabel="提交"
            tone="primary"
            disabled={count === 0 || !value.proposal}
            pending={pending}
            pendingLabel="正在提交…"
            className={buttonClass.primary}
            testId="submit-bulk"
            form="bulk-proposal-form"
          >
            提交（{count} 条）
          </ConfirmButton>
          {(count === 0 || !value.proposal) && <p className="mt-1 text-xs text-slate-500">请先选择事项、街道和承接意见。</p>}
        </div>
      </section>
    </form>
  );
}
