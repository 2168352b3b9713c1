"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { createListAction } from "@/lib/lists/actions";
import { createListSchema } from "@/lib/lists/schema";
import { FORM_HINTS, FORM_LABELS } from "@/lib/lists/labels";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

type Unit = { id: number; name: string; parentName: string | null; forms: PowerListForm[] };

export function CreateListForm({ units }: { units: Unit[] }) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(units.length === 1 ? String(units[0].id) : "");
  const unit = units.find((u) => String(u.id) === unitId);
  const available = (["POWER", "DUTY"] as PowerListForm[]).filter((f) => !unit?.forms.includes(f));
  const [form, setForm] = useState<PowerListForm | "">("");
  const unitHint = "草案从该单位已认领的通用权责清单事项和已确认承接的赋权事项开始。";
  const titleHint = "不填则为「单位名称 + 清单样式」，如「东湖街道办事处职权清单」。";
  const action = useActionForm(createListAction, {
    schema: createListSchema,
    onSuccess: (r) => {
      router.push(`/lists/manage/${r.id}`);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = action;

  return (
    <form
      noValidate
      className="max-w-xl space-y-5"
      data-testid="create-list-form"
      {...action.formProps}
    >
      <Field id="unitId" label="编制单位" error={fieldErrors.unitId} hint={unitHint} required>
        <select {...action.field("unitId", unitHint)} value={unitId} onChange={(e) => setUnitId(e.target.value)} className={inputClass}>
          {units.length > 1 && <option value="">请选择街道、乡镇或社区</option>}
          {units.map((u) => (
            <option key={u.id} value={u.id} disabled={u.forms.length === 2}>
              {u.parentName ? `${u.parentName} · ` : ""}
              {u.name}
              {u.forms.length === 2 ? "（已有清单）" : ""}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          清单样式<span className="ml-0.5 text-red-600" aria-hidden>*</span>
        </legend>
        <div className="space-y-2">
          {(["POWER", "DUTY"] as PowerListForm[]).map((f) => (
            <label key={f} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-brand-600">
              <input type="radio" name="form" value={f} checked={form === f} disabled={!available.includes(f)} onChange={() => setForm(f)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="font-medium text-slate-900">{FORM_LABELS[f]}</span>
                {!available.includes(f) && <span className="ml-2 text-xs text-slate-500">（该单位已有）</span>}
                <span className="mt-0.5 block text-slate-500">{FORM_HINTS[f]}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.form && <p role="alert" className="mt-1 text-xs text-red-600">{fieldErrors.form}</p>}
      </fieldset>
      <Field id="title" label="清单名称（可选）" error={fieldErrors.title} hint={titleHint}>
        <input {...action.field("title", titleHint)} autoComplete="off" className={inputClass} />
      </Field>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在生成草案…">生成清单草案</SubmitButton>
        <Link href="/lists/manage" className={buttonClass.secondary}>
          取消
        </Link>
      </div>
    </form>
  );
}
