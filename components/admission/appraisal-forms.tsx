"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSurveyLinkAction, decideFlaggedDutyAction, openAppraisalRoundAction, rateDutiesAction, submitSurveyAction } from "@/lib/appraisal/actions";
import { decideFlaggedSchema, surveySubmitSchema } from "@/lib/appraisal/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";

export function OpenRoundForm({ year }: { year: number }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors } = useActionForm(openAppraisalRoundAction, { onSuccess: (r) => router.push(`/appraisal/${r.id}`) });
  return (
    <form noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" {...formProps}>
      <div className="sm:col-span-3"><FormError message={error} /></div>
      <Field id="year" label="评议年度" error={fieldErrors.year} required>
        <input {...describedBy("year", fieldErrors.year)} defaultValue={year} inputMode="numeric" className={inputClass} />
      </Field>
      <Field id="closesOn" label="截止日期" error={fieldErrors.closesOn} required>
        <input type="date" {...describedBy("closesOn", fieldErrors.closesOn)} defaultValue={`${year}-12-31`} className={inputClass} />
      </Field>
      <div className="flex items-end"><button className={buttonClass.primary} disabled={pending}>{pending ? "正在发起…" : "发起年度评议"}</button></div>
    </form>
  );
}

export function SurveyLinkForm({ roundId, units }: { roundId: number; units: { id: number; name: string }[] }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors } = useActionForm(createSurveyLinkAction, { onSuccess: (r) => { setLink(`${window.location.origin}/survey/${r.token}`); router.refresh(); } });
  const [link, setLink] = useState<string | null>(null);
  return (
    <form noValidate className="space-y-3" {...formProps}><HiddenFields values={{ roundId }} />
      <FormError message={error} />
      {link && (
        <FormSuccess testId="survey-link">
          评议链接（只显示这一次，只能提交一次，请复制后发给参与人）：<br />
          <code className="break-all">{link}</code>
        </FormSuccess>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="unitId" label="单位" error={fieldErrors.unitId} required>
          <select {...describedBy("unitId", fieldErrors.unitId)} className={inputClass}>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <Field id="label" label="参与人" error={fieldErrors.label} required hint="如：居民代表、辖区企业代表">
          <input {...describedBy("label", fieldErrors.label, "hint")} className={inputClass} maxLength={50} />
        </Field>
        <div className="flex items-end"><button className={buttonClass.secondary} disabled={pending}>{pending ? "正在生成…" : "生成一次性评议链接"}</button></div>
      </div>
    </form>
  );
}

/** 编办's decision on a flagged duty: revoke it (a new list version) or keep it, with a reason. */
export function FlaggedDecisionForm({ roundId, dutyId, name, unitName }: { roundId: number; dutyId: number; name: string; unitName: string }) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const form = useActionForm(decideFlaggedDutyAction, {
    schema: decideFlaggedSchema,
    // Only the confirmation submits (Enter in the reason asks too).
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.refresh(),
  });
  const { fieldErrors, field } = form;
  const [decision, setDecision] = useState<"REVOKE" | "KEEP">("REVOKE");
  return (
    <div className="space-y-1" data-testid={`decide-flagged-${dutyId}`}>
      <form {...form.formProps} noValidate className="space-y-1">
        <HiddenFields values={{ roundId, dutyId }} />
        <FormError message={form.error} />
        <div className="flex flex-wrap gap-3 text-sm">
          <label className="flex items-center gap-1"><input type="radio" name="decision" value="REVOKE" checked={decision === "REVOKE"} onChange={() => setDecision("REVOKE")} className="h-4 w-4" />撤销</label>
          <label className="flex items-center gap-1"><input type="radio" name="decision" value="KEEP" checked={decision === "KEEP"} onChange={() => setDecision("KEEP")} className="h-4 w-4" />保留</label>
        </div>
        <label className="sr-only" htmlFor={`note-${dutyId}`}>理由</label>
        <textarea {...field("note", undefined, `note-${dutyId}`)} rows={2} placeholder={decision === "KEEP" ? "保留的理由（必填）" : "撤销说明（必填）"} className={inputClass} />
        {fieldErrors.note && <p id={`note-${dutyId}-error`} role="alert" className="text-xs text-red-600">{fieldErrors.note}</p>}
        <SubmitButton
          pending={form.pending}
          pendingLabel="正在处理…"
          className={decision === "KEEP" ? buttonClass.secondary : buttonClass.danger}
          data-testid={`revoke-${dutyId}`}
        >
          {decision === "KEEP" ? "保留" : "确认撤销"}
        </SubmitButton>
      </form>
      <ConfirmDialog
        dialogProps={confirm.dialogProps}
        title={decision === "KEEP" ? "确认保留该准入事项？" : "确认撤销该准入事项？"}
        message={
          decision === "KEEP" ? (
            <p>「{name}」满意度未过半，将按您写明的理由保留在{unitName}的属地管理事项清单中。决定记录在案。</p>
          ) : (
            <p>「{name}」将从{unitName}的属地管理事项清单中移出，并公布新版本，交办部门会收到通知。评议和撤销记录永久保留。此操作不能撤回。</p>
          )
        }
        confirmLabel={decision === "KEEP" ? "确认保留" : "确认撤销"}
        tone={decision === "KEEP" ? "primary" : "danger"}
      />
    </div>
  );
}

