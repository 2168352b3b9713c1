"use client";

import type { AnyAction } from "@/lib/forms";
import { useRouter } from "next/navigation";
import { useRef } from "react";

import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/admin/form-messages";
import { ConfirmButton } from "@/components/ui/confirm-button";

/**
 * 印发公布: 文号, dates and a note, then a confirmation that names what becomes public and that
 * it cannot be changed afterwards.
 */
export function PublishForm<I extends object>({
  action,
  input,
  today,
  summary,
  redirectTo,
}: {
  action: AnyAction;
  input: I;
  today: string;
  summary: string;
  redirectTo: string;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, error, fieldErrors } = useAction(action);
  const numberHint = "印发文件的文号，如「示例编发〔2026〕12号」。";
  const noteHint = "公开页面的版本记录中显示，如「首次公布」「根据机构改革调整」。";

  function publish() {
    const data = new FormData(form.current!);
    const text = (k: string) => String(data.get(k) ?? "");
    run({ ...input, documentNumber: text("documentNumber"), publishDate: text("publishDate"), effectiveDate: text("effectiveDate"), note: text("note") }, () => {
      router.push(redirectTo);
      router.refresh();
    });
  }

  return (
    // The confirmation dialog holds a form of its own, so it sits beside this one, not inside.
    <div className="max-w-xl space-y-4" data-testid="publish-form">
      <form ref={form} onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4">
        <Field id="documentNumber" label="文号" error={fieldErrors.documentNumber} hint={numberHint} required>
          <input {...describedBy("documentNumber", fieldErrors.documentNumber, numberHint)} autoComplete="off" className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="publishDate" label="公布日期" error={fieldErrors.publishDate} required>
            <input {...describedBy("publishDate", fieldErrors.publishDate)} type="date" defaultValue={today} max={today} className={inputClass} />
          </Field>
          <Field id="effectiveDate" label="施行日期" error={fieldErrors.effectiveDate} required>
            <input {...describedBy("effectiveDate", fieldErrors.effectiveDate)} type="date" defaultValue={today} className={inputClass} />
          </Field>
        </div>
        <Field id="note" label="说明（可选）" error={fieldErrors.note} hint={noteHint}>
          <textarea {...describedBy("note", fieldErrors.note, noteHint)} rows={2} className={inputClass} />
        </Field>
      </form>
      <FormError message={error} />
      <ConfirmButton
        title="确认印发公布"
        message={
          <>
            <span className="block">{summary}</span>
            <span className="mt-2 block font-medium text-slate-800">公布后该版本即向社会公开，内容不能再修改；以后的变化须通过动态调整形成新版本。</span>
          </>
        }
        confirmLabel="确认公布"
        tone="primary"
        onConfirm={publish}
        pending={pending}
        pendingLabel="正在公布…"
        className={buttonClass.primary}
        testId="publish-button"
      >
        印发公布
      </ConfirmButton>
    </div>
  );
}
