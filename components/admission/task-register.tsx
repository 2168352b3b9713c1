"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptTaskAction, refuseTaskAction, registerTaskAction } from "@/lib/refusals/actions";
import { refuseSchema, registerTaskSchema } from "@/lib/refusals/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { ActionButton } from "@/components/lists/action-button";
import { FormError } from "@/components/ui/form-messages";
import { ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";

export function RegisterTaskForm({ departments, today }: { departments: { id: number; name: string }[]; today: string }) {
  const router = useRouter();
  const form = useActionForm(registerTaskAction, {
    schema: registerTaskSchema,
    resetOnSuccess: true,
    onSuccess: (r) => {
      setResult(r);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const [result, setResult] = useState<{ checkResult: string; matchedDutyName: string | null } | null>(null);
  return (
    <form noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="register-task" {...form.formProps}>
      <h2 className="text-base font-semibold">登记收到的任务</h2>
      <p className="text-sm text-slate-600">登记后系统自动与本单位已准入的事项比对（按事项名称和交办部门）。未经准入的任务，可以依法拒绝。</p>
      <FormError message={error} />
      {result && (
        <p role="status" data-testid="check-result" className={`rounded-md px-3 py-2 text-sm ${result.checkResult === "ADMITTED" ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"}`}>
          {result.checkResult === "ADMITTED" ? `比对结果：与已准入事项「${result.matchedDutyName}」相符，应当承接。` : "比对结果：未找到相符的已准入事项，可在下方登记簿中拒绝。"}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="title" label="任务名称" error={fieldErrors.title} required className="sm:col-span-2">
          <input {...form.field("title")} className={inputClass} />
        </Field>
        <Field id="departmentId" label="交办部门" error={fieldErrors.departmentId} required>
          <select {...form.field("departmentId")} className={inputClass} defaultValue="">
            <option value="" disabled>请选择</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </Field>
        <Field id="receivedOn" label="收到日期" error={fieldErrors.receivedOn} required>
          <input type="date" {...form.field("receivedOn")} defaultValue={today} max={today} className={inputClass} />
        </Field>
        <Field id="description" label="任务说明（可选）" error={fieldErrors.description} className="sm:col-span-2">
          <textarea {...form.field("description")} rows={2} className={inputClass} />
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="正在比对…">登记并比对</SubmitButton>
    </form>
  );
}

export function TaskDecision({ id, title, admitted }: { id: number; title: string; admitted: boolean }) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const refuse = useActionForm(refuseTaskAction, {
    schema: refuseSchema,
    // Only the confirmation submits (Enter in the reason asks too).
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.refresh(),
  });
  const [open, setOpen] = useState(false);
  const err = refuse.fieldErrors.reason;
  return (
    <div className="space-y-2">
      <FormError message={refuse.error && !err ? refuse.error : null} />
      <div className="flex flex-wrap gap-2">
        <ActionButton action={acceptTaskAction} input={{ id }}>承接</ActionButton>
        {!admitted && (
          <button type="button" className={buttonClass.small} onClick={() => setOpen(!open)} aria-expanded={open} data-testid={`refuse-${id}`}>拒绝</button>
        )}
      </div>
      {open && (
        <div className="space-y-2">
          <form {...refuse.formProps} noValidate className="space-y-2">
            <HiddenFields values={{ id }} />
            <Field id={`reason-${id}`} label="拒绝理由" error={err} required>
              <textarea {...refuse.field("reason", undefined, `reason-${id}`)} rows={2} className={inputClass} />
            </Field>
            <SubmitButton pending={refuse.pending} pendingLabel="正在处理…" className={buttonClass.danger} data-testid={`confirm-refuse-${id}`}>
              提交拒绝
            </SubmitButton>
          </form>
          <ConfirmDialog
            dialogProps={confirm.dialogProps}
            title="确认拒绝该任务？"
            message={<p>「{title}」未经准入。拒绝后将记录在案，并告知交办部门和编办，不能撤回。</p>}
            confirmLabel="确认拒绝"
          />
        </div>
      )}
    </div>
  );
}
