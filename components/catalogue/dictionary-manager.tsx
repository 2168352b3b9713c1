"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { createEntryAction, setEntryActiveAction, updateEntryAction } from "@/lib/dictionary/actions";
import { createEntrySchema, updateEntrySchema } from "@/lib/dictionary/schema";
import type { AnyAction } from "@/lib/forms";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { FormError, Notice } from "@/components/ui/form-messages";
import { useAction } from "@/components/ui/use-action";
import { table } from "./table";

type Kind = "POWER_TYPE" | "DOMAIN";
type Entry = { id: number; kind: Kind; code: string | null; name: string; synonyms: string[]; active: boolean; items: number; stamp: string };

const SYNONYM_HINT = "其他文件中的写法，多个用顿号「、」或逗号隔开；导入时按同义词自动识别。";

function EntryForm({ kind, entry, onDone, onCancel }: { kind: Kind; entry?: Entry; onDone: (name: string) => void; onCancel?: () => void }) {
  const router = useRouter();
  const form = useActionForm((entry ? updateEntryAction : createEntryAction) as AnyAction, {
    schema: entry ? updateEntrySchema : createEntrySchema,
    resetOnSuccess: !entry,
    onSuccess: (_, submitted) => {
      onDone(String(submitted?.get("name") ?? "").trim());
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const prefix = entry ? `entry-${entry.id}` : `new-${kind}`;
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[12rem_1fr_auto]"
      data-testid={entry ? "edit-entry-form" : `new-entry-${kind}`}
      {...form.formProps}
    >
      <HiddenFields values={entry ? { id: entry.id, expectedStamp: entry.stamp } : { kind }} />
      <Field id={`${prefix}-name`} label="名称" required error={fieldErrors.name}>
        <input {...form.field("name", undefined, `${prefix}-name`)} defaultValue={entry?.name ?? ""} className={inputClass} />
      </Field>
      <Field id={`${prefix}-synonyms`} label="同义词" error={fieldErrors.synonyms} hint={SYNONYM_HINT}>
        <input {...form.field("synonyms", SYNONYM_HINT, `${prefix}-synonyms`)} defaultValue={entry?.synonyms.join("、") ?? ""} className={inputClass} />
      </Field>
      <div className="flex items-start gap-2 sm:pt-6">
        <SubmitButton pending={pending} pendingLabel="正在保存…">
          {entry ? "保存" : "添加"}
        </SubmitButton>
        {onCancel && (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>取消</button>
        )}
      </div>
      {error && !Object.keys(fieldErrors).length && <div className="sm:col-span-3"><FormError message={error} /></div>}
    </form>
  );
}

function ActiveToggle({ entry, onDone }: { entry: Entry; onDone: (message: string) => void }) {
  const router = useRouter();
  const { run, pending, error } = useAction(setEntryActiveAction);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        className={buttonClass.link}
        disabled={pending}
        onClick={() =>
          run({ id: entry.id, active: !entry.active }, () => {
            onDone(entry.active ? `已停用「${entry.name}」：不再用于新录入和导入，已有事项不受影响。` : `已启用「${entry.name}」。`);
            router.refresh();
          })
        }
      >
        {entry.active ? "停用" : "启用"}
      </button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}

export function DictionaryManager({ kind, title, description, entries }: { kind: Kind; title: string; description: string; entries: Entry[] }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="space-y-3" aria-labelledby={`dict-${kind}`} data-testid={`dictionary-${kind}`}>
      <div>
        <h2 id={`dict-${kind}`} className="text-lg font-semibold text-slate-900">{title}</h2>
        <p className="text-sm text-slate-500">{description}</p>
      </div>
      {message && <Notice>{message}</Notice>}
      <div className={table.wrapper}>
        <table className={table.table}>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>名称</th>
              <th scope="col" className={table.th}>同义词</th>
              <th scope="col" className={`${table.th} text-right`}>使用中的事项</th>
              <th scope="col" className={table.th}>状态</th>
              <th scope="col" className={table.th}>操作</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <tr className={e.active ? undefined : "bg-slate-50 text-slate-500"} data-testid={`entry-${e.name}`}>
                  <td className={`${table.td} whitespace-nowrap font-medium`}>{e.name}</td>
                  <td className={`${table.td} min-w-[12rem] text-slate-600`}>{e.synonyms.length ? e.synonyms.join("、") : <span className="text-slate-500">—</span>}</td>
                  <td className={`${table.td} text-right tabular-nums`}>{e.items}</td>
                  <td className={table.td}>{e.active ? <Badge tone="green">在用</Badge> : <Badge>已停用</Badge>}</td>
                  <td className={`${table.td} whitespace-nowrap`}>
                    <span className="flex gap-3">
                      <button type="button" className={buttonClass.link} onClick={() => setEditing(editing === e.id ? null : e.id)} aria-expanded={editing === e.id}>
                        修改
                      </button>
                      <ActiveToggle entry={e} onDone={setMessage} />
                    </span>
                  </td>
                </tr>
                {editing === e.id && (
                  <tr>
                    <td colSpan={5} className="bg-brand-50 px-3 py-3">
                      <EntryForm
                        kind={kind}
                        entry={e}
                        onCancel={() => setEditing(null)}
                        onDone={(name) => {
                          setEditing(null);
                          setMessage(name !== e.name ? `已将「${e.name}」改名为「${name}」；所有版本中的事项随之显示新名称。` : `已保存「${name}」。`);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="mb-2 text-sm font-semibold text-slate-700">添加{title}</h3>
        <EntryForm kind={kind} onDone={(name) => setMessage(`已添加「${name}」。`)} />
      </div>
    </section>
  );
}
