"use client";

import type { AnyAction } from "@/lib/forms";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createItemAction, updateItemAction } from "@/lib/catalogue/actions";
import { createItemSchema, updateItemSchema } from "@/lib/catalogue/schema";
import type { DetailField } from "@/lib/catalogue/item-data";
import { FIELD_LABELS, formGroups } from "@/lib/catalogue/fields";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

type Entry = { id: number; name: string; active: boolean };
export type ItemFormOptions = { powerTypes: Entry[]; domains: Entry[]; departments: { id: number; name: string; shortName: string | null }[] };

export type ItemFormValues = {
  id?: number;
  /** The item's edit stamp as the page showed it. */
  stamp?: string;
  seq: string | null;
  code: string | null;
  name: string;
  powerTypeId: number | null;
  domainId: number | null;
  departmentId: number | null;
  departmentName: string | null;
  details: Partial<Record<DetailField, string | null>>;
  subItems: { name: string; powerTypeId: number | null; fields: Record<string, string> }[];
};

const OTHER = "other";

/** The form's sections and their fields, from the one definition of the item's fields. */
const GROUPS = formGroups();

export function ItemForm({ editionId, initial, options }: { editionId: number; initial?: ItemFormValues; options: ItemFormOptions }) {
  const router = useRouter();
  const editing = initial?.id != null;
  const form = useActionForm((editing ? updateItemAction : createItemAction) as AnyAction, {
    schema: editing ? updateItemSchema : createItemSchema,
    onSuccess: (result) => router.push(`/catalogue/editions/${result.editionId}/items/${result.id}?saved=1`),
  });
  const { pending, error, fieldErrors } = form;
  const [departmentMode, setDepartmentMode] = useState(
    initial?.departmentId ? String(initial.departmentId) : initial?.departmentName ? OTHER : "",
  );
  const [subItems, setSubItems] = useState(initial?.subItems ?? []);

  // Inactive entries stay selectable only where the item already uses them.
  const types = options.powerTypes.filter((t) => t.active || t.id === initial?.powerTypeId || subItems.some((s) => s.powerTypeId === t.id));
  const domains = options.domains.filter((d) => d.active || d.id === initial?.domainId);
  const cancelHref = editing ? `/catalogue/editions/${editionId}/items/${initial!.id}` : `/catalogue/editions/${editionId}`;

  const updateSub = (index: number, patch: Partial<ItemFormValues["subItems"][number]>) =>
    setSubItems((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const moveSub = (index: number, delta: number) =>
    setSubItems((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + delta, 0, moved);
      return next;
    });

  return (
    <form {...form.formProps} noValidate className="max-w-4xl space-y-6" data-testid="item-form">
      <HiddenFields values={editing ? { id: initial!.id, expectedStamp: initial!.stamp } : { editionId }} />
      {/* The department is a unit, or "other" with a written name; only the unit's id is a field. */}
      <HiddenFields values={{ departmentId: departmentMode && departmentMode !== OTHER ? departmentMode : "" }} />
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold text-slate-700">基本信息</h2>
        <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
          <Field id="seq" label={FIELD_LABELS.seq} error={fieldErrors.seq}>
            <input {...form.field("seq")} defaultValue={initial?.seq ?? ""} className={inputClass} />
          </Field>
          <Field id="code" label={FIELD_LABELS.code} error={fieldErrors.code} hint="可不填">
            <input {...form.field("code", "可不填")} defaultValue={initial?.code ?? ""} className={`${inputClass} font-mono`} />
          </Field>
        </div>
        <Field id="name" label={FIELD_LABELS.name} required error={fieldErrors.name}>
          <textarea {...form.field("name")} defaultValue={initial?.name ?? ""} rows={2} className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="powerTypeId" label={FIELD_LABELS.powerType} required error={fieldErrors.powerTypeId}>
            <select {...form.field("powerTypeId")} defaultValue={initial?.powerTypeId ?? ""} className={inputClass}>
              <option value="">请选择</option>
              {types.map((t) => (
                <option key={t.id} value={t.id}>{t.name}{t.active ? "" : "（已停用）"}</option>
              ))}
            </select>
          </Field>
          <Field id="domainId" label={FIELD_LABELS.domain} error={fieldErrors.domainId}>
            <select {...form.field("domainId")} defaultValue={initial?.domainId ?? ""} className={inputClass}>
              <option value="">（未指定）</option>
              {domains.map((d) => (
                <option key={d.id} value={d.id}>{d.name}{d.active ? "" : "（已停用）"}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="departmentId" label={FIELD_LABELS.department} error={fieldErrors.departmentId} hint="原实施该事项的部门；系统中没有的部门可选「其他」手工填写。">
            <select
              {...form.field("departmentId", "原实施该事项的部门；系统中没有的部门可选「其他」手工填写。")}
              name="departmentMode"
              value={departmentMode}
              onChange={(e) => setDepartmentMode(e.target.value)}
              className={inputClass}
            >
              <option value="">（未指定）</option>
              {options.departments.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
              <option value={OTHER}>其他（手工填写）</option>
            </select>
          </Field>
          {departmentMode === OTHER && (
            <Field id="departmentName" label="部门名称" error={fieldErrors.departmentName} required>
              <input {...form.field("departmentName")} defaultValue={initial?.departmentName ?? ""} className={inputClass} />
            </Field>
          )}
        </div>
      </section>

      {GROUPS.map((group) => (
        <section key={group.title} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-700">{group.title}</h2>
          <div className={group.fields.every((f) => f.rows === 1) || group.title === "办理信息" ? "grid gap-4 sm:grid-cols-2" : "space-y-4"}>
            {group.fields.map(({ field, rows, hint, wide }) => (
              <Field key={field} id={field} label={FIELD_LABELS[field]} error={fieldErrors[field]} hint={hint} className={wide ? "sm:col-span-2" : undefined}>
                {rows === 1 ? (
                  <input {...form.field(field, hint)} defaultValue={initial?.details[field] ?? ""} className={inputClass} />
                ) : (
                  <textarea {...form.field(field, hint)} defaultValue={initial?.details[field] ?? ""} rows={rows} className={inputClass} />
                )}
              </Field>
            ))}
          </div>
        </section>
      ))}

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="sub-items-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sub-items-title" className="text-sm font-semibold text-slate-700">子项（{subItems.length} 个）</h2>
          <button type="button" className={buttonClass.small} onClick={() => setSubItems((l) => [...l, { name: "", powerTypeId: null, fields: {} }])} data-testid="add-sub-item">
            + 添加子项
          </button>
        </div>
        {subItems.length === 0 && <p className="text-sm text-slate-500">没有子项。一个事项按实施层级或具体情形分为几项时，可添加子项。</p>}
        <ol className="space-y-3">
          {subItems.map((sub, i) => {
            const nameId = `subItems.${i}.name` as const;
            const typeId = `subItems.${i}.powerTypeId` as const;
            const basisId = `subItems.${i}.legalBasis`;
            return (
              <li key={i} className="space-y-3 rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm font-medium text-slate-600">子项 {i + 1}</span>
                  <span className="flex gap-1">
                    <button type="button" className={buttonClass.small} disabled={i === 0} onClick={() => moveSub(i, -1)} aria-label={`上移子项 ${i + 1}`}>上移</button>
                    <button type="button" className={buttonClass.small} disabled={i === subItems.length - 1} onClick={() => moveSub(i, 1)} aria-label={`下移子项 ${i + 1}`}>下移</button>
                    <button type="button" className={`${buttonClass.small} text-red-600`} onClick={() => setSubItems((l) => l.filter((_, k) => k !== i))} aria-label={`删除子项 ${i + 1}`}>删除</button>
                  </span>
                </div>
                <HiddenFields values={Object.fromEntries(Object.entries(sub.fields).filter(([k]) => k !== "legalBasis").map(([k, v]) => [`subItems.${i}.fields.${k}`, v]))} />
                <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
                  <Field id={nameId} label={FIELD_LABELS.subItemName} required error={fieldErrors[nameId]}>
                    <input {...form.field(nameId)} value={sub.name} onChange={(e) => updateSub(i, { name: e.target.value })} className={inputClass} />
                  </Field>
                  <Field id={typeId} label={FIELD_LABELS.powerType} error={fieldErrors[typeId]}>
                    <select {...form.field(typeId)} value={sub.powerTypeId ?? ""} onChange={(e) => updateSub(i, { powerTypeId: e.target.value ? Number(e.target.value) : null })} className={inputClass}>
                      <option value="">与主项相同</option>
                      {types.map((t) => (
                        <option key={t.id} value={t.id}>{t.name}</option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field id={basisId} label={`子项${FIELD_LABELS.legalBasis}`} hint="与主项相同时可不填">
                  <textarea
                    {...form.field(`subItems.${i}.fields.legalBasis`, "与主项相同时可不填", basisId)}
                    value={sub.fields.legalBasis ?? ""}
                    onChange={(e) => updateSub(i, { fields: { ...sub.fields, legalBasis: e.target.value } })}
                    rows={3}
                    className={inputClass}
                  />
                </Field>
              </li>
            );
          })}
        </ol>
      </section>

      <FormError message={error} testId="item-form-error" />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">
          {editing ? "保存修改" : "保存事项"}
        </SubmitButton>
        <Link href={cancelHref} className={buttonClass.secondary}>取消</Link>
      </div>
    </form>
  );
}
