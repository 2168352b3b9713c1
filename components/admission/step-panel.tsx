"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  closeConsultationAction,
  consultAction,
  decideAdmissionAction,
  deleteAttachmentAction,
  fileAdmissionAction,
  initialReviewAction,
  recordOpinionAction,
  uploadAttachmentAction,
  withdrawAdmissionAction,
} from "@/lib/admission/actions";
import { OPINION_LABELS } from "@/lib/admission/labels";
import { consultSchema, decideSchema, fileSchema, initialReviewSchema, opinionSchema, uploadSchema } from "@/lib/admission/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { ConfirmButton, ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";
import { formatFileSize } from "@/lib/format";

function Box({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="space-y-3 rounded-lg border border-brand-100 bg-brand-50/40 p-4" data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Radios({ name, options, error }: { name: string; options: [string, string][]; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="sr-only">{name}</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {options.map(([v, l]) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" name={name} value={v} className="h-4 w-4" />
            {l}
          </label>
        ))}
      </div>
      {error && <p id={`${name}-error`} role="alert" className="mt-1 text-xs text-red-600">{error}</p>}
    </fieldset>
  );
}

export function InitialReviewForm({ id }: { id: number }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors, field } = useActionForm(initialReviewAction, { schema: initialReviewSchema, onSuccess: () => router.refresh() });
  return (
    <Box title="编办初审" testId="initial-review">
      <form noValidate className="space-y-3" {...formProps}><HiddenFields values={{ id }} />
        <FormError message={error} />
        <Radios name="decision" options={[["FORWARD", "初审通过，提交联席会议成员单位审查"], ["RETURN", "退回申请部门修改"]]} error={fieldErrors.decision} />
        <Field id="comment" label="初审意见" error={fieldErrors.comment} hint="退回修改时必填，写明需要补充或修改的内容。">
          <textarea {...field("comment", "hint")} rows={3} className={inputClass} />
        </Field>
        <button className={buttonClass.primary} disabled={pending}>{pending ? "正在提交…" : "提交初审结果"}</button>
      </form>
    </Box>
  );
}

export function OpinionForm({ id, units }: { id: number; units: { id: number; name: string; onBehalf: boolean }[] }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors, field } = useActionForm(recordOpinionAction, { schema: opinionSchema, onSuccess: () => router.refresh() });
  return (
    <Box title="联席审查意见" testId="opinion-form">
      <p className="text-sm text-slate-600">意见提交后不能修改。所有成员单位意见齐全后，自动进入征求街道（社区）意见环节。</p>
      <form noValidate className="space-y-3" {...formProps}><HiddenFields values={{ id }} />
        <FormError message={error} />
        <Field id="unitId" label="成员单位" error={fieldErrors.unitId} required>
          <select {...field("unitId")} className={inputClass}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}{u.onBehalf ? "（代为录入书面意见）" : ""}</option>
            ))}
          </select>
        </Field>
        <Radios name="opinion" options={Object.entries(OPINION_LABELS)} error={fieldErrors.opinion} />
        <Field id="body" label="意见内容" error={fieldErrors.body} required>
          <textarea {...field("body")} rows={3} className={inputClass} />
        </Field>
        {units.some((u) => u.onBehalf) && (
          <Field id="signatory" label="签署人" error={fieldErrors.signatory} hint="代为录入书面意见时必填：该成员单位在书面意见上签署的负责人姓名。">
            <input {...field("signatory", "hint")} className={inputClass} />
          </Field>
        )}
        <button className={buttonClass.primary} disabled={pending}>{pending ? "正在提交…" : "提交审查意见"}</button>
      </form>
    </Box>
  );
}

export function ConsultForm({ id, unitName }: { id: number; unitName: string }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors, field } = useActionForm(consultAction, { schema: consultSchema, onSuccess: () => router.refresh() });
  return (
    <Box title={`${unitName}的意见`} testId="consult-form">
      <p className="text-sm text-slate-600">请研究是否同意承接。不同意的，请写明理由，编办作出决定时会看到。</p>
      <form noValidate className="space-y-3" {...formProps}><HiddenFields values={{ id }} />
        <FormError message={error} />
        <Radios name="response" options={[["AGREE", "同意承接"], ["OBJECT", "提出异议"]]} error={fieldErrors.response} />
        <Field id="reason" label="理由" error={fieldErrors.reason} hint="提出异议时必填。">
          <textarea {...field("reason", "hint")} rows={3} className={inputClass} />
        </Field>
        <button className={buttonClass.primary} disabled={pending}>{pending ? "正在提交…" : "提交意见"}</button>
      </form>
    </Box>
  );
}

