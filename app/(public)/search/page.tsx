import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { districts, searchLists } from "@/lib/portal/queries";
import { SEARCH_COUNT_CAP } from "@/lib/portal/read";
import { searchLocalDuties } from "@/lib/local-duties/queries";
import { searchTypedRows } from "@/lib/list-types/queries";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { filterId, filterPage, filterText } from "@/lib/validation";

export const metadata: Metadata = { title: "事项检索" };

const PAGE_SIZE = 20;
const TYPED_TAKE = 20;
const schema = z.object({
  q: filterText(50),
  district: filterId,
  page: filterPage(50),
});

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = schema.parse(await searchParams);
  const q = p.q ?? "";
  const [all, result] = await Promise.all([districts(), q ? searchLists({ q, district: p.district ?? null, page: p.page, pageSize: PAGE_SIZE }) : Promise.resolve(null)]);
  const tooShort = q !== "" && (result?.q.length ?? 0) < 2;
  // 属地管理事项 in force, on the first page of results (the lists are small).
  // Rows of the other list types (各类清单) too, on the first page: their first TYPED_TAKE.
  const [local, typed] = result && !tooShort && p.page === 1 ? await Promise.all([searchLocalDuties(result.q), searchTypedRows({ q, district: p.district ?? null, limit: TYPED_TAKE })]) : [[], null];
  const mark = (text: string) => {
    if (!result || !result.q) return text;
    const i = text.toLowerCase().indexOf(result.q);
    if (i < 0) return text;
    return (
      <>
        {text.slice(0, i)}
        <mark className="bg-amber-200 text-slate-900">{text.slice(i, i + result.q.length)}</mark>
        {text.slice(i + result.q.length)}
      </>
    );
  };

  return (
    <main id="main" className="portal-main mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        / 事项检索
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">事项检索</h1>
      <p className="mt-1 text-slate-700">在全部现行清单中按事项名称、子项、编码、权力类型、部门或法律名称查找。</p>
      <form action="/search" method="get" role="search" aria-label="事项检索" className="mt-5 flex flex-wrap items-end gap-3">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="q" className="mb-1 block text-sm text-slate-700">
            检索词（至少 2 个字）
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="如：占道经营、城乡规划法、低保" className={inputClass} maxLength={50} />
        </div>
        <div>
          <label htmlFor="district" className="mb-1 block text-sm text-slate-700">
            区（县）
          </label>
          <select id="district" name="district" defaultValue={p.district ?? ""} className={`${inputClass} w-36`}>
            <option value="">全部</option>
            {all.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.primary}>
          检索
        </button>
      </form>

      <section aria-labelledby="results-heading" className="mt-8" aria-live="polite">
        <h2 id="results-heading" className="sr-only">
          检索结果
        </h2>
        {!q ? (
          <EmptyState title="输入事项名称或法律名称开始检索">例如「占道经营」「城乡规划法」「最低生活保障」。结果会列出每个事项所在的清单和单位。</EmptyState>
        ) : tooShort ? (
          <EmptyState title="检索词太短">请至少输入 2 个字，例如「低保」「消防」。</EmptyState>
        ) : result && result.hits.length === 0 ? (
          <EmptyState title={local.length || typed?.total ? `职权清单中没有包含「${q}」的事项` : `没有找到包含「${q}」的事项`}>请换个说法，或减少字数再试；也可以到「清单目录」按单位查看全部事项。</EmptyState>
        ) : result ? (
          <>
            <p className="mb-3 text-sm text-slate-700" data-testid="search-count">
              找到 {result.capped ? `超过 ${SEARCH_COUNT_CAP}` : result.total} 个事项
              {result.capped && "，请增加关键词缩小范围"}
            </p>
            <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="search-results">
              {result.hits.map((h) => (
                <li key={`${h.list.id}-${h.itemKey}`} className="px-4 py-3">
                  <Link href={`/lists/${h.list.id}/items/${encodeURIComponent(h.itemKey)}`} className="font-medium text-brand-700 hover:underline">
                    {mark(h.name)}
                  </Link>
                  {h.subItemName && <span className="ml-1 text-sm text-slate-600">（{mark(h.subItemName)}）</span>}
                  <p className="mt-1 text-sm text-slate-700">
                    <Link href={`/lists/${h.list.id}`} className="underline-offset-2 hover:underline">
                      {h.list.title}
                    </Link>
                    <span className="text-slate-600">
                      {" "}
                      · {h.unit.district ? `${h.unit.district} · ` : ""}
                      {ORG_KIND_LABELS[h.unit.kind]}
                      {h.powerType ? ` · ${h.powerType}` : ""}
                      {h.category ? ` · ${h.category}` : ""}
                    </span>
                  </p>
                </li>
              ))}
            </ol>
            {result.total > PAGE_SIZE && <Pagination page={p.page} pageSize={PAGE_SIZE} total={result.total} basePath="/search" params={{ q, district: p.district ? String(p.district) : undefined }} />}
          </>
        ) : null}
      </section>

      {typed && typed.total > 0 && (
        <section aria-labelledby="typed-heading" className="mt-8" data-testid="search-typed">
          <h2 id="typed-heading" className="mb-1 text-lg font-semibold text-slate-900">
            其他清单中的事项（{typed.capped ? `超过 ${typed.total}` : typed.total} 项）
          </h2>
          <p className="mb-3 text-sm text-slate-700">公共服务、责任、信息共享等各类清单的现行版本{typed.total > typed.hits.length && `，列出前 ${typed.hits.length} 项`}。</p>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {typed.hits.map((h) => (
              <li key={`${h.list.id}-${h.rowKey}`} className="px-4 py-3">
                <span className="mr-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" data-testid="search-typed-label">
                  {h.type.name}
                </span>
                <Link href={`/typed-lists/${h.list.id}#row-${encodeURIComponent(h.rowKey)}`} className="font-medium text-brand-700 hover:underline">
                  {mark(h.name || `第 ${h.rowKey} 项`)}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  <Link href={`/typed-lists/${h.list.id}`} className="underline-offset-2 hover:underline">
                    {h.list.title}
                  </Link>
                  <span className="text-slate-600">
                    {" "}
                    · 第 {h.list.versionNo} 版 · {h.unit.district ? `${h.unit.district} · ` : ""}
                    {ORG_KIND_LABELS[h.unit.kind]}
                  </span>
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {local.length > 0 && (
        <section aria-labelledby="local-heading" className="mt-8" data-testid="search-local">
          <h2 id="local-heading" className="mb-1 text-lg font-semibold text-slate-900">
            属地管理事项（{local[0].total} 项）
          </h2>
          <p className="mb-3 text-sm text-slate-700">经准入交由街道、社区承担的事项{local[0].total > local.length && `，列出前 ${local.length} 项`}。</p>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {local.map((h, i) => (
              <li key={`${h.unitId}-${i}`} className="px-4 py-3">
                <Link href={`/local-duties/${h.unitId}`} className="font-medium text-brand-700 hover:underline">
                  {mark(h.name)}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  {h.unitName}属地管理事项清单（第 {h.versionNo} 版）
                  <span className="text-slate-600">
                    {h.dutyType ? ` · ${h.dutyType}` : ""}
                    {h.departmentName ? ` · ${h.departmentName}` : ""}
                  </span>
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
