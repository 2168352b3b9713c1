"use client";

import { StatusPage } from "@/components/ui/status-page";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="出错了" title="页面加载失败" message="系统处理时出现错误，请稍后重试。如果问题持续，请把下面的编号告诉管理员。">
      <div className="flex flex-col items-center gap-3">
        {error.digest && <code className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-600">错误编号：{error.digest}</code>}
        <button onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          重试
        </button>
      </div>
    </StatusPage>
  );
}
