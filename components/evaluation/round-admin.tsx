"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { ConfirmButton } from "@/components/ui/confirm-button";
import {
  closeEvaluationRoundAction,
  createEvaluationRoundAction,
  deleteDraftEvaluationRoundAction,
  extendSheetAction,
  openEvaluationRoundAction,
  publishEvaluationRoundAction,
  remindEvaluationRatersAction,
  saveIndicatorsAction,
  setEvaluationDeadlineAction,
} from "@/lib/evaluation/actions";
import { createEvaluationRoundSchema, deadlineSchema, extendSheetSchema, saveIndicatorsSchema } from "@/lib/evaluation/schema";

function Msg({ error, ok }: { error?: string | null; ok?: string | null }) {
  if (error) return <p role="alert" className="text-sm text-red-600" data-testid="form-error">{error}</p>;
  if (ok) return <p role="status" className="text-sm text-emerald-700">{ok}</p>;
  return null;
}

export function NewRoundForm({ defaultYear, defaultClosesOn }: { defaultYear: number; defaultClosesOn: string }) {
  const router = useRouter();
  const form = useActionForm(createEvaluationRoundAction, { schema: createEvaluationRoundSchema, onSuccess: (d) => router.push(`/evaluation/${d.id}`) });
  const { pending, error, fieldErrors } = form;
  return (
    <form {...form.formProps} noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4" data-testid="new-evaluation-round-form">
      <Field id="year" label="年度" required error={fieldErrors.year}>
        <input {...form.field("year")} type="number" defaultValue={defaultYear} className={inputClass} />
      </Field>
      <Field id="title" label="考评名称" required error={fieldErrors.title} className="sm:col-span-2">
        <input {...form.field("title")} defaultValue={`${defaultYear} 年度区街双向考评`} className={inputClass} />
      </Field>
      <Field id="closesOn" label="评分截止日期" required error={fieldErrors.closesOn}>
        <input {...form.field("closesOn")} type="date" defaultValue={defaultClosesOn} className={inputClass} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-3">
        <input type="checkbox" name="trimmed" defaultChecked /> 去掉一个最高分和一个最低分（评价单位不少于 5 个时）
      </label>
      <div className="flex items-end justify-end">
        <SubmitButton pending={pending} pendingLabel="正在创建…">新建考评</SubmitButton>
      </div>
      <div className="sm:col-span-4"><FormError message={error} testId="form-error" /></div>
      <p className="text-xs text-slate-500 sm:col-span-4">每个年度只能有一轮考评。新建后默认使用黄陂四项指标（各 25 分），并由每个街道（乡镇）与本区县的部门及市级部门相互评价；开始评分前均可修改。</p>
    </form>
  );
}

type Ind = { name: string; description: string; weight: number | string; scaleMin: number | string; scaleMax: number | string; source: "RATED" | "DISPATCH" };

/**
 * The indicator table. Its inputs are named after the schema's paths (`indicators.0.weight`), so
 * a save before hydration posts the same input; the rows' state only adds and removes rows.
 */
