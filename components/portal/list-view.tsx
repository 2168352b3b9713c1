import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDate } from "@/lib/format";
import { versionState } from "@/lib/lists/in-force";
import { today } from "@/lib/dates";
import { FORM_LABELS, SECTION_LABELS, SECTIONS } from "@/lib/lists/labels";
import { groupsHtml } from "@/lib/portal/rows-html";
import { filterRows, LIST_PAGE_SIZE, pageRows } from "@/lib/portal/items";
import { putIsland } from "@/lib/portal/islands";
import { publicList, versionRows } from "@/lib/portal/queries";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PrintButton } from "./print-button";
import { StaticIsland } from "./static-island";
import { PinnedVersionStatus, VersionStatusView } from "./version-status";

export const listFilterSchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  type: z.string().trim().max(30).optional().catch(undefined),
  category: z.string().trim().max(30).optional().catch(undefined),
  section: z.enum(SECTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  all: z.literal("1").optional().catch(undefined),
});

type Filter = z.infer<typeof listFilterSchema>;
/**
 * A published version of a list: header, counts, filters and its items, a page of
 * LIST_PAGE_SIZE at a time or all of them. The rows are one table: columns on a screen and on
 * paper, cards on a phone (portal.css). Item names are plain links: a hundred next/link
 * components would cost server time and prefetch a hundred pages.
 */
