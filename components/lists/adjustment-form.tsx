"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { createAdjustmentAction } from "@/lib/adjustments/actions";
import { createAdjustmentSchema } from "@/lib/adjustments/schema";
import { ADJUSTMENT_ACTION_LABELS, ADJUSTMENT_ACTIONS, ITEM_FIELDS } from "@/lib/lists/labels";
import type { PublicItem } from "@/lib/portal/read";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";
import { ItemFields, type ItemValues } from "./item-fields";

type Action = (typeof ADJUSTMENT_ACTIONS)[number];
type Change = { key: number; action: Action; itemKey: string };

/** A change request: reason, basis and one or more items to add, remove or modify. */
export function AdjustmentForm({
  list,
  items,
  categories,
  powerTypes,
}: {
  list: { id: number; title: string; form: PowerListForm; versionNo: number };
  items: PublicItem[];
  categories: { id: number; name: string }[];
  powerTypes: string[];
}) {
  const router = useRouter();
  const form = useActionForm(createAdjustmentAction, {
    schema: createAdjustmentSchema,
    onSuccess: (r) => {
      router.push(`/lists/adjustments/${r.id}`);
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const [changes, setChanges] = useState<Change[]>([{ key: 1, action: "ADD", itemKey: "" }]);
  const [next, setNext] = useState(2);
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));
  const byKey = new Map(items.map((i) => [i.itemKey, i]));

  const valuesOf = (item: PublicItem | undefined): ItemValues => {
    if (!item) return { section: "BASIC" };
    const v: ItemValues = { section: item.section, categoryId: item.category ? (categoryId.get(item.category) ?? null) : null };
    for (const f of ITEM_FIELDS) v[f] = item[f];
    return v;
  };
  const errorsFor = (i: number) => {
    const out: Record<string, string> = {};
    const prefix = `changes.${i}.fields.`;
    for (const [k, v] of Object.entries(fieldErrors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    return out;
  };

  const reasonHint = "为什么要调整：机构职能变化、法律法规立改废、上级部门收回等。";
  const basisHint = "调整所依据的法律法规、文件，如「《××条例》（2026年修订）第二十三条」。";
  return (
    // Each change's inputs are named by the schema's paths (changes.0.action, changes.0.fields.name …).
    <form {...form.formProps} noValidate className="max-w-3xl space-y-6" data-testid="adjustment-form">
      <HiddenFields values={{ listId: list.id, baseVersionNo: list.versionNo }} />
      <Field id="reason" label="调整理由" error={fieldErrors.reason} hint={reasonHint} required>
        <textarea {...form.field("reason", reasonHint)} rows={3} className={inputClass} />
      </Field>
      <Field id="basis" label="调整依据" error={fieldErrors.basis} hint={basisHint} required>
        <textarea {...form.field("basis", basisHint)} rows={2} className={inputClass} />
      </Field>

      <ol className="space-y-4">
        {changes.map((c, i) => {
          const item = byKey.get(c.itemKey);
          const itemError = fieldErrors[`changes.${i}.itemKey`];
          return (
            <li key={c.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`change-${i}`}>
              <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
                <h3 className="text-sm font-semibold text-slate-800">第 {i + 1} 项调整</h3>
                {changes.length > 1 && (
                  <button type="button" className={buttonClass.small} onClick={() => setChanges(changes.filter((x) => x.key !== c.key))}>
                    删除这一项
                  </button>
                )}
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id={`c${c.key}-action`} label="调整方式" required>
                  <select
                    id={`c${c.key}-action`}
                    name={`changes.${i}.action`}
                    value={c.action}
                    onChange={(e) => setChanges(changes.map((x) => (x.key === c.key ? { ...x, action: e.target.value as Action } : x)))}
                    className={inputClass}
                  >
                    {ADJUSTMENT_ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {ADJUSTMENT_ACTION_LABELS[a]}
                      </option>
                    ))}
                  </select>
                </Field>
                {c.action !== "ADD" && (
                  <Field id={`c${c.key}-item`} label={c.action === "REMOVE" ? "取消的事项" : "修改的事项"} error={itemError} required>
                    <select
                      {...describedBy(`c${c.key}-item`, itemError)}
                      name={`changes.${i}.itemKey`}
                      value={c.itemKey}
                      onChange={(e) => setChanges(changes.map((x) => (x.key === c.key ? { ...x, itemKey: e.target.value } : x)))}
                      className={inputClass}
                    >
                      <option value="">请选择事项</option>
                      {items.map((it) => (
                        <option key={it.itemKey} value={it.itemKey}>
                          {it.position}. {it.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
              </div>
              {(c.action === "ADD" || (c.action === "MODIFY" && item)) && (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <p className="mb-3 text-xs text-slate-500">{c.action === "ADD" ? "填写新增事项的内容。" : "在现行内容上修改，只提交有变化的部分。"}</p>
                  <ItemFields
                    key={`${c.action}-${c.itemKey}`}
                    prefix={`changes.${i}.fields.`}
                    form={list.form}
                    categories={categories}
                    powerTypes={powerTypes}
                    defaults={c.action === "MODIFY" ? valuesOf(item) : { section: "BASIC" }}
                    errors={errorsFor(i)}
                  />
                </div>
              )}
              <div className="mt-4">
                <Field id={`c${c.key}-note`} label="说明（可选）">
                  <input id={`c${c.key}-note`} name={`changes.${i}.note`} autoComplete="off" className={inputClass} />
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      {fieldErrors.changes && <p role="alert" className="text-sm text-red-600">{fieldErrors.changes}</p>}
      <button
        type="button"
        className={buttonClass.secondary}
        onClick={() => {
          setChanges([...changes, { key: next, action: "ADD", itemKey: "" }]);
          setNext(next + 1);
        }}
      >
        再加一项调整
      </button>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending}>提交调整申请</SubmitButton>
        <Link href={`/lists/manage/${list.id}`} className={buttonClass.secondary}>
          取消
        </Link>
      </div>
    </form>
  );
}
