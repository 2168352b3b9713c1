import { textDelta } from "@/lib/lists/diff";

/** Before and after of one field, with only the changed part highlighted. */
export function DiffText({ before, after }: { before: string; after: string }) {
  const d = textDelta(before, after);
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <div className="rounded border border-red-100 bg-red-50/40 p-2">
        <p className="mb-1 text-xs font-medium text-red-800">原内容</p>
        <p className="whitespace-pre-line text-sm text-slate-800">
          {before ? (
            <>
              {d.prefix}
              {d.removed && <del className="bg-red-200 text-red-900">{d.removed}</del>}
              {d.suffix}
            </>
          ) : (
            <span className="text-slate-600">（空）</span>
          )}
        </p>
      </div>
      <div className="rounded border border-emerald-100 bg-emerald-50/40 p-2">
        <p className="mb-1 text-xs font-medium text-emerald-800">新内容</p>
        <p className="whitespace-pre-line text-sm text-slate-800">
          {after ? (
            <>
              {d.prefix}
              {d.added && <ins className="bg-emerald-200 text-emerald-900 no-underline">{d.added}</ins>}
              {d.suffix}
            </>
          ) : (
            <span className="text-slate-600">（空）</span>
          )}
        </p>
      </div>
    </div>
  );
}
