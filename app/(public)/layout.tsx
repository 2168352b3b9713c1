import Link from "next/link";
import "./portal.css";

export const dynamic = "force-dynamic";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        跳到正文
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-baseline gap-2">
            <span className="text-xl font-bold text-brand-700">清单</span>
            <span className="hidden text-sm text-slate-600 sm:inline">街道（乡镇）职权清单公开查询</span>
          </Link>
          <nav aria-label="主导航" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <Link href="/" className="text-slate-700 hover:text-brand-700 hover:underline">
              首页
            </Link>
            <Link href="/lists" className="text-slate-700 hover:text-brand-700 hover:underline">
              清单目录
            </Link>
            <Link href="/lists/local" className="text-slate-700 hover:text-brand-700 hover:underline">
              属地管理事项
            </Link>
            <Link href="/typed-lists" className="text-slate-700 hover:text-brand-700 hover:underline">
              各类清单
            </Link>
            <Link href="/search" className="text-slate-700 hover:text-brand-700 hover:underline">
              事项检索
            </Link>
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              工作人员登录
            </Link>
          </nav>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="no-print border-t border-slate-200 bg-white py-6 text-center text-xs text-slate-600">
        <p>本站公开的清单以各级机构编制部门正式印发的文件为准。</p>
        <p className="mt-1">
          开放数据接口：<code className="rounded bg-slate-100 px-1">/api/public/lists</code>（JSON、CSV）
        </p>
      </footer>
    </div>
  );
}
