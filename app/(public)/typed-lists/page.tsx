import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { listTypes, publishedTypedLists } from "@/lib/list-types/queries";
import { districts } from "@/lib/portal/queries";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { filterId, filterPage, filterText } from "@/lib/validation";

export const metadata: Metadata = { title: "各类清单" };

const PAGE_SIZE = 50;
const filterSchema = z.object({ type: filterText(40), district: filterId, q: filterText(30), page: filterPage(10_000) });

/** The directory of published lists of every configurable type (责任清单, 公共服务事项清单 …). */
export default async function PublicTypedListsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = filterSchema.parse(await searchParams);
  const [types, all] = await Promise.all([listTypes(), districts()]);
  const type = types.find((t) => t.code === filter.type) ?? null;
  const result = await publishedTypedLists({ type: type?.code ?? null, district: filter.district ?? null, q: filter.q ?? null, page: filter.page, pageSize: PAGE_SIZE });
  const filtered = !!(type || filter.district || filter.q);
  const groups: { name: string; rows: typeof result.items }[] = [];
  for (const row of result.items) {
    const last = groups[groups.length - 1];
    if (last?.name === row.type.name) last.rows.push(row);
    else groups.push({ name: row.type.name, rows: [row] });
  }

  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        / 各类清单
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">{type ? type.name : "各类清单"}</h1>
      <p className="mt-1 text-slate-700">{type?.description ?? "责任清单、公共服务事项清单、信息共享清单等各街道、乡镇公布的清单。职权清单见「清单目录」。"}</p>

      <form className="no-print my-5 flex flex-wrap items-end gap-3" aria-label="筛选清单">
        <div>
          <label htmlFor="type" className="mb-1 block text-sm text-slate-700">
            清单类型
          </label>
          <select id="type" name="type" defaultValue={type?.code ?? ""} className={`${inputClass} w-64`}>
            <option value="">全部</option>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="district" className="mb-1 block text-sm text-slate-700">
            区（县）
          </label>
          <select id="district" name="district" defaultValue={filter.district ?? ""} className={`${inputClass} w-40`}>
            <option value="">全部</option>
            {all.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="typed-unit-q" className="mb-1 block text-sm text-slate-700">
            单位名称
          </label>
          <input id="typed-unit-q" name="q" defaultValue={filter.q ?? ""} className={`${inputClass} w-48`} />
        </div>
        <button type="submit" className={buttonClass.secondary}>
          筛选
        </button>
        {filtered && (
          <Link href="/typed-lists" className={buttonClass.link}>
            清除条件
          </Link>
        )}
      </form>

      {result.total === 0 ? (
        <EmptyState title={filtered ? "没有符合条件的清单" : "目前还没有公布的清单"} />
      ) : (
        <div className="space-y-8">
          <p className="text-sm text-slate-600">共 {result.total} 份清单</p>
          {groups.map((g) => (
            <section key={g.name} aria-label={g.name}>
              <h2 className="mb-2 text-lg font-semibold text-slate-900">{g.name}</h2>
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="public-typed-lists">
                {g.rows.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                    <span>
                      <Link href={`/typed-lists/${l.id}`} className="font-medium text-brand-700 hover:underline">
                        {l.title}
                      </Link>
                      <span className="ml-2 text-sm text-slate-600">
                        {l.unit.district ? `${l.unit.district} · ` : ""}
                        {ORG_KIND_LABELS[l.unit.kind]}
                      </span>
                    </span>
                    <span className="text-sm text-slate-600">
                      第 {l.versionNo} 版 · {l.rowCount} 项 · {formatDate(l.publishedAt)} 公布
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {result.total > PAGE_SIZE && (
        <Pagination page={filter.page} pageSize={PAGE_SIZE} total={result.total} basePath="/typed-lists" params={{ type: type?.code, district: filter.district ? String(filter.district) : undefined, q: filter.q }} />
      )}
    </main>
  );
}
