"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/admin/form-messages";

/** One text field and a submit button: 退回理由, 备案编号, 撤回理由 … */
export function ReasonForm<I extends object>({
  action,
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
  action: (input: I & Record<string, unknown>) => Promise<ActionResult<unknown>>;
  input: I;
  field: string;
  label: string;
  hint?: string;
  submitLabel: string;
  danger?: boolean;
  multiline?: boolean;
  extra?: Record<string, unknown>;
  testId?: string;
}) {
  const router = useRouter();
  const id = useId().replace(/:/g, "");
  const { run, pending, error, fieldErrors } = useAction(action);
  const [value, setValue] = useState("");
  const inputId = `${id}-${field}`;
  return (
    <form
      noValidate
      data-testid={testId}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ ...input, ...extra, [field]: value } as I & Record<string, unknown>, () => {
          setValue("");
          router.refresh();
        });
      }}
    >
      <Field id={inputId} label={label} error={fieldErrors[field]} hint={hint}>
        {multiline ? (
          <textarea {...describedBy(inputId, fieldErrors[field], hint)} value={value} onChange={(e) => setValue(e.target.value)} rows={3} className={inputClass} />
        ) : (
          <input {...describedBy(inputId, fieldErrors[field], hint)} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" className={inputClass} />
        )}
      </Field>
      <FormError message={error && !fieldErrors[field] ? error : null} />
      <button type="submit" disabled={pending} className={danger ? buttonClass.danger : buttonClass.primary}>
        {pending ? "正在提交…" : submitLabel}
      </button>
    </form>
  );
}
