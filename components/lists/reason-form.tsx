"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import type { AnyAction, FieldLimits } from "@/lib/forms";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, limitProps, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

type Hidden = Record<string, string | number | boolean | null | undefined>;

/** One text field and a submit button: 退回理由, 备案编号, 撤回理由 … */
export function ReasonForm<I extends Hidden>({
  action,
  limits,
  input,
  field,
  label,
  hint,
  submitLabel,
  danger = false,
  multiline = true,
  extra,
  testId,
}: {
  action: AnyAction;
  /** The field's limits, read from the action's schema on the server (`limitsOf`). */
  limits?: FieldLimits;
  input: I;
  field: string;
  label: string;
  hint?: string;
  submitLabel: string;
  danger?: boolean;
  multiline?: boolean;
  extra?: Hidden;
  testId?: string;
}) {
  const router = useRouter();
  const id = useId().replace(/:/g, "");
  const form = useActionForm(action, { resetOnSuccess: true, onSuccess: () => router.refresh() });
  const { error, fieldErrors, pending } = form;
  const inputId = `${id}-${field}`;
  const props = { ...form.field(field, hint, inputId), ...limitProps(limits) };
  return (
    <form noValidate data-testid={testId} className="space-y-3" {...form.formProps}>
      <HiddenFields values={{ ...input, ...extra }} />
      <Field id={inputId} label={label} error={fieldErrors[field]} hint={hint}>
        {multiline ? <textarea {...props} rows={3} className={inputClass} /> : <input {...props} autoComplete="off" className={inputClass} />}
      </Field>
      <FormError message={error && !fieldErrors[field] ? error : null} />
      <SubmitButton pending={pending} className={danger ? buttonClass.danger : buttonClass.primary}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
