"use client";

import type { AnyAction } from "@/lib/forms";
import { useRouter } from "next/navigation";

import { publishSchema } from "@/lib/lists/schema";
import { publishAdjustmentSchema } from "@/lib/adjustments/schema";
import { inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";

/** The schema each kind of publication is checked against (a schema cannot be passed from a page). */
const SCHEMAS = { list: publishSchema, adjustment: publishAdjustmentSchema };

/**
 * 印发公布: 文号, dates and a note, then — once they are valid — a confirmation that names what
 * becomes public and that it cannot be changed afterwards.
 */
export function PublishForm({
  action,
  kind,
  input,
  today,
  summary,
  redirectTo,
}: {
  action: AnyAction;
  kind: keyof typeof SCHEMAS;
  input: Record<string, number>;
  today: string;
  summary: string;
  redirectTo: string;
}) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const form = useActionForm(action, {
    schema: SCHEMAS[kind],
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => {
      router.push(redirectTo);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const numberHint = "印发文件的文号，如「示例编发〔2026〕12号」。";
  const noteHint = "公开页面的版本记录中显示，如「首次公布」「根据机构改革调整」。";

  return (
    <div className="max-w-xl space-y-4" data-testid="publish-form">
      <form {...form.formProps} noValidate className="space-y-4">
        <HiddenFields values={input} />
        <Field id="documentNumber" label="文号" error={fieldErrors.documentNumber} hint={numberHint} required>
          <input {...form.field("documentNumber", numberHint)} autoComplete="off" className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="publishDate" label="公布日期" error={fieldErrors.publishDate} required>
            <input {...form.field("publishDate")} type="date" defaultValue={today} max={today} className={inputClass} />
          </Field>
          <Field id="effectiveDate" label="施行日期" error={fieldErrors.effectiveDate} required>
            <input {...form.field("effectiveDate")} type="date" defaultValue={today} className={inputClass} />
          </Field>
        </div>
        <Field id="note" label="说明（可选）" error={fieldErrors.note} hint={noteHint}>
          <textarea {...form.field("note", noteHint)} rows={2} className={inputClass} />
        </Field>
        <FormError message={error} />
        <SubmitButton pending={pending} pendingLabel="正在公布…" data-testid="publish-button">
          印发公布
        </SubmitButton>
      </form>
      <ConfirmDialog
        dialogProps={confirm.dialogProps}
        title="确认印发公布"
        message={
          <>
            <span className="block">{summary}</span>
            <span className="mt-2 block font-medium text-slate-800">公布后该版本即向社会公开，内容不能再修改；以后的变化须通过动态调整形成新版本。</span>
          </>
        }
        confirmLabel="确认公布"
        tone="primary"
      />
    </div>
  );
}
