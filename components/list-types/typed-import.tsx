"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { importTypedRowsAction, previewTypedImportAction } from "@/lib/list-types/actions";
import { MAX_TYPED_IMPORT_BYTES } from "@/lib/list-types/import";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

type Upload = { fileName: string; file: Uint8Array };
type Preview = Extract<Awaited<ReturnType<typeof previewTypedImportAction>>, { ok: true }>["data"];

/**
 * Rows from a spreadsheet whose headers are the type's column labels: every row is shown as it
 * will be read, with its problems, and only a file without problems is imported (all rows at once).
 */
export function TypedImport({ listId, revision, labels }: { listId: number; revision: number; labels: string[] }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const previewing = useAction(previewTypedImportAction);
  const importing = useAction(importTypedRowsAction);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = previewing.pending || importing.pending;

  async function choose(file: File | undefined) {
    setLocalError(null);
    setDone(null);
    setPreview(null);
    previewing.setError(null);
    importing.setError(null);
    if (!file) return setUpload(null);
    if (!/\.(xlsx|xls|csv)$/i.test(file.name)) return setLocalError("只能导入 Excel（.xlsx、.xls）或 CSV 文件。");
    if (file.size === 0) return setLocalError("文件为空（0 字节），请检查后重新选择。");
    if (file.size > MAX_TYPED_IMPORT_BYTES) return setLocalError(`文件过大，不能超过 ${MAX_TYPED_IMPORT_BYTES / 1024 / 1024} MB。`);
    const next = { fileName: file.name, file: new Uint8Array(await file.arrayBuffer()) };
    setUpload(next);
    previewing.run({ listId, revision, ...next }, (data) => setPreview(data));
  }

  function confirm() {
    if (!upload || !preview) return;
    importing.run({ listId, revision, ...upload }, (data) => {
      setDone(`已导入 ${data.added} 项。`);
      setUpload(null);
      setPreview(null);
      if (input.current) input.current.value = "";
      router.refresh();
    });
  }

  return (
    <div className="space-y-3" data-testid="typed-import">
      <p className="text-sm text-slate-600">表头写本类清单的列名即可识别：{labels.join("、")}。先预览，没有错误才能导入。</p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="typed-import-file" className={`${buttonClass.secondary} cursor-pointer focus-within:ring-2 focus-within:ring-brand-600`}>
          选择文件
          <input ref={input} id="typed-import-file" type="file" accept=".xlsx,.xls,.csv" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} className="sr-only" />
        </label>
        <span className="text-sm text-slate-800">{upload?.fileName ?? "未选择文件"}</span>
      </div>
      {previewing.pending && (
        <p role="status" className="text-sm text-slate-600">
          正在读取表格…
        </p>
      )}
      <FormError message={localError ?? previewing.fieldErrors.file ?? previewing.error ?? importing.fieldErrors.file ?? importing.error} />
      {done && <FormSuccess testId="typed-import-done">{done}</FormSuccess>}
      {preview && upload && (
        <div className="space-y-2" data-testid="typed-import-preview">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              工作表「{preview.sheetName}」共 {preview.rows.length} 行：
            </span>
            <Badge tone="green">可导入 {preview.counts.ok} 行</Badge>
            {preview.counts.error > 0 && <Badge tone="red">{preview.counts.error} 行有错误</Badge>}
            {preview.missing.length > 0 && <span className="text-xs text-amber-800">表格中没有这些列：{preview.missing.join("、")}</span>}
          </div>
          <ul className="max-h-80 divide-y divide-slate-200 overflow-auto rounded-lg border border-slate-200 text-sm">
            {preview.rows.map((r) => (
              <li key={r.rowNumber} className="px-3 py-1.5">
                <span className="mr-2 text-slate-500">第 {r.rowNumber} 行</span>
                {Object.values(r.values)[0]}
                {r.problems.length > 0 && <span className="ml-2 text-red-700">{r.problems.join("；")}</span>}
              </li>
            ))}
          </ul>
          <button type="button" className={buttonClass.primary} disabled={busy || preview.counts.error > 0} onClick={confirm}>
            导入 {preview.counts.ok} 行
          </button>
        </div>
      )}
    </div>
  );
}
