import Link from "next/link";

export const dynamic = "force-dynamic";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
          <Link href="/" className="flex items-baseline gap-2">
            <span className="text-xl font-bold text-brand-700">清单</span>
            <span className="hidden text-sm text-slate-500 sm:inline">街道（乡镇）职权清单公开查询</span>
          </Link>
          <Link href="/login" className="text-sm font-medium text-brand-600 hover:underline">
            工作人员登录
          </Link>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="no-print border-t border-slate-200 bg-white py-6 text-center text-xs text-slate-500">
        本站公开的清单以各级机构编制部门正式印发的文件为准。
      </footer>
    </div>
  );
}
