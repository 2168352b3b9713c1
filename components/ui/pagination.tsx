import Link from "next/link";

/** Server-side paging links that keep the current filters in the query string. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${basePath}?${q.toString()}`;
  };
  return (
    <nav aria-label="分页" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>
        共 {total} 条，第 {Math.min(page, pages)} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page - 1)}>
            上一页
          </Link>
        ) : (
          <span className="rounded border border-slate-200 px-3 py-1 text-slate-500">上一页</span>
        )}
        {page < pages ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={href(page + 1)}>
            下一页
          </Link>
        ) : (
          <span className="rounded border border-slate-200 px-3 py-1 text-slate-500">下一页</span>
        )}
      </span>
    </nav>
  );
}
