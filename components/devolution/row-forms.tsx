"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DevolutionDecision, DevolutionResponse } from "@/lib/generated/prisma/enums";
import { arbitrateAction, commentAction, proposeAction, respondAction } from "@/lib/devolution/actions";
import { arbitrateSchema, commentSchema, proposeSchema, respondSchema } from "@/lib/devolution/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";
import { ProposalFields, type ProposalValue } from "./proposal-fields";
import { bulkMessage } from "./item-list";

export function ProposalForm({ roundId, id, initial }: { roundId: number; id: number; initial: ProposalValue }) {
  const router = useRouter();
  const [value, setValue] = useState<ProposalValue>(initial);
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(proposeAction, {
    schema: proposeSchema,
    onSuccess: (r) => {
      setDone(r.updated ? "意见已提交，等待街道（乡镇）确认。" : bulkMessage(r));
      router.refresh();
    },
  });
  return (
    <form noValidate className="space-y-4" data-testid="proposal-form" {...form.formProps} onSubmit={(e) => { setDone(null); form.formProps.onSubmit(e); }}>
      <HiddenFields values={{ roundId, ids: [id] }} />
      <FormError message={form.error} />
      {done && <FormSuccess testId="proposal-saved">{done}</FormSuccess>}
      <ProposalFields value={value} onChange={setValue} errors={form.fieldErrors} prefix="one" schema={proposeSchema} />
      <SubmitButton pending={form.pending} data-testid="submit-proposal">
        {initial.proposal ? "修改意见" : "提交意见"}
      </SubmitButton>
      {initial.proposal && <p className="text-xs text-slate-500">修改后街道（乡镇）需要重新确认。</p>}
    </form>
  );
}

export function ResponseForm({ roundId, id, current, seenAt }: { roundId: number; id: number; current: { response: DevolutionResponse | null; reason: string | null }; seenAt: string }) {
  const router = useRouter();
  const [response, setResponse] = useState<DevolutionResponse | "">(current.response ?? "");
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(respondAction, {
    schema: respondSchema,
    onSuccess: (r, submitted) => {
      const answer = submitted?.get("response") ?? response;
      setDone(r.updated ? (answer === "AGREE" ? "已同意，该事项已达成一致。" : "已提交不同意意见，部门将收到提醒。") : bulkMessage(r));
      router.refresh();
    },
  });
  const { fieldErrors } = form;
  return (
    <form noValidate className="space-y-3" data-testid="response-form" {...form.formProps} onSubmit={(e) => { setDone(null); form.formProps.onSubmit(e); }}>
      <HiddenFields values={{ roundId, ids: [id], seenAt }} />
      <FormError message={form.error && !fieldErrors.reason ? form.error : null} />
      {done && <FormSuccess testId="response-saved">{done}</FormSuccess>}
      <fieldset aria-describedby={fieldErrors.response ? "response-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">街道（乡镇）意见<span className="text-red-600" aria-hidden>*</span></legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["AGREE", "DISAGREE"] as const).map((r) => (
            <label key={r} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${response === r ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700"}`}>
              <input type="radio" name="response" value={r} checked={response === r} onChange={() => setResponse(r)} className="h-4 w-4" />
              {r === "AGREE" ? "同意部门意见" : "不同意"}
            </label>
          ))}
        </div>
        {fieldErrors.response && <p id="response-error" role="alert" className="mt-1 text-xs text-red-600">{fieldErrors.response}</p>}
      </fieldset>
      <Field id="response-reason" label={response === "DISAGREE" ? "不同意的理由" : "说明（可选）"} required={response === "DISAGREE"} error={fieldErrors.reason}>
        <textarea {...form.field("reason", undefined, "response-reason")} rows={2} className={inputClass} defaultValue={current.reason ?? ""} />
      </Field>
      <SubmitButton pending={form.pending} data-testid="submit-response">提交</SubmitButton>
    </form>
  );
}

export function ArbitrationForm({ id, initial }: { id: number; initial: { decision: DevolutionDecision | ""; streetDuty: string; departmentDuty: string } }) {
  const router = useRouter();
  const [value, setValue] = useState<ProposalValue>({ proposal: initial.decision, reason: "", streetDuty: initial.streetDuty, departmentDuty: initial.departmentDuty });
  const form = useActionForm(arbitrateAction, { schema: arbitrateSchema, onSuccess: () => router.refresh() });
  return (
    <form noValidate className="space-y-4" data-testid="arbitration-form" {...form.formProps}>
      <HiddenFields values={{ id }} />
      <FormError message={form.error} />
      <ProposalFields
        value={value}
        onChange={setValue}
        errors={{ ...form.fieldErrors, reason: form.fieldErrors.note }}
        prefix="arb"
        decisionLabel="裁决结果"
        schema={arbitrateSchema}
        names={{ proposal: "decision", reason: "note" }}
        reason={{ label: "裁决意见", required: true }}
      />
      <p className="text-xs text-slate-500">裁决后该事项即为已确定，部门和街道不能再修改，并记入审计日志。</p>
      <SubmitButton pending={form.pending} data-testid="submit-arbitration">提交裁决</SubmitButton>
    </form>
  );
}

export function CommentForm({ id }: { id: number }) {
  const router = useRouter();
  const form = useActionForm(commentAction, { schema: commentSchema, resetOnSuccess: true, onSuccess: () => router.refresh() });
  const { fieldErrors } = form;
  return (
    <form noValidate className="space-y-2" {...form.formProps}>
      <HiddenFields values={{ id }} />
      <FormError message={form.error && !fieldErrors.body ? form.error : null} />
      <Field id="comment-body" label="留言" error={fieldErrors.body} hint="对方和编办都能看到留言，最多 500 字。">
        <textarea {...form.field("body", "hint", "comment-body")} rows={2} className={inputClass} />
      </Field>
      <SubmitButton pending={form.pending} pendingLabel="正在发送…" className={buttonClass.secondary} data-testid="submit-comment">
        发送留言
      </SubmitButton>
    </form>
  );
}
