"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideAdjustmentAction } from "@/lib/adjustments/actions";
import { decideSchema } from "@/lib/adjustments/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

/** 编办's decision on a change request: 同意调整 or 不予调整 (with the reason). */
export function DecideForm({ adjustmentId, version, pendingMembers }: { adjustmentId: number; version: number; pendingMembers: string[] }) {
  const router = useRouter();
  const form = useActionForm(decideAdjustmentAction, { schema: decideSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const [approve, setApprove] = useState<boolean | null>(null);
  const hint = approve === false ? "请写明不予调整的理由，申请单位会看到。" : "可写明联席会议的审核结论。";
  return (
    <form {...form.formProps} noValidate className="space-y-3" data-testid="decide-form">
      <HiddenFields values={{ adjustmentId, version }} />
      {pendingMembers.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">尚未提出意见的成员单位：{pendingMembers.join("、")}。</p>
      )}
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">决定</legend>
        <div className="flex flex-wrap gap-5">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="approve" value="true" checked={approve === true} onChange={() => setApprove(true)} className="h-4 w-4" />
            同意调整
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="approve" value="false" checked={approve === false} onChange={() => setApprove(false)} className="h-4 w-4" />
            不予调整
          </label>
        </div>
      </fieldset>
      <Field id="note" label="决定说明" error={fieldErrors.note} hint={hint}>
        <textarea {...form.field("note", hint)} rows={2} className={inputClass} />
      </Field>
      <FormError message={error && !fieldErrors.note ? error : null} />
      <SubmitButton pending={pending} disabled={approve === null} className={approve === false ? buttonClass.danger : buttonClass.primary}>
        提交决定
      </SubmitButton>
    </form>
  );
}
