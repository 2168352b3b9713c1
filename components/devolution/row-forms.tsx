"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DevolutionDecision, DevolutionResponse } from "@/lib/generated/prisma/enums";
import { arbitrateAction, commentAction, proposeAction, respondAction } from "@/lib/devolution/actions";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/admin/form-messages";
import { ProposalFields, type ProposalValue } from "./proposal-fields";
import { bulkMessage } from "./item-list";

export function ProposalForm({ roundId, id, initial }: { roundId: number; id: number; initial: ProposalValue }) {
  const router = useRouter();
  const [value, setValue] = useState<ProposalValue>(initial);
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error, fieldErrors } = useAction(proposeAction);
  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="proposal-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        run({ roundId, ids: [id], ...value, proposal: value.proposal as DevolutionDecision }, (r) => {
          setDone(r.updated ? "意见已提交，等待街道（乡镇）确认。" : bulkMessage(r));
          router.refresh();
        });
      }}
    >
      <FormError message={error} />
      {done && <FormSuccess testId="proposal-saved">{done}</FormSuccess>}
      <ProposalFields value={value} onChange={setValue} errors={fieldErrors} prefix="one" />
      <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="submit-proposal">
        {pending ? "正在提交…" : initial.proposal ? "修改意见" : "提交意见"}
      </button>
      {initial.proposal && <p className="text-xs text-slate-500">修改后街道（乡镇）需要重新确认。</p>}
    </form>
  );
}

export function ResponseForm({ roundId, id, current, seenAt }: { roundId: number; id: number; current: { response: DevolutionResponse | null; reason: string | null }; seenAt: string }) {
  const router = useRouter();
  const [response, setResponse] = useState<DevolutionResponse | "">(current.response ?? "");
  const [reason, setReason] = useState(current.reason ?? "");
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error, fieldErrors } = useAction(respondAction);
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="response-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        if (!response) return;
        run({ roundId, ids: [id], response, reason, seenAt }, (r) => {
          setDone(r.updated ? (response === "AGREE" ? "已同意，该事项已达成一致。" : "已提交不同意意见，部门将收到提醒。") : bulkMessage(r));
          router.refresh();
        });
      }}
    >
      <FormError message={error && !fieldErrors.reason ? error : null} />
      {done && <FormSuccess testId="response-saved">{done}</FormSuccess>}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">街道（乡镇）意见<span className="text-red-600" aria-hidden>*</span></legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["AGREE", "DISAGREE"] as const).map((r) => (
            <label key={r} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${response === r ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700"}`}>
              <input type="radio" name="response" value={r} checked={response === r} onChange={() => setResponse(r)} className="h-4 w-4" />
              {r === "AGREE" ? "同意部门意见" : "不同意"}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="response-reason" label={response === "DISAGREE" ? "不同意的理由" : "说明（可选）"} required={response === "DISAGREE"} error={fieldErrors.reason}>
        <textarea {...describedBy("response-reason", fieldErrors.reason)} rows={2} maxLength={500} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className={buttonClass.primary} disabled={pending || !response} data-testid="submit-response">
        {pending ? "正在提交…" : "提交"}
      </button>
    </form>
  );
}

export function ArbitrationForm({ id, initial }: { id: number; initial: { decision: DevolutionDecision | ""; streetDuty: string; departmentDuty: string } }) {
  const router = useRouter();
  const [value, setValue] = useState<ProposalValue>({ proposal: initial.decision, reason: "", streetDuty: initial.streetDuty, departmentDuty: initial.departmentDuty });
  const { run, pending, error, fieldErrors } = useAction(arbitrateAction);
  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="arbitration-form"
      onSubmit={(e) => {
        e.preventDefault();
        run({ id, decision: value.proposal as DevolutionDecision, note: value.reason, streetDuty: value.streetDuty, departmentDuty: value.departmentDuty }, () => router.refresh());
      }}
    >
      <FormError message={error} />
      <ProposalFields value={value} onChange={setValue} errors={{ ...fieldErrors, reason: fieldErrors.note }} prefix="arb" decisionLabel="裁决结果" />
      <p className="text-xs text-slate-500">「理由」一栏填写裁决意见（必填）。裁决后该事项即为已确定，部门和街道不能再修改，并记入审计日志。</p>
      <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="submit-arbitration">
        {pending ? "正在提交…" : "提交裁决"}
      </button>
    </form>
  );
}

export function CommentForm({ id }: { id: number }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const { run, pending, error, fieldErrors } = useAction(commentAction);
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        run({ id, body }, () => {
          setBody("");
          router.refresh();
        });
      }}
    >
      <FormError message={error && !fieldErrors.body ? error : null} />
      <Field id="comment-body" label="留言" error={fieldErrors.body} hint="对方和编办都能看到留言，最多 500 字。">
        <textarea {...describedBy("comment-body", fieldErrors.body, "hint")} rows={2} maxLength={500} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <button type="submit" className={buttonClass.secondary} disabled={pending} data-testid="submit-comment">
        {pending ? "正在发送…" : "发送留言"}
      </button>
    </form>
  );
}