export function CloseConsultationButton({ id, silent }: { id: number; silent: number }) {
  const router = useRouter();
  const { run, pending, error } = useAction(closeConsultationAction);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <ConfirmButton
        title="结束征求意见？"
        message={<p>还有 {silent} 个单位未反馈，结束后记为「未反馈」，申请进入编办决定环节。此操作不能撤回。</p>}
        confirmLabel="结束征求意见"
        tone="primary"
        pending={pending}
        onConfirm={() => run({ id, note: "" }, () => router.refresh())}
        testId="close-consultation"
      >
        结束征求意见
      </ConfirmButton>
    </div>
  );
}

export function DecideForm({ id, objections }: { id: number; objections: { unitId: number; unitName: string; reason: string | null }[] }) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const action = useActionForm(decideAdmissionAction, {
    schema: decideSchema,
    // Only the confirmation submits (Enter in a field asks too).
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.refresh(),
  });
  const { pending, error, fieldErrors, field } = action;
  const [decision, setDecision] = useState("");
  return (
    <Box title="编办决定" testId="decide-form">
      {objections.length > 0 && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">有 {objections.length} 个单位提出异议，请在作出决定前研究。异议成立的单位不承接该事项（部分准入）。</p>}
      <form
        {...action.formProps}
        noValidate
        className="space-y-3"
        onChange={(e) => { const t = e.target as unknown as HTMLInputElement; if (t.name === "decision") setDecision(t.value); }}>
        <HiddenFields values={{ id }} />
        <FormError message={error} />
        <Radios name="decision" options={[["ADMIT", "准入"], ["REFUSE", "不予准入"]]} error={fieldErrors.decision} />
        <Field id="approvalDocNo" label="联审文号" error={fieldErrors.approvalDocNo} required hint="如：示编准〔2026〕5号">
          <input {...field("approvalDocNo", "hint")} className={inputClass} />
        </Field>
        <Field id="note" label="决定说明" error={fieldErrors.note} hint="不予准入时必填。">
          <textarea {...field("note", "hint")} rows={2} className={inputClass} />
        </Field>
        {objections.length > 0 && decision !== "REFUSE" && (
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="objections">
            <legend className="px-1 text-sm font-medium text-slate-700">逐个单位决定：异议是否成立</legend>
            {objections.map((o, i) => (
              <div key={o.unitId} className="space-y-2 border-b border-slate-100 pb-3 last:border-0 last:pb-0" data-testid={`objection-${o.unitId}`}>
                <input type="hidden" name={`objections.${i}.unitId`} value={o.unitId} />
                <p className="text-sm"><span className="font-medium">{o.unitName}</span> 的异议：{o.reason}</p>
                <div className="flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-2"><input type="radio" name={`objections.${i}.upheld`} value="false" defaultChecked className="h-4 w-4" />异议不成立，承接</label>
                  <label className="flex items-center gap-2"><input type="radio" name={`objections.${i}.upheld`} value="true" className="h-4 w-4" />异议成立，不承接</label>
                </div>
                {fieldErrors[`objections.${i}.upheld`] && <p role="alert" className="text-xs text-red-600">{fieldErrors[`objections.${i}.upheld`]}</p>}
                <Field id={`objections.${i}.reason`} label={`${o.unitName}：异议成立的理由`} error={fieldErrors[`objections.${i}.reason`]} hint="异议成立时必填，记入决定。">
                  <textarea {...field(`objections.${i}.reason`, "hint")} rows={2} className={inputClass} />
                </Field>
              </div>
            ))}
          </fieldset>
        )}
        <SubmitButton pending={pending} pendingLabel="正在处理…" data-testid="decide-submit">
          作出决定
        </SubmitButton>
      </form>
      <ConfirmDialog
        dialogProps={confirm.dialogProps}
        title={decision === "REFUSE" ? "确认不予准入？" : "确认准入？"}
        message={<p>{decision === "REFUSE" ? "申请将结束，部门不得向街道（社区）交办该事项。" : "准入后需报备案，备案后事项进入承接单位的属地管理事项清单。"}决定作出后不能撤回。申请部门会收到通知。</p>}
        confirmLabel="确认决定"
        tone={decision === "REFUSE" ? "danger" : "primary"}
      />
    </Box>
  );
}

