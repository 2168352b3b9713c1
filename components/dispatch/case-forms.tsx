"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { ConfirmDialog, useConfirmDialog } from "@/components/ui/confirm-button";
import { acceptCaseAction, escalateCaseAction, forwardCaseAction, handleCaseAction, replyCaseAction, reportCaseAction, rerouteCaseAction } from "@/lib/dispatch/actions";
import { MAX_CASE_FILES, acceptSchema, escalateSchema, forwardSchema, handleSchema, replySchema, reportSchema, rerouteSchema } from "@/lib/dispatch/schema";

type Opt = { id: number; name: string };

export function ReportForm({ departments, duties, now }: { departments: Opt[]; duties: (Opt & { departmentId: number | null })[]; now: string }) {
  const router = useRouter();
  const form = useActionForm(reportCaseAction, { schema: reportSchema, onSuccess: (d) => router.push(`/dispatch/${d.id}`) });
  const { pending, error, fieldErrors } = form;
  const [dept, setDept] = useState("");
  const fileHint = "PDF、Word 或图片，每个不超过 10 MB";
  const foundHint = "须在发现当日上报，晚于当日将标记为迟报";
  return (
    <form {...form.formProps} noValidate encType="multipart/form-data" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="dispatch-report-form">
      <Field id="localDutyId" label="属地管理事项" hint="选择后自动带出主管部门" error={fieldErrors.localDutyId}>
        <select {...form.field("localDutyId", "选择后自动带出主管部门")} className={inputClass} onChange={(e) => {
          const d = duties.find((x) => String(x.id) === e.target.value);
          if (d?.departmentId) setDept(String(d.departmentId));
        }}>
          <option value="">（不属于清单事项）</option>
          {duties.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <Field id="departmentId" label="接收部门" required error={fieldErrors.departmentId}>
        <select {...form.field("departmentId")} className={inputClass} value={dept} onChange={(e) => setDept(e.target.value)}>
          <option value="">请选择</option>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <Field id="title" label="问题概述（什么问题）" required error={fieldErrors.title}>
        <input {...form.field("title")} className={inputClass} />
      </Field>
      <Field id="location" label="发生地点" required error={fieldErrors.location}>
        <input {...form.field("location")} className={inputClass} />
      </Field>
      <Field id="foundAt" label="发现时间" required hint={foundHint} error={fieldErrors.foundAt}>
        <input {...form.field("foundAt", foundHint)} type="datetime-local" defaultValue={now} max={now} className={inputClass} />
      </Field>
      <Field id="files" label={`证据附件（选填，最多 ${MAX_CASE_FILES} 个）`} hint={fileHint} error={fieldErrors.files}>
        <input {...form.field("files", fileHint)} type="file" multiple accept=".pdf,.doc,.docx,.png,.jpg,.jpeg" className="text-sm" />
      </Field>
      <Field id="description" label="情况说明" required error={fieldErrors.description} className="sm:col-span-2">
        <textarea {...form.field("description")} rows={4} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel="正在上报…">上报部门</SubmitButton>
        <FormError message={error} testId="form-error" />
      </div>
    </form>
  );
}

export function ForwardForm({ streets, duties }: { streets: Opt[]; duties: (Opt & { unitId: number })[] }) {
  const router = useRouter();
  const form = useActionForm(forwardCaseAction, { schema: forwardSchema, onSuccess: (d) => router.push(`/dispatch/${d.id}`) });
  const { pending, error, fieldErrors } = form;
  const [street, setStreet] = useState("");
  const fileHint = "PDF、Word 或图片，每个不超过 10 MB";
  const dutyHint = "本部门在该街道属地管理事项清单中的事项";
  const streetDuties = duties.filter((d) => String(d.unitId) === street);
  return (
    <form {...form.formProps} noValidate encType="multipart/form-data" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="dispatch-forward-form">
      <Field id="streetId" label="承办街道（乡镇）" required error={fieldErrors.streetId}>
        <select {...form.field("streetId")} className={inputClass} value={street} onChange={(e) => setStreet(e.target.value)}>
          <option value="">请选择</option>
          {streets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <Field id="localDutyId" label="属地管理事项（选填）" hint={dutyHint} error={fieldErrors.localDutyId}>
        <select {...form.field("localDutyId", dutyHint)} className={inputClass} disabled={!street}>
          <option value="">（不属于清单事项）</option>
          {streetDuties.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </Field>
      <Field id="replyWorkdays" label="办理时限（工作日）" required error={fieldErrors.replyWorkdays}>
        <input {...form.field("replyWorkdays")} type="number" defaultValue={5} className={inputClass} />
      </Field>
      <Field id="title" label="投诉事项" required error={fieldErrors.title}>
        <input {...form.field("title")} className={inputClass} />
      </Field>
      <Field id="location" label="地点" required error={fieldErrors.location}>
        <input {...form.field("location")} className={inputClass} />
      </Field>
      <Field id="files" label={`附件（选填，最多 ${MAX_CASE_FILES} 个）`} hint={fileHint} error={fieldErrors.files} className="sm:col-span-2">
        <input {...form.field("files", fileHint)} type="file" multiple accept=".pdf,.doc,.docx,.png,.jpg,.jpeg" className="text-sm" />
      </Field>
      <Field id="description" label="投诉内容" required error={fieldErrors.description} className="sm:col-span-2">
        <textarea {...form.field("description")} rows={4} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel="正在转交…">转交街道</SubmitButton>
        <FormError message={error} testId="form-error" />
      </div>
    </form>
  );
}

/**
 * The one next step the user may take on a case, with a note where the step needs one: a form
 * over the step's action that only its confirmation submits (Enter in the field cannot skip it).
 */
export function CaseStep({ id, step }: { id: number; step: "accept" | "handle" | "reply" | "escalate" }) {
  const router = useRouter();
  const action = { accept: acceptCaseAction, handle: handleCaseAction, reply: replyCaseAction, escalate: escalateCaseAction }[step];
  const schema = { accept: acceptSchema, handle: handleSchema, reply: replySchema, escalate: escalateSchema }[step];
  const confirm = useConfirmDialog();
  const form = useActionForm(action as typeof handleCaseAction, {
    schema,
    resetOnSuccess: true,
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.refresh(),
  });
  const { pending, error, fieldErrors } = form;
  const meta = {
    accept: { field: "note", label: "接收说明（选填）", button: "接收移交", confirm: "确认接收该案件的正式移交？接收后由本部门负责办理。" },
    handle: { field: "result", label: "办理结果", button: "办结并告知街道", confirm: "确认办结？办理结果将通知街道，办结后不能修改。" },
    reply: { field: "result", label: "办理结果", button: "办结回复部门", confirm: "确认办结并回复部门？回复后不能修改。" },
    escalate: { field: "reason", label: "无法办理的理由", button: "上交部门", confirm: "确认本街道无法办理，上交部门？部门须在 3 个工作日内接收。" },
  }[step];
  const fid = `${step}-${meta.field}`;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <form {...form.formProps} noValidate className="space-y-2" data-testid={`case-step-${step}`}>
        <HiddenFields values={{ id }} />
        <Field id={fid} label={meta.label} required={step !== "accept"} error={fieldErrors[meta.field]}>
          <textarea {...form.field(meta.field as "result", undefined, fid)} rows={3} className={inputClass} />
        </Field>
        <SubmitButton pending={pending} pendingLabel="正在处理…" className={step === "escalate" ? buttonClass.secondary : buttonClass.primary}>
          {meta.button}
        </SubmitButton>
      </form>
      <ConfirmDialog dialogProps={confirm.dialogProps} title={meta.button} message={meta.confirm} confirmLabel={meta.button} tone="primary" />
      <FormError message={fieldErrors[meta.field] ? null : error} testId="form-error" />
    </div>
  );
}

/**
 * A department the case was wrongly sent to passes it to the right one, with a reason. Like the
 * steps, only the confirmation submits; the acceptance deadline restarts for the new department.
 */
export function RerouteForm({ id, departments }: { id: number; departments: Opt[] }) {
  const router = useRouter();
  const confirm = useConfirmDialog();
  const form = useActionForm(rerouteCaseAction, {
    schema: rerouteSchema,
    resetOnSuccess: true,
    confirm: (_data, proceed) => confirm.open(proceed),
    onSuccess: () => router.push("/dispatch"),
  });
  const { pending, error, fieldErrors } = form;
  const [target, setTarget] = useState("");
  const name = departments.find((d) => String(d.id) === target)?.name;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-slate-800">不属于本部门职责：改派其他部门</h3>
      <form {...form.formProps} noValidate className="space-y-3" data-testid="case-step-reroute">
        <HiddenFields values={{ id }} />
        <Field id="reroute-departmentId" label="应当接收的部门" required error={fieldErrors.departmentId}>
          <select {...form.field("departmentId", undefined, "reroute-departmentId")} className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">请选择</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </Field>
        <Field id="reroute-reason" label="改派理由" required error={fieldErrors.reason}>
          <textarea {...form.field("reason", undefined, "reroute-reason")} rows={2} className={inputClass} />
        </Field>
        <SubmitButton pending={pending} pendingLabel="正在改派…" className={buttonClass.secondary}>
          改派其他部门
        </SubmitButton>
      </form>
      <ConfirmDialog
        dialogProps={confirm.dialogProps}
        title="改派其他部门"
        message={`确认将该案件改派${name ? `「${name}」` : "所选部门"}？改派后本部门不再看到该案件，接收时限从今天起重新计算 3 个工作日。`}
        confirmLabel="改派"
        tone="primary"
      />
      <FormError message={fieldErrors.departmentId || fieldErrors.reason ? null : error} testId="form-error" />
    </div>
  );
}
