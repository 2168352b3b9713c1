import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publishedList } from "@/lib/local-duties/queries";
import { diffDutyVersions } from "@/lib/local-duties/diff";
import { DutyTable } from "@/components/local-duties/duty-table";
import { DiffText } from "@/components/portal/diff-text";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/cx";
import { formatDate, formatDateText } from "@/lib/format";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "属地管理事项清单" };


export default async function PublicLocalDutiesPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<{ v?: string }> }) {
  const unitId = routeId((await params).unitId) ?? notFound();
  const v = routeId((await searchParams).v) ?? undefined;
  const list = await publishedList(unitId, v);
  if (!list) notFound();
  const { version, versions, items, labels } = list;
  const latest = versions[0].versionNo === version.versionNo;
  // What this version changed: compared with the one before it.
  const previous = version.versionNo > 1 ? await publishedList(unitId, version.versionNo - 1) : null;
  const diff = previous ? diffDutyVersions(previous.items, items) : null;

  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        /{" "}
        <Link href="/lists/local" className="hover:underline">
          属地管理事项清单
        </Link>{" "}
        / {version.unitName}
      </nav>
      <h1 className="text-xl font-semibold sm:text-2xl">{version.unitName}属地管理事项清单</h1>
      <p className="mt-1 text-sm text-slate-600">
        第 {version.versionNo} 版，{formatDateText(version.publishedAt)}公布，共 {version.itemCount} 项。{version.note}
      </p>
      <p className="no-print mt-3 flex flex-wrap gap-3 text-sm">
        <a href={`/local-duties/${unitId}/download?format=xlsx&v=${version.versionNo}`} className={buttonClass.secondary} download>
          下载 Excel
        </a>
        <a href={`/local-duties/${unitId}/download?format=csv&v=${version.versionNo}`} className={buttonClass.secondary} download>
          下载 CSV
        </a>
      </p>
      {!latest && (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          这是历史版本。
          <Link href={`/local-duties/${unitId}`} className="underline">
            查看现行版本
          </Link>
        </p>
      )}
      <div className="mt-6">{items.length ? <DutyTable items={items} labels={labels} /> : <EmptyState title="本版本没有事项" />}</div>

      {diff && (
        <section className="mt-8" aria-labelledby="changes" data-testid="local-duty-diff">
          <h2 id="changes" className="mb-2 text-lg font-semibold">
            本版与第 {version.versionNo - 1} 版相比
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            新增 {diff.added.length} 项 · 移出 {diff.removed.length} 项 · 修改 {diff.changed.length} 项 · 未变 {diff.unchanged} 项
          </p>
          <ul className="space-y-2">
            {diff.added.map((i) => (
              <li key={`a${i.id}`} className="rounded-lg border border-slate-200 border-l-4 border-l-emerald-500 bg-white px-4 py-2 text-sm">
                <span className="font-medium text-emerald-800">新增：{i.name}</span>
                <span className="ml-2 text-slate-600">{i.departmentName}</span>
              </li>
            ))}
            {diff.removed.map((i) => (
              <li key={`r${i.id}`} className="rounded-lg border border-slate-200 border-l-4 border-l-red-500 bg-white px-4 py-2 text-sm">
                <span className="font-medium text-red-800 line-through">移出：{i.name}</span>
                <span className="ml-2 text-slate-600">{i.departmentName}</span>
              </li>
            ))}
            {diff.changed.map(({ item, changes }) => (
              <li key={`c${item.id}`} className="rounded-lg border border-slate-200 border-l-4 border-l-amber-500 bg-white px-4 py-3 text-sm">
                <p className="mb-2 font-medium text-slate-900">修改：{item.name}</p>
                {changes.map((c) => (
                  <div key={c.label} className="mb-2">
                    <p className="mb-1 text-xs font-medium text-slate-600">{c.label}</p>
                    <DiffText before={c.before} after={c.after} />
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
          {versions.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <Link href={`/local-duties/${unitId}?v=${x.versionNo}`} className="font-medium text-brand-700 hover:underline" aria-current={x.versionNo === version.versionNo ? "page" : undefined}>
                第 {x.versionNo} 版
              </Link>
              <span className="text-slate-700">{x.note}</span>
              <span className="text-xs text-slate-600">
                {formatDate(x.publishedAt)} · {x.itemCount} 项
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