export function IndicatorEditor({ roundId, initial, editable, expectedStamp }: { roundId: number; initial: Ind[]; editable: boolean; expectedStamp?: string }) {
  const router = useRouter();
  const [rows, setRows] = useState<Ind[]>(initial);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(saveIndicatorsAction, {
    schema: saveIndicatorsSchema,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const sum = rows.reduce((n, r) => n + (Number(r.weight) || 0), 0);
  const set = (i: number, patch: Partial<Ind>) => {
    setSaved(false);
    setRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  };
  const ok = saved && form.ok ? "指标已保存。" : null;
  return (
    <form {...form.formProps} noValidate className="space-y-3" data-testid="indicator-form">
      <HiddenFields values={{ roundId, expectedStamp }} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">指标</th>
              <th className="px-3 py-2 font-medium">说明</th>
              <th className="px-3 py-2 font-medium">权重</th>
              <th className="px-3 py-2 font-medium">分值范围</th>
              <th className="px-3 py-2 font-medium">来源</th>
              {editable && <th className="px-3 py-2" />}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r, i) => {
              const err = (k: string) => fieldErrors[`indicators.${i}.${k}`];
              const f = (k: keyof Ind) => form.field(`indicators.${i}.${k}`, undefined, `indicators-${i}-${k}`);
              return (
                <tr key={i} className="align-top">
                  <td className="px-3 py-2">
                    <input {...f("name")} aria-label={`指标 ${i + 1} 名称`} disabled={!editable} value={r.name} onChange={(e) => set(i, { name: e.target.value })} className={cx(inputClass, "min-w-40")} />
                    {err("name") && <p id={`indicators-${i}-name-error`} className="text-xs text-red-600">{err("name")}</p>}
                  </td>
                  <td className="px-3 py-2">
                    <textarea {...f("description")} aria-label={`指标 ${i + 1} 说明`} disabled={!editable} value={r.description} onChange={(e) => set(i, { description: e.target.value })} rows={2} className={cx(inputClass, "min-w-56")} />
                    {err("description") && <p id={`indicators-${i}-description-error`} className="text-xs text-red-600">{err("description")}</p>}
                  </td>
                  <td className="px-3 py-2">
                    <span className="block w-20"><input {...f("weight")} aria-label={`指标 ${i + 1} 权重`} disabled={!editable} type="number" value={r.weight} onChange={(e) => set(i, { weight: e.target.value })} className={inputClass} /></span>
                    {err("weight") && <p id={`indicators-${i}-weight-error`} className="text-xs text-red-600">{err("weight")}</p>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {/* inputClass is block and full width: the spans set the widths. */}
                    <span className="inline-block w-20 align-middle"><input {...f("scaleMin")} aria-label={`指标 ${i + 1} 最低分`} disabled={!editable} type="number" value={r.scaleMin} onChange={(e) => set(i, { scaleMin: e.target.value })} className={inputClass} /></span> –{" "}
                    <span className="inline-block w-20 align-middle"><input {...f("scaleMax")} aria-label={`指标 ${i + 1} 最高分`} disabled={!editable} type="number" value={r.scaleMax} onChange={(e) => set(i, { scaleMax: e.target.value })} className={inputClass} /></span>
                    {err("scaleMax") && <p id={`indicators-${i}-scaleMax-error`} className="text-xs text-red-600">{err("scaleMax")}</p>}
                  </td>
                  <td className="px-3 py-2">
                    <select {...f("source")} aria-label={`指标 ${i + 1} 来源`} disabled={!editable} value={r.source} onChange={(e) => set(i, { source: e.target.value as Ind["source"] })} className={inputClass}>
                      <option value="RATED">各单位评分</option>
                      <option value="DISPATCH">派单客观指标（按时率）</option>
                    </select>
                  </td>
                  {editable && (
                    <td className="px-3 py-2">
                      <button type="button" className={buttonClass.small} onClick={() => { setSaved(false); setRows(rows.filter((_, n) => n !== i)); }} disabled={rows.length <= 1}>删除</button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={cx("text-sm", sum === 100 ? "text-slate-600" : "font-medium text-red-600")} data-testid="weight-sum">
        权重合计 {sum}{sum === 100 ? "" : "，应为 100"}
      </p>
      {fieldErrors.indicators && <p role="alert" className="text-sm text-red-600">{fieldErrors.indicators}</p>}
      {editable && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass.secondary} onClick={() => setRows([...rows, { name: "", description: "", weight: 0, scaleMin: 0, scaleMax: 100, source: "RATED" }])}>增加指标</button>
          <button type="button" className={buttonClass.secondary} onClick={() => setRows([...rows, { name: "双向派单按时办理率", description: "按本年度双向派单的逾期率自动计算：得分 = 最高分 ×（1 − 逾期率）。", weight: 0, scaleMin: 0, scaleMax: 100, source: "DISPATCH" }])}>
            加入派单客观指标
          </button>
          <SubmitButton pending={pending} pendingLabel="正在保存…">保存指标</SubmitButton>
        </div>
      )}
      <Msg error={fieldErrors.indicators ? null : error} ok={ok} />
    </form>
  );
}

export function DeadlineForm({ roundId, closesOn, expectedStamp }: { roundId: number; closesOn: string; expectedStamp?: string }) {
  const router = useRouter();
  const form = useActionForm(setEvaluationDeadlineAction, { schema: deadlineSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  return (
    <form {...form.formProps} noValidate className="flex flex-wrap items-end gap-2" data-testid="deadline-form">
      <HiddenFields values={{ roundId, expectedStamp }} />
      <Field id="closesOn" label="评分截止日期" error={fieldErrors.closesOn}>
        <input {...form.field("closesOn")} type="date" defaultValue={closesOn} className={inputClass} />
      </Field>
      <SubmitButton pending={pending} pendingLabel="正在保存…" className={buttonClass.secondary}>修改截止日期</SubmitButton>
      <Msg error={fieldErrors.closesOn ? null : error} ok={form.ok ? "截止日期已修改，并已通知未提交的单位。" : null} />
    </form>
  );
}

export function RoundStepButton({ roundId, step }: { roundId: number; step: "open" | "close" | "publish" }) {
  const router = useRouter();
  const action = step === "open" ? openEvaluationRoundAction : step === "close" ? closeEvaluationRoundAction : publishEvaluationRoundAction;
  const { run, pending, error } = useAction(action as typeof openEvaluationRoundAction);
  const text = {
    open: { label: "开始评分", title: "开始评分？", message: "开始后指标和评价关系不能再修改，各评价单位将收到通知。", confirm: "开始评分" },
    close: { label: "结束评分", title: "结束评分？", message: "结束后各单位不能再评分或修改，未提交单位的评分不计入结果。", confirm: "结束评分" },
    publish: { label: "公布结果", title: "向参评单位公布结果？", message: "公布后结果即固定，不能修改；各单位可查看本单位的得分和排名。", confirm: "公布结果" },
  }[step];
  return (
    <div className="space-y-1">
      <ConfirmButton className={buttonClass.primary} tone="primary" title={text.title} message={text.message} confirmLabel={text.confirm} pending={pending} onConfirm={() => run({ roundId }, () => router.refresh())}>
        {text.label}
      </ConfirmButton>
      <Msg error={error} />
    </div>
  );
}

/** Deletes a round still being set up (wrong year or title), after a confirmation, and returns to the list. */
export function DeleteDraftRoundButton({ roundId, title }: { roundId: number; title: string }) {
  const router = useRouter();
  const { run, pending, error } = useAction(deleteDraftEvaluationRoundAction);
  return (
    <div className="space-y-1">
      <ConfirmButton
        className={buttonClass.danger}
        title="删除这一轮考评？"
        message={`「${title}」还在设置中，删除后其指标和评价关系一并删除，该年度可以重新创建。此操作会记入审计日志。`}
        confirmLabel="删除"
        pending={pending}
        testId="delete-draft-round"
        onConfirm={() => run({ roundId }, () => router.push("/evaluation"))}
      >
        删除
      </ConfirmButton>
      <Msg error={error} />
    </div>
  );
}

export function RemindButton({ roundId, raterUnitIds, label }: { roundId: number; raterUnitIds?: number[]; label: string }) {
  const router = useRouter();
  const [ok, setOk] = useState<string | null>(null);
  const { run, pending, error } = useAction(remindEvaluationRatersAction);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={raterUnitIds ? buttonClass.small : buttonClass.secondary}
        disabled={pending}
        onClick={() => {
          setOk(null);
          run({ roundId, raterUnitIds }, (d) => {
            setOk(`已向 ${d.units} 个单位发送催办通知。`);
            router.refresh();
          });
        }}
      >
        {pending ? "正在发送…" : label}
      </button>
      <Msg error={error} ok={ok} />
    </span>
  );
}

export function ExtendForm({ roundId, raterUnitId, name }: { roundId: number; raterUnitId: number; name: string }) {
  const router = useRouter();
  const form = useActionForm(extendSheetAction, { schema: extendSheetSchema, onSuccess: () => router.refresh() });
  const { pending, error, fieldErrors } = form;
  const fid = `extend-${raterUnitId}`;
  const message = fieldErrors.extendedTo ?? error;
  return (
    <form {...form.formProps} noValidate className="inline-flex flex-wrap items-center gap-1">
      <HiddenFields values={{ roundId, raterUnitId }} />
      <input {...form.field("extendedTo", undefined, fid)} type="date" aria-label={`${name}延期至`} className="rounded border border-slate-300 px-1 py-0.5 text-xs" />
      <SubmitButton pending={pending} pendingLabel="…" className={buttonClass.small}>延期</SubmitButton>
      {message && <span id={`${fid}-error`} role="alert" className="text-xs text-red-600">{message}</span>}
    </form>
  );
}
