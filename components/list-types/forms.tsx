"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createListTypeAction,
  createTypedListAction,
  publishTypedListAction,
  removeTypedRowAction,
  reviewTypedListAction,
  saveTypedRowAction,
  submitTypedListAction,
  updateListTypeAction,
} from "@/lib/list-types/actions";
import { createListSchema, createTypeSchema, publishSchema, reviewSchema, saveRowSchema, submitSchema, updateTypeSchema, UNIT_KINDS } from "@/lib/list-types/schema";
import { FIELD_TYPE_DEFS, FIELD_TYPES, type FieldDef, type RowValues } from "@/lib/list-types/fields";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-messages";

// The workspace forms of 各类清单: every one posts through useActionForm to a defineAction
// (lib/list-types/actions.ts), so it works before hydration and shows the server's messages.

export function CreateTypedListForm({ typeId, units }: { typeId: number; units: { id: number; name: string }[] }) {
  const router = useRouter();
  const form = useActionForm(createTypedListAction, { schema: createListSchema, onSuccess: (r) => router.push(`/typed-lists/manage/${r.id}`) });
  return (
    <form {...form.formProps} noValidate className="flex flex-wrap items-end gap-2" data-testid={`create-typed-list-${typeId}`}>
      <HiddenFields values={{ typeId }} />
      <Field id={`unit-${typeId}`} label="新建清单草稿：单位" error={form.fieldErrors.unitId}>
        <select {...form.field("unitId", undefined, `unit-${typeId}`)} className={`${inputClass} w-56`} defaultValue="">
          <option value="">请选择</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton pending={form.pending} className={buttonClass.secondary}>
        新建
      </SubmitButton>
      <FormError message={form.error && !form.fieldErrors.unitId ? form.error : null} />
    </form>
  );
}

