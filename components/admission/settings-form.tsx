"use client";

import { useRouter } from "next/navigation";
import { saveSettingsAction } from "@/lib/admission/actions";
import { settingsSchema } from "@/lib/admission/schema";
import type { AdmissionSettings } from "@/lib/admission/settings";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

export function SettingsForm({ settings }: { settings: AdmissionSettings }) {
  const router = useRouter();
  const form = useActionForm(saveSettingsAction, { schema: settingsSchema, onSuccess: () => router.refresh() });
  const { field, fieldErrors } = form;
  return (
    <form noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" {...form.formProps} data-testid="admission-settings">
      <FormError message={form.error} />
      {form.ok && <FormSuccess>设置已保存。</FormSuccess>}
      <Field id="filingAuthority" label="备案机关" error={fieldErrors.filingAuthority} required hint="准入决定后报其备案的机关，如上级编办。备案时默认填入。">
        <input {...field("filingAuthority", "hint")} defaultValue={settings.filingAuthority} className={inputClass} />
      </Field>
      <Field id="appraisalExclusionMonths" label="评议时不参评的新准入事项（月）" error={fieldErrors.appraisalExclusionMonths} required hint="发起年度评议时，准入生效不满这么多个月的事项不参加当年评议；填 0 表示全部参评。">
        <input type="number" {...field("appraisalExclusionMonths", "hint")} defaultValue={settings.appraisalExclusionMonths} className={inputClass} />
      </Field>
      <SubmitButton pending={form.pending} pendingLabel="正在保存…">保存设置</SubmitButton>
    </form>
  );
}
