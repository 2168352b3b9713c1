"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { createAdmissionAction, updateAdmissionAction } from "@/lib/admission/actions";
import { KIND_LABELS, LEVEL_LABELS } from "@/lib/admission/labels";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { createAdmissionSchema, type AdmissionFields } from "@/lib/admission/schema";
import type { Action } from "@/lib/forms";

type Unit = { id: number; name: string; level: "STREET" | "COMMUNITY"; group: string };
export type AdmissionDefaults = Record<string, string> & { targetUnitIds?: number[] } ;

const TEXTS: { id: "content" | "authority" | "timeLimit" | "legalBasis" | "departmentDuty" | "localDuty"; label: string; rows: number; hint?: string }[] = [
  { id: "content", label: "事项内容", rows: 3, hint: "要街道（社区）具体做什么。" },
  { id: "authority", label: "赋予的权限", rows: 2, hint: "例如：巡查、劝导、信息采集；是否含处罚、强制等权力。" },
  { id: "timeLimit", label: "履职时限", rows: 1 },
  { id: "legalBasis", label: "法律法规及文件依据", rows: 2 },
  { id: "departmentDuty", label: "区级部门职责", rows: 2 },
  { id: "localDuty", label: "街道（社区）职责", rows: 2 },
];

export function AdmissionForm({ units, defaults, id }: { units: Unit[]; defaults?: AdmissionDefaults; id?: number }) {
  const router = useRouter();
  // One form over either action: a new application, or the revision of a returned one.
  // The update takes the same fields plus the hidden id; the form only ever sends FormData.
  const action = (id ? updateAdmissionAction : createAdmissionAction) as Action<AdmissionFields, { id: number }>;
  const form = useActionForm(action, {
    schema: createAdmissionSchema,
    onSuccess: (r) => router.push(id ? `/admission/${id}?saved=1` : `/admission/${r.id}?created=1`),
  });
  const { pending, error, fieldErrors, field } = form;
  const [level, setLevel] = useState<"STREET" | "COMMUNITY">((defaults?.level as "STREET" | "COMMUNITY") ?? "STREET");
  const [picked, setPicked] = useState<Set<number>>(new Set(defaults?.targetUnitIds ?? []));
  const shown = units.filter((u) => u.level === level);
  const groups = useMemo(() => {
    const m = new Map<string, Unit[]>();
    for (const u of shown) m.set(u.group, [...(m.get(u.group) ?? []), u]);
    return [...m.entries()];
  }, [shown]);
  const chosen = [...picked].filter((p) => shown.some((u) => u.id === p));
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(picked);
    for (const i of ids) (on ? next.add(i) : next.delete(i));
    setPicked(next);
  };

  const d = (k: string) => defaults?.[k] ?? "";

  return (
    <form {...form.formProps} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="admission-form">
      <HiddenFields values={{ id }} />
      <FormError message={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="title" label="事项名称" error={fieldErrors.title} required className="sm:col-span-2">
          <input {...field("title")} defaultValue={d("title")} className={inputClass} />
        </Field>
        <Field id="kind" label="准入事项类别" error={fieldErrors.kind} required>
          <select {...field("kind")} defaultValue={d("kind") || "DUTY"} className={inputClass}>
            {Object.entries(KIND_LABELS).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </select>
        </Field>
        <Field id="dutyType" label="事项类型" error={fieldErrors.dutyType} required hint="如：城市管理、安全生产、公共服务">
          <input {...field("dutyType", "hint")} defaultValue={d("dutyType")} className={inputClass} />
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={fieldErrors.targetUnitIds ? "targetUnitIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">下沉层级和承接单位<span className="ml-0.5 text-red-600" aria-hidden>*</span></legend>
        <div className="flex gap-4 text-sm">
          {(["STREET", "COMMUNITY"] as const).map((l) => (
            <label key={l} className="flex items-center gap-2">
              <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} className="h-4 w-4" />
              {LEVEL_LABELS[l]}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">已选 {chosen.length} 个单位。</p>
        {fieldErrors.targetUnitIds && <p id="targetUnitIds-error" role="alert" className="text-xs text-red-600">{fieldErrors.targetUnitIds}</p>}
        <div className="grid max-h-72 gap-2 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          {groups.map(([group, list]) => (
            <div key={group}>
              <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <input type="checkbox" className="h-4 w-4" checked={list.every((u) => picked.has(u.id))} onChange={(e) => toggle(list.map((u) => u.id), e.target.checked)} />
                {group}（全选）
              </label>
              <ul className="mt-1 space-y-1 pl-6">
                {list.map((u) => (
                  <li key={u.id}>
                    <label className="flex items-center gap-2 text-sm text-slate-700">
                      <input type="checkbox" name="targetUnitIds" value={u.id} className="h-4 w-4" checked={picked.has(u.id)} onChange={(e) => toggle([u.id], e.target.checked)} aria-label={u.name} />
                      {u.name}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>

      {TEXTS.map((t) => (
        <Field key={t.id} id={t.id} label={t.label} error={fieldErrors[t.id]} required hint={t.hint}>
          {t.rows === 1 ? (
            <input {...field(t.id, t.hint)} defaultValue={d(t.id)} className={inputClass} />
          ) : (
            <textarea {...field(t.id, t.hint)} defaultValue={d(t.id)} rows={t.rows} className={inputClass} />
          )}
        </Field>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="leadResponsibility" label="主体责任" error={fieldErrors.leadResponsibility} required hint="如：区城管局">
          <input {...field("leadResponsibility", "hint")} defaultValue={d("leadResponsibility")} className={inputClass} />
        </Field>
        <Field id="supportResponsibility" label="配合责任" error={fieldErrors.supportResponsibility} required hint="如：街道办事处">
          <input {...field("supportResponsibility", "hint")} defaultValue={d("supportResponsibility")} className={inputClass} />
        </Field>
        <Field id="fundingAmount" label="随事转移经费（元/每个单位/每年）" error={fieldErrors.fundingAmount} required hint="费随事转；不需要经费时填 0。">
          <input {...field("fundingAmount", "hint")} defaultValue={d("fundingAmount")} inputMode="decimal" className={inputClass} />
        </Field>
        <Field id="fundingSource" label="经费来源" error={fieldErrors.fundingSource} hint="如：区级财政预算">
          <input {...field("fundingSource", "hint")} defaultValue={d("fundingSource")} className={inputClass} />
        </Field>
        <Field id="staffing" label="人员力量测算" error={fieldErrors.staffing} required>
          <textarea {...field("staffing")} defaultValue={d("staffing")} rows={2} className={inputClass} />
        </Field>
        <Field id="workload" label="工作量测算" error={fieldErrors.workload} required>
          <textarea {...field("workload")} defaultValue={d("workload")} rows={2} className={inputClass} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">提交后可在申请详情页上传依据文件、测算说明等附件（PDF、Word 或图片，每个不超过 10 MB）。</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="admission-submit">
          {pending ? "正在提交…" : id ? "保存并重新提交" : "提交准入申请"}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => router.back()} disabled={pending}>取消</button>
      </div>
    </form>
  );
}
