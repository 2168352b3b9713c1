import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { filterRows, publicTypedList } from "@/lib/list-types/queries";
import { diffTypedVersions, rowName } from "@/lib/list-types/diff";
import { displayCell } from "@/lib/list-types/fields";
import { DiffText } from "@/components/portal/diff-text";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { formatDate } from "@/lib/format";
import { filterText, routeId } from "@/lib/validation";

const filterSchema = z.object({ q: filterText(30), section: filterText(30) });

export async function generateMetadata({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string }> }): Promise<Metadata> {
  const id = routeId((await params).id);
  const list = id ? await publicTypedList(id, routeId((await searchParams).v) ?? undefined) : null;
  return { title: list?.version.title ?? "清单" };
}

/** A published list of a configurable type: its version's own columns, search by text and section, downloads, history and what changed. */
export default async function PublicTypedListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = routeId((await params).id) ?? notFound();
  const sp = await searchParams;
  const v = routeId(typeof sp.v === "string" ? sp.v : undefined) ?? undefined;
  const filter = filterSchema.parse(sp);
  const list = await publicTypedList(id, v);
  if (!list) notFound();
  const { version } = list;
  const rows = filterRows(version, filter);
  const filtered = !!(filter.q || filter.section);
  const previous = version.versionNo > 1 ? await publicTypedList(id, version.versionNo - 1) : null;
  const diff = previous ? diffTypedVersions(previous.version, version) : null;
  const base = `/typed-lists/${id}`;
  const vq = list.isCurrent ? "" : `v=${version.versionNo}`;

  return (
    <main id="main" className="portal-main mx-auto max-w-7xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        /{" "}
        <Link href={`/typed-lists?type=${encodeURIComponent(list.type.code)}`} className="hover:underline">
          {version.typeName}
        </Link>{" "}
        / {version.unitName}
      </nav>
      <h1 className="text-xl font-semibold sm:text-2xl">{version.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        第 {version.versionNo} 版 · {version.documentNumber} · {formatDate(version.publishedAt)} 公布 · 共 {version.rowCount} 项{version.note ? ` · ${version.note}` : ""}
      </p>
      <p className="no-print mt-3 flex flex-wrap gap-3 text-sm">
        {(["xlsx", "csv", "pdf"] as const).map((format) => (
          <a key={format} href={`${base}/download?format=${format}&v=${version.versionNo}`} className={buttonClass.secondary} download>
            下载 {format === "xlsx" ? "Excel" : format.toUpperCase()}
          </a>
        ))}
      </p>
      {!list.isCurrent && (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          这是历史版本。
          <Link href={base} className="underline">
            查看现行版本
          </Link>
        </p>
      )}

      <form className="no-print my-5 flex flex-wrap items-end gap-3" aria-label="筛选事项">
        {!list.isCurrent && <input type="hidden" name="v" value={version.versionNo} />}
        <div>
          <label htmlFor="typed-q" className="mb-1 block text-sm text-slate-700">
            关键词
          </label>
          <input id="typed-q" name="q" defaultValue={filter.q ?? ""} className={`${inputClass} w-56`} />
        </div>
        {version.sections.length > 0 && (
          <div>
            <label htmlFor="typed-section" className="mb-1 block text-sm text-slate-700">
              分类
            </label>
            <select id="typed-section" name="section" defaultValue={filter.section ?? ""} className={`${inputClass} w-40`}>
              <option value="">全部</option>
              {version.sections.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className={buttonClass.secondary}>
          筛选
        </button>
        {filtered && (
          <Link href={vq ? `${base}?${vq}` : base} className={buttonClass.link}>
            清除条件
          </Link>
        )}
      </form>

      {rows.length === 0 ? (
        <EmptyState title={filtered ? "没有符合条件的事项" : "本版本没有事项"}>{filtered ? "请换个关键词再试。" : null}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {filtered && <p className="px-3 pt-2 text-sm text-slate-600">符合条件的 {rows.length} 项</p>}
          <table className="min-w-full text-sm" data-testid="typed-list-table">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 whitespace-nowrap">
                  序号
                </th>
                {version.sections.length > 0 && (
                  <th scope="col" className="px-3 py-2 whitespace-nowrap">
                    分类
                  </th>
                )}
                {version.fields.map((f) => (
                  <th key={f.key} scope="col" className="px-3 py-2 whitespace-nowrap">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {rows.map((r) => (
                <tr key={r.key} id={`row-${r.key}`} className="target:bg-amber-50">
                  <td className="px-3 py-2 text-center">{version.rows.indexOf(r) + 1}</td>
                  {version.sections.length > 0 && <td className="px-3 py-2 whitespace-nowrap">{r.section}</td>}
                  {version.fields.map((f) => (
                    <td key={f.key} className={`px-3 py-2 whitespace-pre-line ${f.type === "longText" || f.type === "lawCitation" ? "min-w-64" : ""}`}>
                      {displayCell(f, r.values[f.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {diff && previous && (
        <section className="mt-8" aria-labelledby="changes" data-testid="typed-list-diff">
          <h2 id="changes" className="mb-2 text-lg font-semibold">
            本版与第 {version.versionNo - 1} 版相比
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            新增 {diff.added.length} 项 · 移出 {diff.removed.length} 项 · 修改 {diff.changed.length} 项 · 未变 {diff.unchanged} 项
          </p>
          <ul className="space-y-2">
            {diff.added.map((r) => (
              <li key={`a${r.key}`} className="rounded-lg border border-slate-200 border-l-4 border-l-emerald-500 bg-white px-4 py-2 text-sm">
                <span className="font-medium text-emerald-800">新增：{rowName(version.fields, r)}</span>
              </li>
            ))}
            {diff.removed.map((r) => (
              <li key={`r${r.key}`} className="rounded-lg border border-slate-200 border-l-4 border-l-red-500 bg-white px-4 py-2 text-sm">
                <span className="font-medium text-red-800 line-through">移出：{rowName(previous.version.fields, r)}</span>
              </li>
            ))}
            {diff.changed.map((c) => (
              <li key={`c${c.key}`} className="rounded-lg border border-slate-200 border-l-4 border-l-amber-500 bg-white px-4 py-3 text-sm">
                <p className="mb-2 font-medium text-slate-900">修改：{c.name}</p>
                {c.changes.map((x) => (
                  <div key={x.key} className="mb-2">
                    <p className="mb-1 text-xs font-medium text-slate-600">{x.label}</p>
                    <DiffText before={x.before} after={x.after} />
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="mt-8" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">
          版本记录
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {list.versions.map((x) => (
            <li key={x.versionNo} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <Link href={x.versionNo === list.currentVersionNo ? base : `${base}?v=${x.versionNo}`} className="font-medium text-brand-700 hover:underline" aria-current={x.versionNo === version.versionNo ? "page" : undefined}>
                第 {x.versionNo} 版
              </Link>
              <span className="text-slate-700">{x.documentNumber}</span>
              <span className="text-xs text-slate-600">
                {formatDate(x.publishedAt)} · {x.rowCount} 项
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
