"use client";

import { inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { limitProps } from "@/components/ui/form";
import { limitsOf } from "@/lib/forms";
import { DECISION_LABELS, DECISIONS } from "@/lib/devolution/state";
import type { DevolutionDecision } from "@/lib/generated/prisma/enums";

export type ProposalValue = { proposal: DevolutionDecision | ""; reason: string; streetDuty: string; departmentDuty: string };

export const EMPTY_PROPOSAL: ProposalValue = { proposal: "", reason: "", streetDuty: "", departmentDuty: "" };

const HINTS: Record<DevolutionDecision, string> = {
  ACCEPT: "由街道（乡镇）承接实施，须写明双方职责边界。",
  DEFER: "暂不下放，待条件成熟后再承接，须写明理由。",
  DECLINE: "不下放，仍由部门行使，须写明理由。",
};

/**
 * The department's proposal: 承接 / 暂缓 / 不承接, a reason (required unless accepting) and the
 * 职责边界 (required when accepting). `prefix` keeps ids unique when two forms share a page.
 * The inputs carry the action's field names (`names` renames the decision and the reason, e.g.
 * for an arbitration) and the schema's limits, so the form they sit in posts them as they are.
 */
export function ProposalFields({
  value,
  onChange,
  errors,
  prefix = "p",
  decisionLabel = "承接意见",
  schema,
  names = {},
  reason,
}: {
  value: ProposalValue;
  onChange: (v: ProposalValue) => void;
  errors: Record<string, string>;
  prefix?: string;
  decisionLabel?: string;
  /** The action's schema, for the limits of the text fields. */
  schema: unknown;
  names?: { proposal?: string; reason?: string };
  /**
   * The reason field as another form means it: e.g. the arbitration's 裁决意见, always required.
   * By default it is the department's 理由 (required unless accepting) or 备注 when accepting.
   */
  reason?: { label: string; required: boolean };
}) {
  const set = (patch: Partial<ProposalValue>) => onChange({ ...value, ...patch });
  const decisionName = names.proposal ?? "proposal";
  const reasonName = names.reason ?? "reason";
  const limits = (name: string) => limitProps(limitsOf(schema, name));
  const accept = value.proposal === "ACCEPT";
  const errorKey = errors.proposal ?? errors.decision;
  const reasonLimits = limitsOf(schema, reasonName);
  const reasonField = reason ?? { label: accept ? "备注（可选）" : "理由", required: !accept && value.proposal !== "" };
  const reasonHint = reasonLimits.maxLength != null ? `最多 ${reasonLimits.maxLength} 字。` : undefined;
  return (
    <div className="space-y-4">
      <fieldset aria-describedby={errorKey ? `${prefix}-proposal-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">
          {decisionLabel}<span className="ml-0.5 text-red-600" aria-hidden>*</span>
        </legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {DECISIONS.map((d) => (
            <label
              key={d}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${value.proposal === d ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700"}`}
            >
              <input type="radio" name={decisionName} value={d} checked={value.proposal === d} onChange={() => set({ proposal: d })} className="h-4 w-4" />
              {DECISION_LABELS[d]}
            </label>
          ))}
        </div>
        {value.proposal && !errorKey && <p className="mt-1 text-xs text-slate-500">{HINTS[value.proposal]}</p>}
        {errorKey && <p id={`${prefix}-proposal-error`} role="alert" className="mt-1 text-xs text-red-600">{errorKey}</p>}
      </fieldset>
      <Field id={`${prefix}-reason`} label={reasonField.label} required={reasonField.required} error={errors.reason ?? errors.note} hint={reason ? reasonHint : undefined}>
        <textarea {...describedBy(`${prefix}-reason`, errors.reason ?? errors.note, reason && reasonHint ? "hint" : undefined)} name={reasonName} {...limitProps(reasonLimits)} rows={2} className={inputClass} value={value.reason} onChange={(e) => set({ reason: e.target.value })} />
      </Field>
      {accept && (
        <div className="grid gap-4 md:grid-cols-2">
          <Field id={`${prefix}-streetDuty`} label="街道（乡镇）承担的职责" required error={errors.streetDuty} hint="例如：日常巡查、立案调查、作出处罚决定。">
            <textarea {...describedBy(`${prefix}-streetDuty`, errors.streetDuty, "hint")} name="streetDuty" {...limits("streetDuty")} rows={3} className={inputClass} value={value.streetDuty} onChange={(e) => set({ streetDuty: e.target.value })} />
          </Field>
          <Field id={`${prefix}-departmentDuty`} label="部门保留的职责" required error={errors.departmentDuty} hint="例如：业务指导、培训、重大复杂案件办理、监督。">
            <textarea {...describedBy(`${prefix}-departmentDuty`, errors.departmentDuty, "hint")} name="departmentDuty" {...limits("departmentDuty")} rows={3} className={inputClass} value={value.departmentDuty} onChange={(e) => set({ departmentDuty: e.target.value })} />
          </Field>
        </div>
      )}
    </div>
  );
}
