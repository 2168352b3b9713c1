"use client";

import type { AnyAction } from "@/lib/forms";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { OPINION_LABELS, OPINIONS } from "@/lib/lists/labels";
import { opinionSchema } from "@/lib/lists/schema";
import { adjustmentOpinionSchema } from "@/lib/adjustments/schema";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, JsonField, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

/** The schema each kind of opinion is checked against (a schema cannot be passed from a page). */
const SCHEMAS = { list: opinionSchema, adjustment: adjustmentOpinionSchema };

type Opinion = (typeof OPINIONS)[number];

/**
 * 同意 / 修改后同意 / 不同意 with the reasons, and (for a draft) comments on single items.
 * `input` carries the ids and the version the page showed.
 */
export function OpinionForm({
  action,
  kind,
  input,
  items,
  disagreeHint,
  meeting = false,
  testId = "opinion-form",
}: {
  action: AnyAction;
  kind: keyof typeof SCHEMAS;
  input: Record<string, number>;
  items?: { id: number; label: string }[];
  disagreeHint: string;
  /** 常务会审定: the opinion names the meeting (会议期次, 会议日期), both required by the server. */
  meeting?: boolean;
  testId?: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const form = useActionForm(action, {
    schema: SCHEMAS[kind],
    onSuccess: () => {
      setDone(true);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const [opinion, setOpinion] = useState<Opinion | "">("");
  const [comments, setComments] = useState<{ key: number; itemId: string; body: string }[]>([]);
  const [next, setNext] = useState(1);
  // Item comments are structured state: rows left empty are dropped, the rest travel as JSON.
  const itemComments = comments.filter((c) => c.itemId && c.body.trim()).map((c) => ({ itemId: Number(c.itemId), body: c.body }));

  if (done) return <FormSuccess testId={`${testId}-done`}>意见已提交，已记入审核记录。</FormSuccess>;

  const hint = opinion === "DISAGREE" ? disagreeHint : opinion === "AGREE_WITH_CHANGES" ? "请写明需要修改的内容。" : undefined;
  return (
    <form {...form.formProps} noValidate className="space-y-4" data-testid={testId}>
      <HiddenFields values={input} />
      {items && <JsonField value={{ itemComments }} />}
      <fieldset aria-describedby={fieldErrors.opinion ? `${testId}-opinion-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">
          审核意见<span className="ml-0.5 text-red-600" aria-hidden>*</span>
        </legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {OPINIONS.map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm">
              <input type="radio" name="opinion" value={o} checked={opinion === o} onChange={() => setOpinion(o)} className="h-4 w-4" />
              {OPINION_LABELS[o]}
            </label>
          ))}
        </div>
        {fieldErrors.opinion && (
          <p id={`${testId}-opinion-error`} role="alert" className="mt-1 text-xs text-red-600">
            {fieldErrors.opinion}
          </p>
        )}
      </fieldset>
      {meeting && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${testId}-meeting-number`} label="会议期次" required error={fieldErrors.meetingNumber} hint="如：2026年第12次常务会议">
            <input {...form.field("meetingNumber", "如：2026年第12次常务会议", `${testId}-meeting-number`)} className={inputClass} />
          </Field>
          <Field id={`${testId}-meeting-date`} label="会议日期" required error={fieldErrors.meetingDate}>
            <input type="date" {...form.field("meetingDate", undefined, `${testId}-meeting-date`)} className={inputClass} />
          </Field>
        </div>
      )}
      <Field id={`${testId}-body`} label="意见内容" error={fieldErrors.body} hint={hint}>
        <textarea {...form.field("body", hint, `${testId}-body`)} rows={3} className={inputClass} />
      </Field>
      {items && items.length > 0 && (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-700">逐项意见（可选）</p>
          {comments.map((c, i) => (
            <div key={c.key} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto]">
              <label className="sr-only" htmlFor={`${testId}-item-${c.key}`}>
                第 {i + 1} 条逐项意见针对的事项
              </label>
              <select
                id={`${testId}-item-${c.key}`}
                value={c.itemId}
                onChange={(e) => setComments(comments.map((x) => (x.key === c.key ? { ...x, itemId: e.target.value } : x)))}
                className={inputClass}
              >
                <option value="">请选择事项</option>
                {items.map((it) => (
                  <option key={it.id} value={it.id}>
                    {it.label}
                  </option>
                ))}
              </select>
              <label className="sr-only" htmlFor={`${testId}-comment-${c.key}`}>
                第 {i + 1} 条逐项意见内容
              </label>
              <textarea
                id={`${testId}-comment-${c.key}`}
                value={c.body}
                rows={2}
                onChange={(e) => setComments(comments.map((x) => (x.key === c.key ? { ...x, body: e.target.value } : x)))}
                className={inputClass}
                placeholder="对该事项的意见"
              />
              <button type="button" className={buttonClass.small} onClick={() => setComments(comments.filter((x) => x.key !== c.key))}>
                删除
              </button>
            </div>
          ))}
          {fieldErrors.itemComments && <p role="alert" className="text-xs text-red-600">{fieldErrors.itemComments}</p>}
          <button
            type="button"
            className={buttonClass.small}
            onClick={() => {
              setComments([...comments, { key: next, itemId: "", body: "" }]);
              setNext(next + 1);
            }}
          >
            添加逐项意见
          </button>
        </div>
      )}
      <FormError message={error} />
      <SubmitButton pending={pending} className={opinion === "DISAGREE" ? buttonClass.danger : buttonClass.primary}>
        {opinion === "DISAGREE" ? "提交意见并退回" : "提交意见"}
      </SubmitButton>
    </form>
  );
}