const VALUES = [["SATISFIED", "满意"], ["BASIC", "基本满意"], ["DISSATISFIED", "不满意"]] as const;

type Duty = { id: number; name: string; departmentName: string; localDuty: string };

/** Rating form for an account (roundId) or a public survey link (token). */
export function RatingForm({ duties, roundId, token }: { duties: Duty[]; roundId?: number; token?: string }) {
  return token ? <SurveyRatingForm duties={duties} token={token} /> : <AccountRatingForm duties={duties} roundId={roundId as number} />;
}

function AccountRatingForm({ duties, roundId }: { duties: Duty[]; roundId: number }) {
  const router = useRouter();
  const form = useActionForm(rateDutiesAction, { onSuccess: () => router.refresh() });
  return <RatingFields form={form} duties={duties} hidden={{ roundId }} />;
}

function SurveyRatingForm({ duties, token }: { duties: Duty[]; token: string }) {
  // A survey link is spent: refreshing would replace the thank-you with "already used".
  const form = useActionForm(submitSurveyAction, { schema: surveySubmitSchema });
  return (
    <RatingFields form={form} duties={duties} hidden={{ token }}>
      <Field id="comment" label="意见和建议（可选）" error={form.fieldErrors.comment} hint="对这些事项或基层工作的意见，可不填。">
        <textarea {...form.field("comment", "hint")} rows={3} className={inputClass} />
      </Field>
    </RatingFields>
  );
}

function RatingFields({ form, duties, hidden, children }: { form: { formProps: object; pending: boolean; error: string | null; fieldErrors: Record<string, string>; ok: boolean }; duties: Duty[]; hidden: Record<string, string | number>; children?: React.ReactNode }) {
  const { pending, error, fieldErrors } = form;
  if (form.ok) return <FormSuccess testId="rating-done">评价已提交，感谢您的参与！</FormSuccess>;
  const missing = duties.some((_, i) => fieldErrors[`ratings.${i}.value`]);
  return (
    <form noValidate className="space-y-4" {...form.formProps}>
      <HiddenFields values={hidden} />
      <FormError message={missing ? "请为每个事项选择评价。" : error} />
      <ol className="space-y-3">
        {duties.map((d, i) => {
          const fieldError = fieldErrors[`ratings.${i}.value`];
          return (
            <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <fieldset aria-describedby={fieldError ? `rating-${d.id}-error` : undefined}>
                <legend className="font-medium">{i + 1}. {d.name}</legend>
                <p className="mt-1 text-xs text-slate-500">{d.departmentName} · {d.localDuty}</p>
                <input type="hidden" name={`ratings.${i}.dutyId`} value={d.id} />
                <div className="mt-2 flex flex-wrap gap-4 text-sm">
                  {VALUES.map(([v, l]) => (
                    <label key={v} className="flex items-center gap-2">
                      <input type="radio" name={`ratings.${i}.value`} value={v} className="h-4 w-4" />
                      {l}
                    </label>
                  ))}
                </div>
                {fieldError && <p id={`rating-${d.id}-error`} role="alert" className="mt-1 text-xs text-red-600">请选择评价</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {children}
      <button className={buttonClass.primary} disabled={pending}>{pending ? "正在提交…" : "提交评价"}</button>
      <p className="text-xs text-slate-500">评价提交后不能修改。</p>
    </form>
  );
}
