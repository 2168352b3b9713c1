"use client";

import { useRouter } from "next/navigation";
import { reviewFilingAction } from "@/lib/filings/actions";
import { reviewFilingSchema } from "@/lib/filings/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

/** The city 编办's review of one 备案: 已备案, or returned with an opinion (required). */
export function FilingReviewForm({ id }: { id: number }) {
  const router = useRouter();
  const form = useActionForm(reviewFilingAction, { schema: reviewFilingSchema, onSuccess: () => router.refresh() });
  const { field, fieldErrors, pending } = form;
  const hint = "记录已备案时可不填；退回时必须写明意见，区县编办会收到通知。";
  return (
    <form noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" {...form.formProps} data-testid="filing-review">
      <h2 className="text-base font-semibold text-slate-800">审查</h2>
      <HiddenFields values={{ id }} />
      <FormError message={form.error} />
      <Field id="opinion" label="审查意见" error={fieldErrors.opinion} hint={hint}>
        <textarea {...field("opinion", hint)} rows={3} className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="FILED" className={buttonClass.primary} disabled={pending} data-testid="filing-accept">
          {pending ? "正在提交…" : "记录已备案"}
        </button>
        <button type="submit" name="decision" value="RETURNED" className={buttonClass.secondary} disabled={pending} data-testid="filing-return">
          退回意见
        </button>
      </div>
    </form>
  );
}