/** Adds a row (no rowKey) or edits one; each column's input follows its field type. */
export function RowForm({ listId, revision, fields, sections, row, onDone }: { listId: number; revision: number; fields: FieldDef[]; sections: string[]; row?: { key: string; section: string | null; values: RowValues }; onDone?: () => void }) {
  const router = useRouter();
  const form = useActionForm(saveTypedRowAction, {
    schema: saveRowSchema,
    resetOnSuccess: !row,
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
  });
  const prefix = row ? `row-${row.key}` : "new-row";
  return (
    <form {...form.formProps} noValidate className="grid gap-3 sm:grid-cols-2" data-testid={row ? `edit-row-${row.key}` : "add-row-form"}>
      <HiddenFields values={{ listId, revision, rowKey: row?.key ?? "" }} />
      {sections.length > 0 && (
        <Field id={`${prefix}-section`} label="分类" error={form.fieldErrors.section} required>
          <select {...form.field("section", undefined, `${prefix}-section`)} defaultValue={row?.section ?? ""} className={inputClass}>
            <option value="">请选择</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      )}
      {fields.map((f) => {
        const id = `${prefix}-${f.key}`;
        const name = `v.${f.key}` as const;
        const def = FIELD_TYPE_DEFS[f.type];
        const value = row?.values[f.key] ?? "";
        const props = { ...form.field(name, def.hint, id), maxLength: def.maxLength, defaultValue: value, className: inputClass };
        return (
          <Field key={f.key} id={id} label={f.label} error={form.fieldErrors[name]} hint={def.hint} required={f.required} className={f.type === "longText" || f.type === "lawCitation" ? "sm:col-span-2" : ""}>
            {f.type === "choice" ? (
              <select {...props}>
                <option value="">请选择</option>
                {(f.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : f.type === "longText" || f.type === "lawCitation" ? (
              <textarea {...props} rows={3} />
            ) : (
              <input {...props} type={f.type === "date" ? "date" : "text"} autoComplete="off" />
            )}
          </Field>
        );
      })}
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending} pendingLabel="正在保存…">
          {row ? "保存修改" : "添加事项"}
        </SubmitButton>
        {onDone && (
          <button type="button" className={buttonClass.link} onClick={onDone}>
            取消
          </button>
        )}
        <FormError message={form.error} />
      </div>
    </form>
  );
}

export function EditableRow({ listId, revision, fields, sections, row, children }: { listId: number; revision: number; fields: FieldDef[]; sections: string[]; row: { key: string; section: string | null; values: RowValues }; children: React.ReactNode }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <RowForm listId={listId} revision={revision} fields={fields} sections={sections} row={row} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      <button type="button" className={buttonClass.link} onClick={() => setEditing(true)}>
        修改
      </button>
    </div>
  );
}

export function RemoveRowButton({ listId, revision, rowKey, name }: { listId: number; revision: number; rowKey: string; name: string }) {
  const router = useRouter();
  const form = useActionForm(removeTypedRowAction, { onSuccess: () => router.refresh(), confirm: (_d, proceed) => (window.confirm(`删除「${name}」？`) ? proceed() : undefined) });
  return (
    <form {...form.formProps} className="inline">
      <HiddenFields values={{ listId, revision, rowKey }} />
      <SubmitButton pending={form.pending} className={buttonClass.link} aria-label={`删除 ${name}`}>
        删除
      </SubmitButton>
      <FormError message={form.error} />
    </form>
  );
}

export function SubmitListForm({ listId, revision }: { listId: number; revision: number }) {
  const router = useRouter();
  const form = useActionForm(submitTypedListAction, { schema: submitSchema, onSuccess: () => router.refresh() });
  return (
    <form {...form.formProps} className="space-y-2" data-testid="submit-typed-list">
      <HiddenFields values={{ listId, revision }} />
      <SubmitButton pending={form.pending}>提交审核</SubmitButton>
      <FormError message={form.error} />
    </form>
  );
}

export function ReviewForm({ listId, revision, stageName }: { listId: number; revision: number; stageName: string }) {
  const router = useRouter();
  const form = useActionForm(reviewTypedListAction, { schema: reviewSchema, resetOnSuccess: true, onSuccess: () => router.refresh() });
  return (
    <form {...form.formProps} noValidate className="space-y-3" data-testid="review-typed-list">
      <HiddenFields values={{ listId, revision }} />
      <Field id="review-opinion" label={`${stageName}：审核意见`} error={form.fieldErrors.opinion} required>
        <textarea {...form.field("opinion", undefined, "review-opinion")} rows={2} className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={form.pending} name="decision" value="approve">
          通过
        </SubmitButton>
        <SubmitButton pending={form.pending} name="decision" value="return" className={buttonClass.secondary}>
          退回修改
        </SubmitButton>
      </div>
      <FormError message={form.fieldErrors.opinion ? null : form.error} />
    </form>
  );
}

export function PublishForm({ listId, revision, versionNo }: { listId: number; revision: number; versionNo: number }) {
  const router = useRouter();
  const form = useActionForm(publishTypedListAction, {
    schema: publishSchema,
    onSuccess: () => router.refresh(),
    confirm: (_d, proceed) => (window.confirm(`公布为第 ${versionNo} 版？公布后即向社会公开，该版本不能再修改。`) ? proceed() : undefined),
  });
  return (
    <form {...form.formProps} noValidate className="space-y-3" data-testid="publish-typed-list">
      <HiddenFields values={{ listId, revision }} />
      <Field id="publish-doc" label="文号" error={form.fieldErrors.documentNumber} required hint="如 东政办发〔2026〕30号">
        <input {...form.field("documentNumber", "如 东政办发〔2026〕30号", "publish-doc")} autoComplete="off" className={inputClass} />
      </Field>
      <Field id="publish-note" label="公布说明" error={form.fieldErrors.note}>
        <input {...form.field("note", undefined, "publish-note")} autoComplete="off" className={inputClass} />
      </Field>
      <SubmitButton pending={form.pending} pendingLabel="正在公布…">
        公布第 {versionNo} 版
      </SubmitButton>
      <FormError message={form.error} />
    </form>
  );
}

type EditableType = { id: number; revision: number; code: string; name: string; description: string | null; unitKinds: string[]; fields: FieldDef[]; sections: string[]; stageLines: string[] };

/** 编办's editor of a list type: name, unit kinds, columns from the field library (order, required), sections and stages. */
export function ListTypeForm({ type }: { type?: EditableType }) {
  const router = useRouter();
  const [columns, setColumns] = useState<(FieldDef & { id: number })[]>(() =>
    (type?.fields ?? [{ key: "name", label: "事项名称", type: "text", required: true } as FieldDef]).map((f, i) => ({ ...f, id: i })),
  );
  const [nextId, setNextId] = useState(columns.length);
  const create = useActionForm(createListTypeAction, { schema: createTypeSchema, onSuccess: (r) => router.push(`/admin/list-types/${r.id}?saved=1`) });
  const update = useActionForm(updateListTypeAction, { schema: updateTypeSchema, onSuccess: () => router.refresh() });
  const form = type ? update : create;
  const errors = form.fieldErrors;
  const move = (i: number, d: number) =>
    setColumns((cs) => {
      const next = [...cs];
      const [c] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + d)), 0, c);
      return next;
    });
  return (
    <form {...form.formProps} noValidate className="space-y-4" data-testid="list-type-form">
      {type && <HiddenFields values={{ typeId: type.id, revision: type.revision }} />}
      <div className="grid gap-3 sm:grid-cols-2">
        {!type && (
          <Field id="type-code" label="类型代码" error={errors.code} required hint="开放数据接口中的 type，如 xz-service">
            <input name="code" id="type-code" autoComplete="off" className={inputClass} />
          </Field>
        )}
        <Field id="type-name" label="清单类型名称" error={errors.name} required>
          <input name="name" id="type-name" defaultValue={type?.name} autoComplete="off" className={inputClass} />
        </Field>
        <Field id="type-description" label="说明" error={errors.description} className="sm:col-span-2">
          <input name="description" id="type-description" defaultValue={type?.description ?? ""} autoComplete="off" className={inputClass} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">适用单位</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {UNIT_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="unitKinds" value={k} defaultChecked={type ? type.unitKinds.includes(k) : k !== "COMMUNITY"} />
              {ORG_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        {errors.unitKinds && (
          <p role="alert" className="text-xs text-red-600">
            {errors.unitKinds}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">列（按顺序）</legend>
        {columns.map((c, i) => (
          <div key={c.id} className="grid items-end gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[1fr_1fr_1fr_auto_1.5fr_auto]" data-testid="type-column">
            <Field id={`col-${c.id}-label`} label="列名" error={errors[`fields.${i}.label`]}>
              <input name={`fields.${i}.label`} id={`col-${c.id}-label`} defaultValue={c.label} className={inputClass} />
            </Field>
            <Field id={`col-${c.id}-key`} label="字段代码" error={errors[`fields.${i}.key`]}>
              <input name={`fields.${i}.key`} id={`col-${c.id}-key`} defaultValue={c.key} className={inputClass} />
            </Field>
            <Field id={`col-${c.id}-type`} label="字段类型" error={errors[`fields.${i}.type`]}>
              <select name={`fields.${i}.type`} id={`col-${c.id}-type`} defaultValue={c.type} className={inputClass}>
                {FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {FIELD_TYPE_DEFS[t].label}
                  </option>
                ))}
              </select>
            </Field>
            <label className="flex items-center gap-1 pb-2 text-sm">
              <input type="checkbox" name={`fields.${i}.required`} defaultChecked={c.required} />
              必填
            </label>
            <Field id={`col-${c.id}-options`} label="选项（选项类型用，顿号分隔）" error={errors[`fields.${i}.options`]}>
              <input name={`fields.${i}.options`} id={`col-${c.id}-options`} defaultValue={(c.options ?? []).join("、")} className={inputClass} />
            </Field>
            <div className="flex gap-1 pb-1">
              <button type="button" className={buttonClass.link} onClick={() => move(i, -1)} aria-label={`上移 ${c.label}`} disabled={i === 0}>
                ↑
              </button>
              <button type="button" className={buttonClass.link} onClick={() => move(i, 1)} aria-label={`下移 ${c.label}`} disabled={i === columns.length - 1}>
                ↓
              </button>
              <button type="button" className={buttonClass.link} onClick={() => setColumns((cs) => cs.filter((x) => x.id !== c.id))} aria-label={`删除列 ${c.label}`}>
                删除
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            setColumns((cs) => [...cs, { id: nextId, key: `field${nextId + 1}`, label: "", type: "text", required: false }]);
            setNextId((n) => n + 1);
          }}
        >
          添加一列
        </button>
        {errors.fields && (
          <p role="alert" className="text-xs text-red-600">
            {errors.fields}
          </p>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="type-sections" label="分类（每行一个，可不填）" error={errors.sections}>
          <textarea name="sections" id="type-sections" rows={3} defaultValue={type?.sections.join("\n")} className={inputClass} />
        </Field>
        <Field id="type-stages" label="审核环节（每行一个，按顺序）" error={errors.stages} hint="只写环节名称的由编办审核；由其他单位审核的写「环节名称：单位全称」，如「合法性审查：示例市司法局」。">
          <textarea name="stages" id="type-stages" rows={3} defaultValue={type ? type.stageLines.join("\n") : "编办审核"} className={inputClass} />
        </Field>
      </div>
      <p className="text-xs text-slate-600">修改只影响草稿和以后公布的版本：已公布的版本保留公布时的列。</p>
      <SubmitButton pending={form.pending} pendingLabel="正在保存…">
        {type ? "保存清单类型" : "新建清单类型"}
      </SubmitButton>
      <FormError message={form.error} />
    </form>
  );
}
