"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { openDevolutionRoundAction } from "@/lib/devolution/actions";
import { openDevolutionRoundSchema } from "@/lib/devolution/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

type Edition = { id: number; title: string; items: number };
type Street = { id: number; name: string; districtId: number; district: string; openRounds: { editionId: number; title: string }[] };

export function DevolutionRoundForm({
  editions,
  streets,
  defaults,
}: {
  editions: Edition[];
  streets: Street[];
  defaults: { title: string; deadline: string; documentPrefix: string; today: string };
}) {
  const router = useRouter();
  const form = useActionForm(openDevolutionRoundAction, {
    schema: openDevolutionRoundSchema,
    onSuccess: (r) => router.push(`/devolution/rounds/${r.id}?opened=1`),
  });
  const { pending, error, fieldErrors } = form;
  const [editionId, setEditionId] = useState(editions[0] ? String(editions[0].id) : "");
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const districts = useMemo(() => {
    const map = new Map<number, { id: number; name: string; streets: Street[] }>();
    for (const s of streets) {
      const d = map.get(s.districtId) ?? { id: s.districtId, name: s.district, streets: [] };
      d.streets.push(s);
      map.set(s.districtId, d);
    }
    return [...map.values()];
  }, [streets]);
  const busy = (s: Street) => s.openRounds.find((r) => String(r.editionId) === editionId);
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(picked);
    for (const id of ids) (on ? next.add(id) : next.delete(id));
    setPicked(next);
  };
  const selectable = (list: Street[]) => list.filter((s) => !busy(s)).map((s) => s.id);
  const edition = editions.find((e) => String(e.id) === editionId);
  const chosen = [...picked].filter((id) => !streets.find((s) => s.id === id && busy(s)));

  if (editions.length === 0) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">
        还没有已印发的赋权事项指导清单。请先在「赋权事项指导清单」中录入或导入清单并印发，再发起承接确认。
      </p>
    );
  }

  return (
    <form {...form.formProps} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate data-testid="round-form">
      <FormError message={error} />
      <Field id="title" label="本轮名称" error={fieldErrors.title} required hint="例如「2026年街道赋权承接确认」，会出现在确认书上。">
        <input {...form.field("title", "hint")} defaultValue={defaults.title} className={inputClass} />
      </Field>
      <Field id="editionId" label="赋权事项指导清单" error={fieldErrors.editionId} required>
        <select {...form.field("editionId")} value={editionId} onChange={(e) => setEditionId(e.target.value)} className={inputClass}>
          {editions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}（{e.items} 项）
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="deadline" label="截止日期" error={fieldErrors.deadline} required hint="逾期未完成的事项会在各方工作台标红提醒。">
          <input type="date" {...form.field("deadline", "hint")} defaultValue={defaults.deadline} min={defaults.today} className={inputClass} />
        </Field>
        <Field id="documentPrefix" label="确认书文号前缀" error={fieldErrors.documentPrefix} required hint={`文号形如「${defaults.documentPrefix}〔2026〕1号」。`}>
          <input {...form.field("documentPrefix", "hint")} defaultValue={defaults.documentPrefix} className={inputClass} />
        </Field>
      </div>

      <fieldset aria-describedby={fieldErrors.streetIds ? "streetIds-error" : "streetIds-hint"}>
        <legend className="text-sm font-medium text-slate-700">
          参加的街道（乡镇）<span className="ml-0.5 text-red-600" aria-hidden>*</span>
        </legend>
        <p id="streetIds-hint" className="mt-1 text-xs text-slate-500">
          可按区（县）整体选择，也可逐个勾选。已选 {chosen.length} 个
          {edition ? `，将生成 ${chosen.length * edition.items} 条待确认事项` : ""}。
        </p>
        {fieldErrors.streetIds && (
          <p id="streetIds-error" role="alert" className="mt-1 text-xs text-red-600">{fieldErrors.streetIds}</p>
        )}
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          {districts.map((d) => {
            const ids = selectable(d.streets);
            const all = ids.length > 0 && ids.every((id) => picked.has(id));
            return (
              <div key={d.id} className="rounded-md border border-slate-200 p-3">
                <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                  <input type="checkbox" className="h-4 w-4" checked={all} disabled={ids.length === 0} onChange={(e) => toggle(ids, e.target.checked)} data-testid={`district-${d.name}`} />
                  {d.name}（全部 {d.streets.length} 个）
                </label>
                <ul className="mt-2 grid gap-1 pl-6 sm:grid-cols-2">
                  {d.streets.map((s) => {
                    const b = busy(s);
                    return (
                      <li key={s.id}>
                        <label className={`flex items-start gap-2 text-sm ${b ? "text-slate-500" : "text-slate-700"}`}>
                          <input type="checkbox" className="mt-0.5 h-4 w-4" checked={picked.has(s.id) && !b} disabled={!!b} onChange={(e) => toggle([s.id], e.target.checked)} value={s.id} name="streetIds" aria-label={s.name} />
                          <span>
                            {s.name}
                            {b && <span className="block text-xs">已在「{b.title}」中</span>}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      </fieldset>

      <Field id="note" label="说明（可选）" error={fieldErrors.note} hint="给部门和街道的办理要求，会显示在本轮页面上。">
        <textarea {...form.field("note", "hint")} rows={3} className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在发起…" data-testid="open-round">
          发起承接确认
        </SubmitButton>
        <button type="button" className={buttonClass.secondary} onClick={() => router.back()} disabled={pending}>
          取消
        </button>
      </div>
    </form>
  );
}
