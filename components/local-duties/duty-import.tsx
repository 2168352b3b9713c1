"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { importDutiesAction, previewDutyImportAction } from "@/lib/local-duties/actions";
import type { DutyImportRow } from "@/lib/local-duties/import";
import { MAX_DUTY_IMPORT_BYTES } from "@/lib/local-duties/schema";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/cx";
import { useAction } from "@/components/ui/use-action";
import { FormError, FormSuccess } from "@/components/ui/form-messages";

type Upload = { fileName: string; file: Uint8Array };
type Preview = Extract<Awaited<ReturnType<typeof previewDutyImportAction>>, { ok: true }>["data"];

const STATUS: Record<DutyImportRow["status"], { tone: "green" | "gray" | "red"; label: string }> = {
  new: { tone: "green", label: "将导入" },
  exists: { tone: "gray", label: "已有，跳过" },
  error: { tone: "red", label: "有错误" },
};

/**
 * 编办 uploads a spreadsheet of 存量事项, sees every row as it will be read (with errors and
 * warnings), and only then imports the valid ones in one go. The file is sent again on confirm
 * so the server checks exactly what it writes.
 */
export function DutyImport({ unitId }: { unitId: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const previewing = useAction(previewDutyImportAction);
  const importing = useAction(importDutiesAction);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = previewing.pending || importing.pending;

  function reset() {
    setUpload(null);
    setPreview(null);
    if (input.current) input.current.value = "";
  }

  async function choose(file: File | undefined) {
    setLocalError(null);
    setDone(null);
    setPreview(null);
    previewing.setError(null);
    importing.setError(null);
    if (!file) return setUpload(null);
    if (!/\.(xlsx|xls|csv)$/i.test(file.name)) return setLocalError("只能导入 Excel（.xlsx、.xls）或 CSV 文件。");
    if (file.size === 0) return setLocalError("文件为空（0 字节），请检查后重新选择。");
    if (file.size > MAX_DUTY_IMPORT_BYTES) return setLocalError(`文件过大，不能超过 ${MAX_DUTY_IMPORT_BYTES / 1024 / 1024} MB。`);
    const next = { fileName: file.name, file: new Uint8Array(await file.arrayBuffer()) };
    setUpload(next);
    previewing.run({ unitId, ...next }, (data) => setPreview(data));
  }

  function confirm() {
    if (!upload || !preview) return;
    importing.run({ unitId, ...upload, expectNew: preview.counts.new }, (data) => {
      setDone(`已导入 ${data.added} 项${data.skipped.length ? `，跳过清单中已有的 ${data.skipped.length} 项` : ""}。公布新版本后对外生效。`);
      reset();
      router.refresh();
    });
  }

  return (
    <div className="space-y-4" data-testid="duty-import">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
        <li>
          <a href="/api/local-duties/template" className={buttonClass.link} data-testid="import-template">
            下载导入模板
          </a>
          ，按列填写（已有的 Excel 清单可直接上传：表头上方的标题行、「项目名称」「部门职责」「属地职责」「依据」等常见列名都能识别）。
        </li>
        <li>上传文件后先看预览，确认无误再导入；有错误的行须改好文件后重新上传，清单中已有的同名事项会跳过。</li>
        <li>导入的事项在「公布新版本」后才对外生效。</li>
      </ol>

      <div className="flex flex-wrap items-center gap-3">
        {/* The browser's own file button speaks the browser's language; this one speaks Chinese. */}
        <label htmlFor="duty-import-file" className={`${buttonClass.secondary} cursor-pointer focus-within:ring-2 focus-within:ring-brand-600`}>
          选择文件
          <input
            ref={input}
            id="duty-import-file"
            type="file"
            accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
            disabled={busy}
            onChange={(e) => void choose(e.target.files?.[0])}
            className="sr-only"
            aria-describedby="duty-import-hint"
          />
        </label>
        <span className="text-sm text-slate-800">{upload?.fileName ?? "未选择文件"}</span>
        <span id="duty-import-hint" className="text-xs text-slate-500">
          Excel（.xlsx、.xls）或 CSV，不超过 {MAX_DUTY_IMPORT_BYTES / 1024 / 1024} MB
        </span>
      </div>

      {previewing.pending && (
        <p role="status" className="text-sm text-slate-600">
          正在读取表格…
        </p>
      )}
      <FormError message={localError ?? previewing.fieldErrors.file ?? previewing.error ?? importing.fieldErrors.file ?? importing.error} />
      {done && <FormSuccess testId="import-done">{done}</FormSuccess>}

      {preview && upload && (
        <div className="space-y-3" data-testid="import-preview">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-800">
              「{preview.fileName}」工作表「{preview.sheetName}」共 {preview.rows.length} 行：
            </span>
            <Badge tone="green">可导入 {preview.counts.new} 项</Badge>
            {preview.counts.exists > 0 && <Badge tone="gray">已有 {preview.counts.exists} 项，将跳过</Badge>}
            {preview.counts.error > 0 && <Badge tone="red">{preview.counts.error} 行有错误</Badge>}
          </div>
          {preview.notices.length > 0 && (
            <ul className="list-disc space-y-0.5 pl-5 text-xs text-amber-800">
              {preview.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}

          <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="sticky top-0 bg-slate-50 text-left text-xs font-medium text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 text-right">
                    行
                  </th>
                  <th scope="col" className="px-3 py-2">
                    状态与提示
                  </th>
                  <th scope="col" className="px-3 py-2">
                    事项名称 / 类型
                  </th>
                  <th scope="col" className="px-3 py-2">
                    责任部门
                  </th>
                  <th scope="col" className="px-3 py-2">
                    职责与依据
                  </th>
                  <th scope="col" className="px-3 py-2">
                    主体 / 配合责任
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white align-top">
                {preview.rows.map((row) => (
                  <tr key={row.rowNumber} data-row={row.rowNumber} data-status={row.status} className={row.status === "error" ? "bg-red-50/60" : row.status === "exists" ? "bg-slate-50 text-slate-500" : undefined}>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-500">{row.rowNumber}</td>
                    <td className="min-w-44 max-w-56 px-3 py-2 text-xs">
                      <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge>
                      {row.errors.map((e) => (
                        <p key={e} className="mt-1 text-red-700">
                          {e}
                        </p>
                      ))}
                      {row.warnings.map((w) => (
                        <p key={w} className="mt-1 text-amber-800">
                          {w}
                        </p>
                      ))}
                    </td>
                    <td className="min-w-40 px-3 py-2">
                      <p className="font-medium">{row.values.name || <span className="text-red-700">（未填写）</span>}</p>
                      <p className="text-xs text-slate-500">{row.values.dutyType || "（无类型）"}</p>
                    </td>
                    <td className="min-w-28 px-3 py-2">
                      {row.department ? row.department.name : row.values.departmentName}
                      {row.department && <span className="ml-1 text-xs text-emerald-700">✓</span>}
                    </td>
                    <td className="min-w-60 max-w-sm px-3 py-2 text-xs text-slate-600">
                      <p className="line-clamp-2" title={row.values.departmentDuty}>
                        <span className="text-slate-400">部门：</span>
                        {row.values.departmentDuty}
                      </p>
                      <p className="line-clamp-2" title={row.values.localDuty}>
                        <span className="text-slate-400">属地：</span>
                        {row.values.localDuty}
                      </p>
                      <p className="line-clamp-1" title={row.values.legalBasis}>
                        <span className="text-slate-400">依据：</span>
                        {row.values.legalBasis}
                      </p>
                    </td>
                    <td className="min-w-24 px-3 py-2 text-xs">
                      <p>{row.values.leadResponsibility}</p>
                      <p className="text-slate-500">{row.values.supportResponsibility}</p>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {preview.counts.error > 0 ? (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-blocked">
              有 {preview.counts.error} 行有错误，不能导入。请按「状态与提示」一栏修改文件后重新上传；导入是全部或全不，不会只导入一部分。
            </p>
          ) : preview.counts.new === 0 ? (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">表格中的事项都已在清单中，没有需要导入的新事项。</p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonClass.primary} disabled={busy || preview.counts.error > 0 || preview.counts.new === 0} onClick={confirm} data-testid="import-confirm">
              {importing.pending ? "正在导入…" : `确认导入 ${preview.counts.new} 项`}
            </button>
            <button type="button" className={buttonClass.secondary} disabled={busy} onClick={reset}>
              取消
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
