import { buttonClass, inputClass } from "@/components/ui/cx";

/** A plain GET form: works without JavaScript, and its URL can be shared. */
export function SearchBox({ q = "", district, label = "在全部已公布清单中检索事项", size = "md" }: { q?: string; district?: number | null; label?: string; size?: "md" | "lg" }) {
  return (
    <form action="/search" method="get" role="search" aria-label="事项检索" className="flex flex-wrap items-end gap-2">
      <div className="min-w-[14rem] flex-1">
        <label htmlFor="search-q" className="mb-1 block text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="如：占道经营、城乡规划法、低保"
          className={`${inputClass} ${size === "lg" ? "py-3 text-base" : ""}`}
          minLength={2}
          maxLength={50}
        />
      </div>
      {district ? <input type="hidden" name="district" value={district} /> : null}
      <button type="submit" className={`${buttonClass.primary} ${size === "lg" ? "py-3" : ""}`}>
        检索
      </button>
    </form>
  );
}
