import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/format";
import type { DiffItem } from "@/lib/lists/diff";
import { SECTION_LABELS } from "@/lib/lists/labels";
import { publicList, versionDiff } from "@/lib/portal/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { DiffText } from "@/components/portal/diff-text";
import { routeId } from "@/lib/validation";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export const metadata: Metadata = { title: "版本对比" };


function ItemList({ items, listId, versionNo, tone }: { items: DiffItem[]; listId: number; versionNo: number; tone: "added" | "removed" }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {items.map((i) => (
        <li key={i.itemKey} id={`item-${i.itemKey}`} className={`px-4 py-3 ${tone === "added" ? "border-l-4 border-l-emerald-500" : "border-l-4 border-l-red-500"}`}>
          <Link href={`/lists/${listId}/items/${encodeURIComponent(i.itemKey)}?v=${versionNo}`} className={`font-medium hover:underline ${tone === "removed" ? "text-red-800 line-through" : "text-emerald-800"}`}>
            {i.name}
          </Link>
          <span className="ml-2 text-sm text-slate-600">
            {[i.powerType, i.category, i.section !== "BASIC" ? SECTION_LABELS[i.section] : null].filter(Boolean).join(" · ")}
          </span>
          {i.legalBasis && <p className="mt-1 line-clamp-2 text-sm text-slate-700">{i.legalBasis}</p>}
        </li>
      ))}
    </ul>
  );
}

export default async function DiffPage({ params, searchParams }: Props) {
  const p = await params;
  const s = await searchParams;
  const id = routeId(p.id);
  const list = id ? await publicList(id) : null;
  if (!list || !id) notFound();
  const from = routeId(s.from);
  const to = routeId(s.to);
  const result = from && to ? await versionDiff(id, from, to) : null;
  // Versions asked for but not there (or not numbers): 404, as the API answers. Without any, the
  // page offers to choose two.
  if (!result && (s.from !== undefined || s.to !== undefined)) notFound();
  const d = result?.diff;

  return (
    <main id="main" className="portal-main mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        /{" "}
        <Link href={`/lists/${list.id}`} className="hover:underline">
          {list.title}
        </Link>{" "}
        /{" "}
        <Link href={`/lists/${list.id}/history`} className="hover:underline">
          版本记录
        </Link>{" "}
        / 对比
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">{list.title}：版本对比</h1>
      {!result || !d ? (
        <div className="mt-6">
          <EmptyState title="请选择要对比的两个版本">
            该清单现有第 1 至 {list.latestVersionNo} 版。
            <Link href={`/lists/${list.id}/history`} className="ml-1 text-brand-700 underline">
              到版本记录中选择
            </Link>
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="mt-2 text-slate-700">
            第 {result.from.versionNo} 版（{result.from.documentNumber}，{formatDate(result.from.publishedAt)}）→ 第 {result.to.versionNo} 版（{result.to.documentNumber}，
            {formatDate(result.to.publishedAt)}）
          </p>
          <ul className="mt-4 flex flex-wrap gap-3 text-sm" data-testid="diff-summary">
            <li className="rounded-full bg-emerald-100 px-3 py-1 text-emerald-900">新增 {d.added.length} 项</li>
            <li className="rounded-full bg-red-100 px-3 py-1 text-red-900">取消 {d.removed.length} 项</li>
            <li className="rounded-full bg-amber-100 px-3 py-1 text-amber-900">修改 {d.changed.length} 项</li>
            <li className="rounded-full bg-slate-100 px-3 py-1 text-slate-800">未变 {d.unchanged} 项</li>
          </ul>
          {d.added.length + d.removed.length + d.changed.length === 0 && <p className="mt-6 text-slate-700">两个版本的事项完全相同。</p>}
          {d.added.length > 0 && (
            <section aria-labelledby="added-heading" className="mt-8">
              <h2 id="added-heading" className="mb-2 text-lg font-semibold text-emerald-900">
                新增事项（{d.added.length}）
              </h2>
              <ItemList items={d.added} listId={list.id} versionNo={result.to.versionNo} tone="added" />
            </section>
          )}
          {d.removed.length > 0 && (
            <section aria-labelledby="removed-heading" className="mt-8">
              <h2 id="removed-heading" className="mb-2 text-lg font-semibold text-red-900">
                取消事项（{d.removed.length}）
              </h2>
              <ItemList items={d.removed} listId={list.id} versionNo={result.from.versionNo} tone="removed" />
            </section>
          )}
          {d.changed.length > 0 && (
            <section aria-labelledby="changed-heading" className="mt-8">
              <h2 id="changed-heading" className="mb-2 text-lg font-semibold text-amber-900">
                修改事项（{d.changed.length}）
              </h2>
              <ul className="space-y-4" data-testid="diff-changed">
                {d.changed.map((c) => (
                  <li key={c.itemKey} id={`item-${c.itemKey}`} className="rounded-lg border border-l-4 border-slate-200 border-l-amber-500 bg-white p-4">
                    <h3 className="font-medium text-slate-900">
                      <Link href={`/lists/${list.id}/items/${encodeURIComponent(c.itemKey)}?v=${result.to.versionNo}`} className="hover:underline">
                        {c.name}
                      </Link>
                    </h3>
                    <dl className="mt-2 space-y-3">
                      {c.changes.map((x) => (
                        <div key={x.field}>
                          <dt className="mb-1 text-sm font-medium text-slate-700">{x.label}</dt>
                          <dd>
                            <DiffText before={x.before} after={x.after} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
