"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createItemAction, updateItemAction } from "@/lib/catalogue/actions";
import type { DetailField } from "@/lib/catalogue/item-data";
import { FIELD_LABELS } from "@/lib/catalogue/labels";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "./messages";

type Entry = { id: number; name: string; active: boolean };
export type ItemFormOptions = { powerTypes: Entry[]; domains: Entry[]; departments: { id: number; name: string; shortName: string | null }[] };

export type ItemFormValues = {
  id?: number;
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

const GROUPS: { title: string; fields: { field: DetailField; rows: number; hint?: string }[] }[] = [
  {
    title: "实施依据",
    fields: [{ field: "legalBasis", rows: 8, hint: "可分行填写；用【法律】【法规】【规章】等标注依据类别，如：【法律】《中华人民共和国食品安全法》第一百二十二条……" }],
  },
  {
    title: "实施主体与层级",
    fields: [
      { field: "exerciseSubject", rows: 1 },
      { field: "handlingSection", rows: 1 },
      { field: "implementationLevel", rows: 2 },
      { field: "departmentDuty", rows: 3 },
    ],
  },
  {
    title: "责任与追责",
    fields: [
      { field: "responsibilities", rows: 5 },
      { field: "responsibilityBasis", rows: 3 },
      { field: "accountableParties", rows: 3 },
      { field: "accountabilityGrounds", rows: 5 },
    ],
  },
  {
    title: "办理信息",
    fields: [
      { field: "statutoryTimeLimit", rows: 1 },
      { field: "promisedTimeLimit", rows: 1 },
      { field: "chargesFee", rows: 1 },
      { field: "supervisionPhone", rows: 1 },
      { field: "remarks", rows: 2 },
    ],
  },
];

export function ItemForm({ editionId, initial, options }: { editionId: number; initial?: ItemFormValues; options: ItemFormOptions }) {
  const router = useRouter();
  const editing = initial?.id != null;
  const { run, pending, error, fieldErrors } = useAction<Record<string, unknown>, { id: number; editionId: number }>(
    (editing ? updateItemAction : createItemAction) as (input: Record<string, unknown>) => ReturnType<typeof createItemAction>,
  );
  const [departmentMode, setDepartmentMode] = useState(
    initial?.departmentId ? String(initial.departmentId) : initial?.departmentName ? OTHER : "",
  );
  const [subItems, setSubItems] = useState(initial?.subItems ?? []);

  // Inactive entries stay selectable only where the item already uses them.
  const types = options.powerTypes.filter((t) => t.active || t.id === initial?.powerTypeId || subItems.some((s) => s.powerTypeId === t.id));
  const domains = options.domains.filter((d) => d.active || d.id === initial?.domainId);
  const cancelHref = editing ? `/catalogue/editions/${editionId}/items/${initial!.id}` : `/catalogue/editions/${editionId}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "");
    const input: Record<string, unknown> = {
      ...(editing ? { id: initial!.id } : { editionId }),
      seq: text("seq"),
      code: text("code"),
      name: text("name"),
      powerTypeId: text("powerTypeId"),
      domainId: text("domainId"),
      departmentId: departmentMode && departmentMode !== OTHER ? departmentMode : "",
      departmentName: departmentMode === OTHER ? text("departmentName") : "",
      subItems: subItems.map((s) => ({ ...s, powerTypeId: s.powerTypeId ?? "" })),
    };
    for (const group of GROUPS) for (const { field } of group.fields) input[field] = text(field);
    run(input, (result) => router.push(`/catalogue/editions/${result.editionId}/items/${result.id}?saved=1`));
  }

  const updateSub = (index: number, patch: Partial<ItemFormValues["subItems"][number]>) =>
    setSubItems((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const moveSub = (index: number, delta: number) =>
    setSubItems((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + delta, 0, moved);
      return next;
    });

  const errorCount = Object.keys(fieldErrors).length;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-6" data-testid="item-form">
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold text-slate-700">基本信息</h2>
        <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
          <Field id="seq" label="序号" error={fieldErrors.seq}>
            <input {...describedBy("seq", fieldErrors.seq)} defaultValue={initial?.seq ?? ""} className={inputClass} />
          </Field>
          <Field id="code" label="事项编码" error={fieldErrors.code} hint="可不填">
            <input {...describedBy("code", fieldErrors.code, "可不填")} defaultValue={initial?.code ?? ""} className={`${inputClass} font-mono`} />
          </Field>
        </div>
        <Field id="name" label="事项名称" required error={fieldErrors.name}>
          <textarea {...describedBy("name", fieldErrors.name)} defaultValue={initial?.name ?? ""} rows={2} className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="powerTypeId" label="权力类型" required error={fieldErrors.powerTypeId}>
            <select {...describedBy("powerTypeId", fieldErrors.powerTypeId)} defaultValue={initial?.powerTypeId ?? ""} className={inputClass}>
              <option value="">请选择</option>
              {types.map((t) => (
                <option key={t.id} value={t.id}>{t.name}{t.active ? "" : "（已停用）"}</option>
              ))}
            </select>
          </Field>
          <Field id="domainId" label="所属领域" error={fieldErrors.domainId}>
            <select {...describedBy("domainId", fieldErrors.domainId)} defaultValue={initial?.domainId ?? ""} className={inputClass}>
              <option value="">（未指定）</option>
              {domains.map((d) => (
                <option key={d.id} value={d.id}>{d.name}{d.active ? "" : "（已停用）"}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="departmentId" label="实施部门" error={fieldErrors.departmentId} hint="原实施该事项的部门；系统中没有的部门可选「其他」手工填写。">
            <select
              {...describedBy("departmentId", fieldErrors.departmentId, "原实施该事项的部门；系统中没有的部门可选「其他」手工填写。")}
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
              <input {...describedBy("departmentName", fieldErrors.departmentName)} defaultValue={initial?.departmentName ?? ""} className={inputClass} />
            </Field>
          )}
        </div>
      </section>

      {GROUPS.map((group) => (
        <section key={group.title} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-700">{group.title}</h2>
          <div className={group.fields.every((f) => f.rows === 1) || group.title === "办理信息" ? "grid gap-4 sm:grid-cols-2" : "space-y-4"}>
            {group.fields.map(({ field, rows, hint }) => (
              <Field key={field} id={field} label={FIELD_LABELS[field]} error={fieldErrors[field]} hint={hint} className={field === "remarks" ? "sm:col-span-2" : undefined}>
                {rows === 1 ? (
                  <input {...describedBy(field, fieldErrors[field], hint)} defaultValue={initial?.details[field] ?? ""} className={inputClass} />
                ) : (
                  <textarea {...describedBy(field, fieldErrors[field], hint)} defaultValue={initial?.details[field] ?? ""} rows={rows} className={inputClass} />
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
            const nameId = `subItems.${i}.name`;
            const typeId = `subItems.${i}.powerTypeId`;
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
                <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
                  <Field id={nameId} label="子项名称" required error={fieldErrors[nameId]}>
                    <input {...describedBy(nameId, fieldErrors[nameId])} value={sub.name} onChange={(e) => updateSub(i, { name: e.target.value })} className={inputClass} />
                  </Field>
                  <Field id={typeId} label="权力类型" error={fieldErrors[typeId]}>
                    <select {...describedBy(typeId, fieldErrors[typeId])} value={sub.powerTypeId ?? ""} onChange={(e) => updateSub(i, { powerTypeId: e.target.value ? Number(e.target.value) : null })} className={inputClass}>
                      <option value="">与主项相同</option>
                      {types.map((t) => (
                        <option key={t.id} value={t.id}>{t.name}</option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field id={basisId} label="子项实施依据" hint="与主项相同时可不填">
                  <textarea
                    {...describedBy(basisId, undefined, "与主项相同时可不填")}
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

      <FormError message={error && errorCount > 1 ? `${error}（共 ${errorCount} 处）` : error} testId="item-form-error" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "正在保存…" : editing ? "保存修改" : "保存事项"}
        </button>
        <Link href={cancelHref} className={buttonClass.secondary}>取消</Link>
      </div>
    </form>
  );
}
