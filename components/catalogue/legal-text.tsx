/**
 * Multi-line legal text as written, with the source tags (【法律】【法规】【规章】…) marked so a
 * reader sees at a glance which kind of source each paragraph cites.
 */
export function LegalText({ text, clamp }: { text: string | null | undefined; clamp?: boolean }) {
  if (!text) return <span className="text-slate-500">—</span>;
  const parts = text.split(/(【[^【】]{1,12}】)/);
  return (
    <span className={clamp ? "line-clamp-3 whitespace-pre-line" : "whitespace-pre-line"}>
      {parts.map((part, i) =>
        /^【[^【】]{1,12}】$/.test(part) ? (
          <span key={i} className="mr-0.5 rounded bg-slate-100 text-xs font-medium text-slate-700">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
