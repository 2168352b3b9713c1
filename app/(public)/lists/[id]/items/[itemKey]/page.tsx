import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/format";
import { diffVersions, type DiffItem } from "@/lib/lists/diff";
import { fieldLabel, fieldsFor, SECTION_LABELS, SOURCE_LABELS } from "@/lib/lists/labels";
import { publicItem } from "@/lib/portal/queries";
import { buttonClass } from "@/components/ui/cx";
import { routeId, routeKey } from "@/lib/validation";
import { versionState } from "@/lib/lists/in-force";
import { today } from "@/lib/dates";
import { PinnedVersionStatus, VersionStatusView } from "@/components/portal/version-status";

type Props = { params: Promise<{ id: string; itemKey: string }>; searchParams: Promise<{ v?: string }> };

async function load({ params, searchParams }: Props) {
  const p = await params;
  const v = (await searchParams).v;
  const id = routeId(p.id);
  const versionNo = v === undefined ? null : routeId(v);
  const key = routeKey(p.itemKey, 20);
  if (!id || !key || versionNo === null && v !== undefined) return null;
  const found = await publicItem(id, key, versionNo);
  // ?v=N is cached for a year: whether that version is 现行 is asked in the browser.
  return found && { ...found, pinned: versionNo !== null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return { title: found ? `${found.item.name} · ${found.list.title}` : "事项不存在" };
}

export default async function PublicItemPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { list, item, history, pinned } = found;
  const listHref = !pinned && list.isCurrent ? `/lists/${list.id}` : `/lists/${list.id}/v/${list.version.versionNo}`;
  const fields = fieldsFor(list.form, item.section).filter((f) => f !== "name" && item[f]);
  // What changed in this item from one version it appears in to the next.
  const changes = history.slice(1).map((h, i) => {
    const prev = history[i];
    const d = diffVersions([prev.item as unknown as DiffItem], [h.item as unknown as DiffItem]);
    return { from: prev.versionNo, to: h.versionNo, labels: d.changed[0]?.changes.map((c) => c.label) ?? [] };
  });

  return (
    <main id="main" className="portal-main mx-auto max-w-4xl px-4 py-8">
      <nav aria-label="当前位置" className="no-print mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        /{" "}
        <Link href={listHref} className="hover:underline">
          {list.title}
        </Link>{" "}
        / 事项
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">{item.name}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {list.title} · 第 {list.version.versionNo} 版
        {pinned ? (
          <PinnedVersionStatus listId={list.id} versionNo={list.version.versionNo} part="itemLabel" />
        ) : (
          <VersionStatusView listId={list.id} versionNo={list.version.versionNo} state={versionState(list.versions, list.currentVersionNo, today())} part="itemLabel" />
        )}{" "}
        · 第 {item.position} 项
      </p>

      <dl className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="item-fields">
        {list.form === "DUTY" && (
          <div className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm font-medium text-slate-600">清单部分</dt>
            <dd className="text-sm text-slate-900">{SECTION_LABELS[item.section]}</dd>
          </div>
        )}
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-slate-600">职能分类</dt>
          <dd className="text-sm text-slate-900">{item.category ?? "未分类"}</dd>
        </div>
        {fields.map((f) => (
          <div key={f} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm font-medium text-slate-600">{fieldLabel(f, item.section)}</dt>
            <dd className="whitespace-pre-line text-sm text-slate-900">{item[f]}</dd>
          </div>
        ))}
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-slate-600">事项来源</dt>
          <dd className="text-sm text-slate-900">{SOURCE_LABELS[item.source]}</dd>
        </div>
      </dl>

      <section aria-labelledby="item-history" className="mt-8">
        <h2 id="item-history" className="mb-2 text-lg font-semibold text-slate-900">
          该事项的版本记录
        </h2>
        <ul className="space-y-1 text-sm text-slate-700">
          <li>
            第 {history[0].versionNo} 版起列入清单（{formatDate(list.versions.find((v) => v.versionNo === history[0].versionNo)?.publishedAt)} 公布）。
          </li>
          {changes.map((c) => (
            <li key={c.to}>
              第 {c.to} 版：{c.labels.length ? `修改了${c.labels.join("、")}` : "未修改"}
              {c.labels.length > 0 && (
                <Link href={`/lists/${list.id}/diff?from=${c.from}&to=${c.to}#item-${encodeURIComponent(item.itemKey)}`} className="ml-2 text-brand-700 underline">
                  查看对比
                </Link>
              )}
            </li>
          ))}
          {history[history.length - 1].versionNo < list.latestVersionNo && <li>第 {history[history.length - 1].versionNo + 1} 版起已不在清单中。</li>}
        </ul>
      </section>
      <p className="no-print mt-8">
        <Link href={listHref} className={buttonClass.secondary}>
          返回清单
        </Link>
      </p>
    </main>
  );
}