export async function ListView({ listId, versionNo, filter, basePath }: { listId: number; versionNo: number | null; filter: Filter; basePath: string }) {
  const list = await publicList(listId, versionNo);
  if (!list) notFound();
  const v = list.version;
  const { rows, counts } = await versionRows(v);
  const items = filterRows(rows, filter);
  const paged = pageRows(items, filter.page ?? 1, filter.all === "1");
  // Which version is 现行: known here for the current URL; a page naming its version is cached for
  // a year and asks in the browser (components/portal/version-status.tsx).
  const state = versionNo === null ? versionState(list.versions, list.currentVersionNo, today()) : null;
  // A page naming its version links to the items of that version, whatever becomes 现行 later.
  const itemHref = (key: string) => `/lists/${list.id}/items/${encodeURIComponent(key)}${versionNo === null && list.isCurrent ? "" : `?v=${v.versionNo}`}`;
  const filtered = !!(filter.q || filter.type || filter.category || filter.section);
  const link = (patch: Partial<Filter>) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries({ q: filter.q, type: filter.type, category: filter.category, section: filter.section, ...patch })) if (val) q.set(k, String(val));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const pageHref = (page: number) => link({ page: page > 1 ? page : undefined });
  const allHref = link({ all: "1" });

  // The item tables: the bulk of the page, built as one HTML string (lib/portal/rows-html.ts). Sent
  // once, as HTML, when the page is rendered to HTML (see StaticIsland); in the payload, as that
  // string, only for a client-side navigation, which renders no HTML.
  const html = items.length === 0 ? "" : groupsHtml(paged.groups, list.form, itemHref);
  const token = items.length === 0 || (await headers()).get("x-qingdan-payload-only") === "1" ? "" : putIsland(html);

  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="当前位置" className="no-print mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        /{" "}
        <Link href={list.unit.districtId ? `/lists?district=${list.unit.districtId}` : "/lists"} className="hover:underline">
          {list.unit.district ?? "清单目录"}
        </Link>{" "}
        / {list.unit.name}
      </nav>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{list.title}</h1>
      {state ? (
        <VersionStatusView listId={list.id} versionNo={v.versionNo} state={state} part="note" />
      ) : (
        <PinnedVersionStatus listId={list.id} versionNo={v.versionNo} part="note" />
      )}
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="version-meta">
        <div className="flex gap-1">
          <dt>版本：</dt>
          <dd className="font-medium">
            第 {v.versionNo} 版
            {state ? (
              <VersionStatusView listId={list.id} versionNo={v.versionNo} state={state} part="label" />
            ) : (
              <PinnedVersionStatus listId={list.id} versionNo={v.versionNo} part="label" />
            )}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>文号：</dt>
          <dd>{v.documentNumber}</dd>
        </div>
        <div className="flex gap-1">
          <dt>公布日期：</dt>
          <dd>{formatDate(v.publishedAt)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>施行日期：</dt>
          <dd>{formatDate(v.effectiveAt)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>公布单位：</dt>
          <dd>{v.publisherUnit}</dd>
        </div>
        <div className="flex gap-1">
          <dt>样式：</dt>
          <dd>{FORM_LABELS[list.form]}</dd>
        </div>
      </dl>
      {v.note && <p className="mt-2 text-sm text-slate-700">说明：{v.note}</p>}

      <div className="no-print mt-4 flex flex-wrap gap-2">
        <a href={`/lists/${list.id}/download?format=xlsx&v=${v.versionNo}`} className={buttonClass.secondary} data-testid="download-xlsx">
          下载 Excel
        </a>
        <a href={`/lists/${list.id}/download?format=pdf&v=${v.versionNo}`} className={buttonClass.secondary} data-testid="download-pdf">
          下载 PDF
        </a>
        <PrintButton allHref={paged.all ? undefined : allHref} />
        <Link href={`/lists/${list.id}/history`} className={buttonClass.secondary}>
          版本记录（{list.versions.length}）
        </Link>
        {list.localDutyCount !== null && (
          <Link href={`/local-duties/${list.unit.id}`} className={buttonClass.secondary}>
            属地管理事项清单（{list.localDutyCount} 项）
          </Link>
        )}
      </div>

      <section aria-labelledby="counts-heading" className="no-print mt-6 grid gap-4 lg:grid-cols-2">
        <h2 id="counts-heading" className="sr-only">
          事项统计
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-800">按权力类型（共 {v.itemCount} 项）</h3>
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="counts-by-type">
            {counts.byType.map((c) => (
              <li key={c.name}>
                <Link
                  href={link({ type: filter.type === c.name ? undefined : c.name })}
                  aria-current={filter.type === c.name ? "true" : undefined}
                  className={cx(
                    "inline-block rounded-full border px-3 py-1 text-sm",
                    filter.type === c.name ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-700 hover:border-brand-600",
                  )}
                >
                  {c.name} {c.count}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-800">按职能分类</h3>
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="counts-by-category">
            {counts.byCategory.map((c) => (
              <li key={c.name}>
                <Link
                  href={link({ category: filter.category === c.name ? undefined : c.name })}
                  aria-current={filter.category === c.name ? "true" : undefined}
                  className={cx(
                    "inline-block rounded-full border px-3 py-1 text-sm",
                    filter.category === c.name ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-700 hover:border-brand-600",
                  )}
                >
                  {c.name} {c.count}
                </Link>
              </li>
            ))}
          </ul>
          {list.form === "DUTY" && <p className="mt-3 text-sm text-slate-700">{counts.bySection.map((s) => `${SECTION_LABELS[s.name]} ${s.count} 项`).join("，")}</p>}
        </div>
      </section>

      <form className="no-print mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="筛选本清单的事项">
        <div className="min-w-[12rem] flex-1 sm:flex-none">
          <label htmlFor="list-q" className="mb-1 block text-sm text-slate-700">
            在本清单中查找
          </label>
          <input id="list-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="事项名称、编码或法律名称" className={`${inputClass} sm:w-64`} />
        </div>
        <div>
          <label htmlFor="list-type" className="mb-1 block text-sm text-slate-700">
            权力类型
          </label>
          <select id="list-type" name="type" defaultValue={filter.type ?? ""} className={`${inputClass} w-36`}>
            <option value="">全部</option>
            {counts.byType.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="list-category" className="mb-1 block text-sm text-slate-700">
            职能分类
          </label>
          <select id="list-category" name="category" defaultValue={filter.category ?? ""} className={`${inputClass} w-40`}>
            <option value="">全部</option>
            {counts.byCategory.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {list.form === "DUTY" && (
          <div>
            <label htmlFor="list-section" className="mb-1 block text-sm text-slate-700">
              清单部分
            </label>
            <select id="list-section" name="section" defaultValue={filter.section ?? ""} className={`${inputClass} w-40`}>
              <option value="">全部</option>
              {SECTIONS.map((s) => (
                <option key={s} value={s}>
                  {SECTION_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className={buttonClass.primary}>
          查找
        </button>
        {filtered && (
          <Link href={basePath} className={buttonClass.link}>
            清除条件
          </Link>
        )}
      </form>

      <section aria-labelledby="items-heading" className="mt-6">
        <h2 id="items-heading" className="mb-3 text-lg font-semibold text-slate-900" data-testid="items-count">
          {filtered ? `找到 ${items.length} 项（共 ${v.itemCount} 项）` : `全部事项（${v.itemCount} 项）`}
        </h2>
        {items.length === 0 ? (
          <EmptyState title="没有符合条件的事项">
            请换个关键词，或{" "}
            <Link href={basePath} className="text-brand-700 underline">
              查看全部事项
            </Link>
            。也可以到「事项检索」在所有清单中查找。
          </EmptyState>
        ) : (
          <>
            {!paged.all && (
              <p className="no-print mb-3 text-sm text-slate-700" data-testid="page-range">
                本页显示第 {paged.from}–{paged.to} 项，每页 {LIST_PAGE_SIZE} 项。
                <a href={allHref} className="ml-1 font-medium text-brand-700 underline">
                  显示全部 {items.length} 项
                </a>
              </p>
            )}
            <StaticIsland key={token || "payload"} token={token} html={token ? undefined : html} className="space-y-6" />
            {paged.pages > 1 ? (
              <nav aria-label="事项分页" className="no-print mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="item-pages">
                {paged.all ? (
                  <a href={pageHref(1)} className={buttonClass.small}>
                    分页显示（每页 {LIST_PAGE_SIZE} 项）
                  </a>
                ) : (
                  <>
                    <span>
                      第 {paged.page} / {paged.pages} 页
                    </span>
                    {paged.page > 1 && (
                      <a href={pageHref(paged.page - 1)} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
                        上一页
                      </a>
                    )}
                    {Array.from({ length: paged.pages }, (_, n) => n + 1).map((n) =>
                      n === paged.page ? (
                        <span key={n} aria-current="page" className="rounded border border-brand-600 bg-brand-600 px-2.5 py-1 font-medium text-white">
                          {n}
                        </span>
                      ) : (
                        <a key={n} href={pageHref(n)} className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50" aria-label={`第 ${n} 页`}>
                          {n}
                        </a>
                      ),
                    )}
                    {paged.page < paged.pages && (
                      <a href={pageHref(paged.page + 1)} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
                        下一页
                      </a>
                    )}
                    <a href={allHref} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
                      显示全部
                    </a>
                  </>
                )}
              </nav>
            ) : null}
          </>
        )}
      </section>
      <p className="print-only mt-4 text-xs">
        {list.title} 第 {v.versionNo} 版 · {v.documentNumber}
        {!paged.all && `（本页为第 ${paged.from}–${paged.to} 项，共 ${items.length} 项；打印全部请先选择“显示全部”）`}
      </p>
    </main>
  );
}
