import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { DutySection } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { FORM_LABELS, SECTION_LABELS, SECTIONS } from "@/lib/lists/labels";
import type { PublicItem } from "@/lib/portal/read";
import { publicList, versionCounts, versionItems } from "@/lib/portal/queries";
import { buttonClass, cx, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PrintButton } from "./print-button";

export const listFilterSchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  type: z.string().trim().max(30).optional().catch(undefined),
  category: z.string().trim().max(30).optional().catch(undefined),
  section: z.enum(SECTIONS).optional().catch(undefined),
});

type Filter = z.infer<typeof listFilterSchema>;

function columnsFor(section: DutySection, form: "POWER" | "DUTY") {
  if (form === "DUTY" && section === "COOPERATING")
    return [
      { label: "上级部门", value: (i: PublicItem) => i.departmentName },
      { label: "乡镇（街道）配合职责", value: (i: PublicItem) => i.streetDuty, clamp: true },
    ];
  if (form === "DUTY" && section === "RECLAIMED")
    return [
      { label: "收回部门", value: (i: PublicItem) => i.departmentName },
      { label: "收回后运行方式", value: (i: PublicItem) => i.reclaimMethod, clamp: true },
    ];
  return [
    { label: "权力类型", value: (i: PublicItem) => i.powerType },
    { label: "实施依据", value: (i: PublicItem) => i.legalBasis, clamp: true },
    { label: "承办机构", value: (i: PublicItem) => i.handlingSection },
  ];
}

/** A published version of a list: header, counts, filters and its items (table; cards on a phone). */
export async function ListView({ listId, versionNo, filter, basePath }: { listId: number; versionNo: number | null; filter: Filter; basePath: string }) {
  const list = await publicList(listId, versionNo);
  if (!list) notFound();
  const [items, counts] = await Promise.all([versionItems(list.version.id, filter), versionCounts(list.version.id)]);
  const v = list.version;
  const itemHref = (key: string) => `/lists/${list.id}/items/${encodeURIComponent(key)}${list.isCurrent ? "" : `?v=${v.versionNo}`}`;
  const filtered = !!(filter.q || filter.type || filter.category || filter.section);
  const link = (patch: Partial<Filter>) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries({ ...filter, ...patch })) if (val) q.set(k, String(val));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };

  const groups: { key: string; section: DutySection; title: string; items: PublicItem[] }[] = [];
  for (const item of items) {
    const title = list.form === "DUTY" ? `${SECTION_LABELS[item.section]} · ${item.category ?? "未分类"}` : (item.category ?? "未分类");
    const key = `${item.section}|${item.category}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, section: item.section, title, items: [item] });
  }

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
      {!list.isCurrent && (
        <p role="note" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          这是第 {v.versionNo} 版（历史版本），现行为第 {list.currentVersionNo} 版。{" "}
          <Link href={`/lists/${list.id}`} className="font-medium underline">
            查看现行版本
          </Link>
        </p>
      )}
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="version-meta">
        <div className="flex gap-1">
          <dt>版本：</dt>
          <dd className="font-medium">
            第 {v.versionNo} 版{list.isCurrent ? "（现行）" : ""}
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
        <PrintButton />
        <Link href={`/lists/${list.id}/history`} className={buttonClass.secondary}>
          版本记录（{list.versions.length}）
        </Link>
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
                  className={cx("inline-block rounded-full border px-3 py-1 text-sm", filter.type === c.name ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-700 hover:border-brand-600")}
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
                  className={cx("inline-block rounded-full border px-3 py-1 text-sm", filter.category === c.name ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-700 hover:border-brand-600")}
                >
                  {c.name} {c.count}
                </Link>
              </li>
            ))}
          </ul>
          {list.form === "DUTY" && (
            <p className="mt-3 text-sm text-slate-700">
              {counts.bySection.map((s) => `${SECTION_LABELS[s.name]} ${s.count} 项`).join("，")}
            </p>
          )}
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
          <div className="space-y-6">
            {groups.map((g) => {
              const cols = columnsFor(g.section, list.form);
              return (
                <section key={g.key} aria-labelledby={`g-${g.key}`}>
                  <h3 id={`g-${g.key}`} className="mb-2 text-base font-semibold text-slate-800">
                    {g.title} <span className="text-sm font-normal text-slate-600">（{g.items.length} 项）</span>
                  </h3>
                  <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                    <table className="print-table hidden min-w-full divide-y divide-slate-200 text-sm sm:table" data-testid="items-table">
                      <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
                        <tr>
                          <th scope="col" className="w-12 px-3 py-2">序号</th>
                          <th scope="col" className="px-3 py-2">事项名称</th>
                          {cols.map((c) => (
                            <th key={c.label} scope="col" className="px-3 py-2">
                              {c.label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {g.items.map((item) => (
                          <tr key={item.itemKey} data-testid="item-row">
                            <td className="px-3 py-2 align-top tabular-nums text-slate-600">{item.position}</td>
                            <td className="min-w-[14rem] px-3 py-2 align-top">
                              <Link href={itemHref(item.itemKey)} className="font-medium text-brand-700 hover:underline">
                                {item.name}
                              </Link>
                              {item.subItemName && <span className="mt-0.5 block text-xs text-slate-600">子项：{item.subItemName}</span>}
                            </td>
                            {cols.map((c) => (
                              <td key={c.label} className={cx("px-3 py-2 align-top text-slate-700", c.clamp ? "min-w-[18rem]" : "whitespace-nowrap")}>
                                <span className={c.clamp ? "line-clamp-3" : undefined}>{c.value(item) ?? "—"}</span>
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <ol className="screen-cards divide-y divide-slate-100 sm:hidden">
                      {g.items.map((item) => (
                        <li key={item.itemKey} className="px-4 py-3">
                          <Link href={itemHref(item.itemKey)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                            <span className="mr-1 text-slate-600">{item.position}.</span>
                            {item.name}
                          </Link>
                          <dl className="mt-1 space-y-0.5 text-sm text-slate-700">
                            {cols.map((c) =>
                              c.value(item) ? (
                                <div key={c.label}>
                                  <dt className="inline text-slate-600">{c.label}：</dt>
                                  <dd className={cx("inline", c.clamp && "line-clamp-2")}>{c.value(item)}</dd>
                                </div>
                              ) : null,
                            )}
                          </dl>
                        </li>
                      ))}
                    </ol>
                  </div>
                </section>
              );
            })}
          </div>
        )}
      </section>
      <p className="print-only mt-4 text-xs">
        {list.title} 第 {v.versionNo} 版 · {v.documentNumber}
      </p>
    </main>
  );
}