export function FileForm({ id, today, filingAuthority }: { id: number; today: string; filingAuthority: string }) {
  const router = useRouter();
  const { formProps, pending, error, fieldErrors, field } = useActionForm(fileAdmissionAction, { schema: fileSchema, onSuccess: () => router.refresh() });
  return (
    <Box title={`报${filingAuthority}备案`} testId="file-form">
      <p className="text-sm text-slate-600">录入备案信息后准入生效，事项自动进入各承接单位的属地管理事项清单并公布新版本。</p>
      <form noValidate className="grid gap-3 sm:grid-cols-3" {...formProps}><HiddenFields values={{ id }} />
        <div className="sm:col-span-3"><FormError message={error} /></div>
        <Field id="filingNumber" label="备案号" error={fieldErrors.filingNumber} required>
          <input {...field("filingNumber")} className={inputClass} />
        </Field>
        <Field id="filingAuthority" label="备案机关" error={fieldErrors.filingAuthority} required>
          <input {...field("filingAuthority")} defaultValue={filingAuthority} className={inputClass} />
        </Field>
        <Field id="filedOn" label="备案日期" error={fieldErrors.filedOn} required>
          <input type="date" {...field("filedOn")} defaultValue={today} className={inputClass} />
        </Field>
        <div className="sm:col-span-3">
          <button className={buttonClass.primary} disabled={pending}>{pending ? "正在提交…" : "备案并生效"}</button>
        </div>
      </form>
    </Box>
  );
}

export function ApplicantActions({ id }: { id: number }) {
  const router = useRouter();
  const { run, pending, error } = useAction(withdrawAdmissionAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={`/admission/${id}/edit`} className={buttonClass.primary}>修改申请</a>
      <ConfirmButton title="撤回这份申请？" message="撤回后申请结束，不能恢复；需要时请重新申请。" confirmLabel="撤回申请" pending={pending} onConfirm={() => run({ id }, () => router.refresh())}>
        撤回申请
      </ConfirmButton>
      <FormError message={error} />
    </div>
  );
}

export function Attachments({ id, files, editable }: { id: number; files: { id: number; fileName: string; size: number; uploadedByName: string }[]; editable: boolean }) {
  const router = useRouter();
  const del = useAction(deleteAttachmentAction);
  const [done, setDone] = useState<string | null>(null);
  const up = useActionForm(uploadAttachmentAction, {
    schema: uploadSchema,
    resetOnSuccess: true,
    onSuccess: (r) => {
      setDone(`已上传「${r.fileName}」`);
      router.refresh();
    },
  });
  return (
    <div className="space-y-2">
      {files.length === 0 ? (
        <p className="text-sm text-slate-500">暂无附件。</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <a href={`/api/admission/attachments/${f.id}`} className="font-medium text-brand-700 hover:underline" download>{f.fileName}</a>
              <span className="text-xs text-slate-500">{formatFileSize(f.size)} · {f.uploadedByName}</span>
              {editable && (
                <ConfirmButton title="删除附件？" message={`删除「${f.fileName}」后不能恢复。`} confirmLabel="删除" className={buttonClass.small} pending={del.pending} onConfirm={() => del.run({ attachmentId: f.id }, () => router.refresh())}>
                  删除
                </ConfirmButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="space-y-2"
          encType="multipart/form-data"
          {...up.formProps}
        >
          <HiddenFields values={{ admissionId: id }} />
          <FormError message={up.fieldErrors.file ?? up.error ?? del.error} />
          {done && <FormSuccess>{done}</FormSuccess>}
          <label htmlFor="attachment" className="block text-sm font-medium text-slate-700">上传附件</label>
          <div className="flex flex-wrap gap-2">
            <input id="attachment" name="file" type="file" accept=".pdf,.doc,.docx,.png,.jpg,.jpeg" className="text-sm" aria-describedby="attachment-hint" aria-invalid={up.fieldErrors.file ? true : undefined} />
            <button className={buttonClass.secondary} disabled={up.pending}>{up.pending ? "正在上传…" : "上传"}</button>
          </div>
          <p id="attachment-hint" className="text-xs text-slate-500">PDF、Word（.doc/.docx）或图片（.png/.jpg），每个不超过 10 MB。</p>
        </form>
      )}
    </div>
  );
}
