"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { disburseAction } from "@/lib/funding/actions";
import { disburseSchema } from "@/lib/funding/schema";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { formatFen } from "@/lib/funding/money";

/** 登记拨付: money paid to a unit for one duty and year (a negative amount corrects an entry). */
export function DisburseForm({ localDutyId, year, today, remainingFen }: { localDutyId: number; year: number; today: string; remainingFen: number }) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const form = useActionForm(disburseAction, { schema: disburseSchema, resetOnSuccess: true, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const id = (k: string) => `${prefix}-${k}`;
  const amountHint = `单位：元，最多两位小数。本年尚可拨付 ${formatFen(Math.max(0, remainingFen))}；填负数为冲正。`;
  const remaining = Math.max(0, remainingFen);
  return (
    <form {...form.formProps} noValidate className="grid gap-3 sm:grid-cols-2" data-testid={`disburse-${localDutyId}`}>
      <HiddenFields values={{ localDutyId, year }} />
      <Field id={id("paidOn")} label="拨付日期" error={fieldErrors.paidOn} required>
        <input {...form.field("paidOn", undefined, id("paidOn"))} type="date" defaultValue={today} max={today} className={inputClass} />
      </Field>
      <Field id={id("amount")} label="拨付金额（元）" error={fieldErrors.amount} hint={amountHint} required>
        <input {...form.field("amount", amountHint, id("amount"))} inputMode="decimal" defaultValue={remaining ? (remaining / 100).toFixed(2) : ""} autoComplete="off" className={inputClass} />
      </Field>
      <Field id={id("documentNumber")} label="拨付文号" error={fieldErrors.documentNumber} hint="如「示财行〔2026〕15号」" required>
        <input {...form.field("documentNumber", "如「示财行〔2026〕15号」", id("documentNumber"))} autoComplete="off" className={inputClass} />
      </Field>
      <Field id={id("note")} label="说明（可选）" error={fieldErrors.note}>
        <input {...form.field("note", undefined, id("note"))} autoComplete="off" className={inputClass} />
      </Field>
      <div className="space-y-2 sm:col-span-2">
        <FormError message={error} />
        {form.ok && <FormSuccess>已登记拨付。</FormSuccess>}
        <SubmitButton pending={pending} pendingLabel="正在登记…">
          登记拨付
        </SubmitButton>
      </div>
    </form>
  );
}
