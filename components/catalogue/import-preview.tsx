"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import type { CanonicalField } from "@/lib/catalogue/import/fields";
import { adjustImportAction, commitImportAction, discardImportAction } from "@/lib/catalogue/actions";
import { adjustImportSchema, type AdjustImportInput } from "@/lib/catalogue/schema";
import type { PreviewRow } from "@/lib/catalogue/preview";
import { Badge } from "@/components/ui/badge";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError } from "@/components/ui/form-messages";
import { HiddenFields, SubmitButton, useActionForm } from "@/components/ui/form";
import { table } from "./table";

type Option = { id: number; name: string };

/** Sends one correction and re-renders the preview with it. */
function useAdjust() {
  const router = useRouter();
  const action = useAction(adjustImportAction);
  return {
    ...action,
    adjust: (input: AdjustImportInput, onDone?: () => void) =>
      action.run(input, () => {
        onDone?.();
        router.refresh();
      }),
  };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function ColumnMapper({
  sessionId,
  sheet,
  columns,
  fields,
}: {
  sessionId: number;
  sheet: string;
  columns: { index: number; header: string; field: CanonicalField | null; overridden: boolean }[];
  fields: { field: CanonicalField; label: string }[];
}) {
  const { adjust, pending, error } = useAdjust();
  return (
    <div className="space-y-2">
      <div className={table.wrapper}>
        <table className={table.table}>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>列</th>
              <th scope="col" className={table.th}>原表表头</th>
              <th scope="col" className={table.th}>导入为</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {columns.map((c) => {
              const id = `col-${sheet}-${c.index}`;
              return (
                <tr key={c.index} className={c.field ? undefined : "bg-amber-50/60"}>
                  <td className={`${table.td} font-mono text-slate-500`}>{columnLetter(c.index)}</td>
                  <td className={`${table.td} min-w-[10rem]`}>
                    <label htmlFor={id}>{c.header || <span className="text-slate-500">（无表头）</span>}</label>
                    {!c.field && !c.overridden && <span className="ml-2 text-xs text-amber-700">未识别，不会导入</span>}
                  </td>
                  <td className={table.td}>
                    <select
                      id={id}
                      className={`${inputClass} min-w-[10rem] py-1`}
                      value={c.field ?? ""}
                      disabled={pending}
                      onChange={(e) => adjust({ sessionId, change: "column", sheet, index: c.index, field: (e.target.value || null) as CanonicalField | null })}
                    >
                      <option value="">不导入</option>
                      {fields.map((f) => (
                        <option key={f.field} value={f.field}>{f.label}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pending && <p className="text-xs text-slate-500" role="status">正在按新的对照重新解析…</p>}
      <FormError message={error} />
    </div>
  );
}

/** Maps texts the dictionary does not know (power types or domains) to dictionary entries. */
export function TextMapper({
  sessionId,
  change,
  texts,
  options,
  testId,
}: {
  sessionId: number;
  change: "type" | "domain";
  texts: { text: string; count: number; mappedTo: number | null }[];
  options: Option[];
  testId?: string;
}) {
  const { adjust, pending, error } = useAdjust();
  return (
    <div className="space-y-2" data-testid={testId}>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {texts.map((t, i) => {
          const id = `${change}-map-${i}`;
          return (
            <li key={t.text} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
              <label htmlFor={id} className="text-sm">
                原文「<span className="font-medium text-slate-900">{t.text}</span>」
                {t.count > 0 && <span className="ml-1 text-slate-500">（{t.count} 处）</span>}
                {t.mappedTo != null && <Badge tone="green">已对照</Badge>}
              </label>
              <select
                id={id}
                className={`${inputClass} sm:w-56`}
                value={t.mappedTo ?? ""}
                disabled={pending}
                onChange={(e) => adjust({ sessionId, change, text: t.text, entryId: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">{change === "type" ? "请选择对应的权力类型" : "保留原文，不归类"}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>{o.name}</option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </div>
  );
}

const STATUS: Record<PreviewRow["status"], { label: string; tone: "gray" | "green" | "amber" | "red" | "blue" }> = {
  ok: { label: "可导入", tone: "green" },
  warning: { label: "有提示", tone: "amber" },
  error: { label: "有错误", tone: "red" },
  identical: { label: "相同，跳过", tone: "gray" },
  excluded: { label: "已排除", tone: "gray" },
};

function RowEditor({ sessionId, row, types, onClose }: { sessionId: number; row: PreviewRow; types: Option[]; onClose: () => void }) {
  const router = useRouter();
  const form = useActionForm(adjustImportAction, {
    schema: adjustImportSchema,
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  const { pending, error, fieldErrors } = form;
  const nameId = `fix-name-${row.key}`;
  const typeId_ = `fix-type-${row.key}`;
  return (
    <form className="grid gap-3 rounded-md border border-brand-100 bg-brand-50 p-3 sm:grid-cols-[1fr_12rem_auto]" data-testid="row-editor" {...form.formProps}>
      <HiddenFields values={{ sessionId, change: "row", key: row.key }} />
      <div className="space-y-1">
        <label htmlFor={nameId} className="block text-xs font-medium text-slate-700">事项名称</label>
        <input {...form.field("name", undefined, nameId)} defaultValue={row.name} className={inputClass} />
        {fieldErrors.name && <p id={`${nameId}-error`} role="alert" className="text-xs text-red-600">{fieldErrors.name}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor={typeId_} className="block text-xs font-medium text-slate-700">权力类型</label>
        <select {...form.field("powerTypeId", undefined, typeId_)} defaultValue={row.typeId ? String(row.typeId) : ""} className={inputClass}>
          <option value="">{row.typeText ? `按原文「${row.typeText}」` : "（不指定）"}</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <SubmitButton pending={pending} pendingLabel="正在保存…">保存</SubmitButton>
        <button type="button" className={buttonClass.secondary} onClick={onClose}>取消</button>
      </div>
      {error && !fieldErrors.name && <p role="alert" className="text-xs text-red-600 sm:col-span-3">{error}</p>}
    </form>
  );
}

export function PreviewRows({ sessionId, rows, types, multiSheet }: { sessionId: number; rows: PreviewRow[]; types: Option[]; multiSheet: boolean }) {
  const { adjust, pending, error } = useAdjust();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div className={table.wrapper}>
        <table className={table.table} data-testid="preview-rows">
          <caption className="sr-only">解析出的事项</caption>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>状态</th>
              <th scope="col" className={table.th}>行号</th>
              <th scope="col" className={table.th}>序号</th>
              <th scope="col" className={table.th}>事项名称</th>
              <th scope="col" className={table.th}>权力类型</th>
              <th scope="col" className={table.th}>领域 / 部门</th>
              <th scope="col" className={table.th}>实施依据</th>
              <th scope="col" className={table.th}>问题</th>
              <th scope="col" className={table.th}>操作</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {rows.map((row) => {
              const status = STATUS[row.status];
              const muted = row.status === "excluded" || row.status === "identical";
              return (
                <Fragment key={row.key}>
                  <tr data-testid="preview-row" data-status={row.status} className={muted ? "bg-slate-50 text-slate-500" : row.status === "error" ? "bg-red-50/50" : undefined}>
                    <td className={`${table.td} whitespace-nowrap`}>
                      <Badge tone={status.tone}>{status.label}</Badge>
                      {row.edited && <span className="mt-1 block text-xs text-brand-700">已修改</span>}
                    </td>
                    <td className={`${table.td} whitespace-nowrap tabular-nums text-xs text-slate-500`}>
                      {multiSheet && <span className="block max-w-[8rem] truncate" title={row.sheet}>{row.sheet}</span>}
                      第 {row.row}{row.rowsSpanned > 1 ? `–${row.row + row.rowsSpanned - 1}` : ""} 行
                    </td>
                    <td className={`${table.td} whitespace-nowrap text-slate-500`}>{row.seq ?? "—"}</td>
                    <td className={`${table.td} min-w-[11rem] max-w-sm`}>
                      {row.name ? <span className={muted ? "line-through decoration-slate-300" : "font-medium text-slate-900"}>{row.name}</span> : <span className="text-red-600">（缺少名称）</span>}
                      {row.subItems.length > 0 && (
                        <details className="mt-1 text-xs text-slate-600">
                          <summary className="cursor-pointer text-brand-700">含 {row.subItems.length} 个子项</summary>
                          <ol className="mt-1 list-decimal space-y-0.5 pl-4">
                            {row.subItems.map((s, i) => (
                              <li key={i}>{s.name}</li>
                            ))}
                          </ol>
                        </details>
                      )}
                      {row.code && <span className="block font-mono text-xs text-slate-500">{row.code}</span>}
                    </td>
                    <td className={`${table.td} whitespace-nowrap`}>
                      {row.typeName ?? (row.typeText ? <span className="text-red-600">{row.typeText}</span> : <span className="text-slate-500">—</span>)}
                      {row.typeName && row.typeText && row.typeText !== row.typeName && <span className="block text-xs text-slate-500">原文：{row.typeText}</span>}
                    </td>
                    <td className={`${table.td} min-w-[5rem] text-xs`}>
                      <span className="block">
                        {row.domainName ?? row.domainText ?? "—"}
                        {row.domainInferred && <span className="text-slate-500" title="文件没有领域列，按部门、工作表或文件名称推断">（推断）</span>}
                      </span>
                      {row.departmentText && (
                        <span className="block text-slate-500">
                          {row.departmentText}
                          {row.departmentMatched && row.departmentMatched !== row.departmentText && <span className="text-emerald-700">（即{row.departmentMatched}）</span>}
                        </span>
                      )}
                    </td>
                    <td className={`${table.td} min-w-[10rem] max-w-xs text-xs text-slate-600`}>
                      <span className="line-clamp-3 whitespace-pre-line">{row.legalBasis ?? "—"}</span>
                    </td>
                    <td className={`${table.td} min-w-[9rem] max-w-xs text-xs`}>
                      {row.issues.length === 0 ? (
                        <span className="text-slate-500">无</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {row.issues.map((issue, i) => (
                            <li key={i} className={issue.level === "error" ? "text-red-700" : "text-amber-800"}>
                              {issue.level === "error" ? "✕ " : "! "}
                              {issue.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className={`${table.td} whitespace-nowrap`}>
                      <span className="flex flex-col items-start gap-1">
                        {row.status !== "excluded" && (
                          <button type="button" className={buttonClass.link} onClick={() => setEditing(editing === row.key ? null : row.key)} aria-expanded={editing === row.key} data-testid="fix-row">
                            修改
                          </button>
                        )}
                        <button
                          type="button"
                          className={buttonClass.link}
                          disabled={pending}
                          onClick={() => adjust({ sessionId, change: "exclude", keys: [row.key], excluded: row.status !== "excluded" })}
                          data-testid={row.status === "excluded" ? "include-row" : "exclude-row"}
                        >
                          {row.status === "excluded" ? "恢复导入" : "不导入"}
                        </button>
                      </span>
                    </td>
                  </tr>
                  {editing === row.key && (
                    <tr>
                      <td colSpan={9} className="px-3 pb-3">
                        <RowEditor sessionId={sessionId} row={row} types={types} onClose={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ExcludeErrorsButton({ sessionId, keys }: { sessionId: number; keys: string[] }) {
  const { adjust, pending, error } = useAdjust();
  if (keys.length === 0) return null;
  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" className={buttonClass.secondary} disabled={pending} onClick={() => adjust({ sessionId, change: "exclude", keys, excluded: true })}>
        {pending ? "正在处理…" : `有错误的 ${keys.length} 项不导入`}
      </button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}

export function ResetButton({ sessionId }: { sessionId: number }) {
  const { adjust, pending } = useAdjust();
  return (
    <button type="button" className={buttonClass.link} disabled={pending} onClick={() => adjust({ sessionId, change: "reset" })}>
      撤销全部修改
    </button>
  );
}

export function CommitBar({
  sessionId,
  editionId,
  toImport,
  subItems,
  blocked,
}: {
  sessionId: number;
  editionId: number;
  toImport: number;
  subItems: number;
  blocked: string | null;
}) {
  const router = useRouter();
  const commit = useAction(commitImportAction);
  const discard = useAction(discardImportAction);
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.04)] backdrop-blur" data-testid="commit-bar">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="text-sm">
          {blocked ? (
            <span className="text-red-700" data-testid="commit-blocked">{blocked}</span>
          ) : (
            <span className="text-slate-700">
              将导入 <strong className="text-slate-900">{toImport}</strong> 个事项{subItems > 0 && `（含 ${subItems} 个子项）`}，全部写入或全部不写入。
            </span>
          )}
          <FormError message={commit.error ?? discard.error} testId="commit-error" />
        </div>
        <div className="flex flex-wrap gap-2">
          <ConfirmButton
            title="放弃这次导入？"
            message={<p>将删除上传的文件和您在预览中所做的修改，不会写入任何事项。</p>}
            confirmLabel="放弃导入"
            pending={discard.pending}
            onConfirm={() => discard.run({ sessionId }, (r) => router.push(`/catalogue/editions/${r.editionId}/import`))}
          >
            放弃
          </ConfirmButton>
          <button
            type="button"
            className={buttonClass.primary}
            disabled={!!blocked || commit.pending}
            data-testid="commit-import"
            onClick={() =>
              commit.run({ sessionId }, (r) => router.push(`/catalogue/editions/${editionId}?imported=${r.items}&skipped=${r.skipped}`))
            }
          >
            {commit.pending ? "正在导入…" : `确认导入 ${toImport} 个事项`}
          </button>
        </div>
      </div>
    </div>
  );
}
