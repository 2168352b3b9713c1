"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { importChineseDaysAction, setCalendarDayAction } from "@/lib/calendar/actions";
import { setDaySchema } from "@/lib/calendar/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { SubmitButton, useActionForm } from "@/components/ui/form";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

export function SetDayForm({ defaultDate }: { defaultDate: string }) {
  const router = useRouter();
  const form = useActionForm(setCalendarDayAction, { schema: setDaySchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const done = form.ok && form.data && !pending ? `已保存 ${form.data.date}` : null;
  return (
    <form noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4" data-testid="set-day" {...form.formProps}>
      <div className="sm:col-span-4"><FormError message={error} />{done && <FormSuccess>{done}</FormSuccess>}</div>
      <Field id="date" label="日期" error={fieldErrors.date} required>
        <input type="date" {...form.field("date")} defaultValue={defaultDate} className={inputClass} />
      </Field>
      <Field id="kind" label="设为" error={fieldErrors.kind} required>
        <select {...form.field("kind")} className={inputClass}>
          <option value="HOLIDAY">法定节假日（休息）</option>
          <option value="WORKDAY">调休上班日</option>
          <option value="NORMAL">恢复正常（周一至周五上班）</option>
        </select>
      </Field>
      <Field id="name" label="名称" error={fieldErrors.name} hint="如：国庆节">
        <input {...form.field("name", "如：国庆节")} className={inputClass} />
      </Field>
      <div className="flex items-end"><SubmitButton pending={pending} pendingLabel="正在保存…">保存</SubmitButton></div>
    </form>
  );
}

export function ImportButton() {
  const router = useRouter();
  const { run, pending, error } = useAction(importChineseDaysAction);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      {done && <FormSuccess>{done}</FormSuccess>}
      <button type="button" className={buttonClass.secondary} disabled={pending} onClick={() => run({}, (r) => { setDone(r.added ? `已补充 ${r.added} 天` : "内置数据中没有新的日期"); router.refresh(); })}>
        {pending ? "正在导入…" : "从内置的国务院放假安排补充"}
      </button>
    </div>
  );
}
