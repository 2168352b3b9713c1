"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/cx";
import { FormError } from "@/components/ui/form-messages";

const MAX_BYTES = 20 * 1024 * 1024;

type Phase = "idle" | "uploading" | "parsing" | "done";

function size(bytes: number) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Sends the file with XMLHttpRequest (fetch cannot report upload progress), shows a progress
 * bar while it travels and a spinner while the server reads it, then opens the preview.
 */
export function ImportUpload({ editionId }: { editionId: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const busy = phase !== "idle";
  const fileProblem = !!file && (file.size > MAX_BYTES || file.size === 0);

  function choose(f: File | null) {
    setError(null);
    setFile(f);
    if (f && f.size > MAX_BYTES) setError(`文件过大（${size(f.size)}），单个文件不能超过 20 MB。请拆分后再上传。`);
    else if (f && f.size === 0) setError("文件为空（0 字节），请检查后重新选择。");
  }

  function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("请先选择要导入的文件。");
    if (file.size > MAX_BYTES || file.size === 0) return;
    setError(null);
    setProgress(0);
    setPhase("uploading");
    const form = new FormData();
    form.append("editionId", String(editionId));
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/catalogue/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => {
      setProgress(100);
      setPhase("parsing");
    };
    xhr.onload = () => {
      const body = xhr.response as { ok?: boolean; message?: string; previewUrl?: string } | null;
      if (xhr.status === 200 && body?.ok && body.previewUrl) {
        setPhase("done");
        router.push(body.previewUrl);
      } else {
        setPhase("idle");
        setError(body?.message ?? `上传失败（${xhr.status}），请重试。`);
      }
    };
    xhr.onerror = () => {
      setPhase("idle");
      setError("网络错误，文件没有上传成功，请检查网络后重试。");
    };
    xhr.send(form);
  }

  return (
    // A route handler rather than a server action, for the upload progress and the 20 MB limit;
    // before hydration the browser posts the same multipart form natively and is redirected.
    <form method="post" action="/api/catalogue/import" encType="multipart/form-data" onSubmit={upload} className="space-y-4" data-testid="import-upload" noValidate>
      <input type="hidden" name="editionId" value={editionId} />
      <label
        htmlFor="import-file"
        className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-white px-4 py-8 text-center hover:border-brand-600 hover:bg-brand-50"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          if (!busy) choose(e.dataTransfer.files?.[0] ?? null);
        }}
      >
        <span className="text-base font-medium text-slate-800">{file ? file.name : "点击选择文件，或把文件拖到这里"}</span>
        <span className="text-sm text-slate-500">{file ? size(file.size) : "支持 Excel（.xlsx、.xls）和 CSV，单个文件不超过 20 MB"}</span>
        <input
          ref={input}
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,.xls,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
          className="sr-only"
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </label>

      {phase === "uploading" && (
        <div className="space-y-1" data-testid="upload-progress">
          <div className="flex justify-between text-sm text-slate-600">
            <span>正在上传…</span>
            <span className="tabular-nums">{progress}%</span>
          </div>
          <div role="progressbar" aria-label="上传进度" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
        </div>
      )}
      {(phase === "parsing" || phase === "done") && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700" data-testid="parsing">
          <svg className="h-5 w-5 animate-spin text-brand-600" viewBox="0 0 24 24" fill="none" aria-hidden>
            <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" className="opacity-25" />
            <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
          {phase === "done" ? "解析完成，正在打开预览…" : "上传完成，正在解析表格（较大的文件需要几秒钟）…"}
        </p>
      )}

      <FormError message={error} testId="upload-error" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy || !file || fileProblem} data-testid="upload-submit">
          {busy ? "正在处理…" : "上传并预览"}
        </button>
        {file && !busy && (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              choose(null);
              if (input.current) input.current.value = "";
            }}
          >
            重新选择
          </button>
        )}
      </div>
    </form>
  );
}
