"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/cx";

/** Shows a generated password once; it is not stored anywhere the page could show it again. */
export function TemporaryPassword({ password, title, children }: { password: string; title: string; children?: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      // Clipboard access needs HTTPS or localhost; the password stays readable on screen.
      setCopied(false);
    }
  }
  return (
    <div role="status" data-testid="temporary-password" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span>
          初始密码：
          <code data-testid="temporary-password-value" className="select-all rounded bg-white px-2 py-1 font-mono text-base font-semibold tracking-wider text-slate-900 ring-1 ring-amber-300">
            {password}
          </code>
          ，请转告本人；首次登录须修改密码。
        </span>
        <button type="button" onClick={copy} className={buttonClass.small}>
          {copied ? "已复制" : "复制"}
        </button>
      </p>
      <p className="mt-2 text-xs text-amber-800">此密码只显示这一次，离开或刷新本页后无法再次查看；如遗失，可再次重置密码。</p>
      {children && <div className="mt-3 flex flex-wrap gap-3">{children}</div>}
    </div>
  );
}
