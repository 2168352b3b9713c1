import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publishedList } from "@/lib/local-duties/queries";
import { DutyTable } from "@/components/local-duties/duty-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "属地管理事项清单" };

export default async function PublicLocalDutiesPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<{ v?: string }> }) {
  const unitId = Number((await params).unitId);
  const v = Number((await searchParams).v);
  if (!Number.isInteger(unitId) || unitId <= 0) notFound();
  const list = await publishedList(unitId, Number.isInteger(v) && v > 0 ? v : undefined);
  if (!list) notFound();
  const { version, versions, items } = list;
  const latest = versions[0].versionNo === version.versionNo;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-xl font-semibold sm:text-2xl">{version.unitName}属地管理事项清单</h1>
      <p className="mt-1 text-sm text-slate-500">
        第 {version.versionNo} 版，{formatDate(version.publishedAt)} 公布，共 {version.itemCount} 项。{version.note}
      </p>
      {!latest && (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">
          这是历史版本。<Link href={`/local-duties/${unitId}`} className="underline">查看现行版本</Link>
        </p>
      )}
      <div className="mt-6">{items.length ? <DutyTable items={items} /> : <EmptyState title="本版本没有事项" />}</div>
      <section className="mt-8" aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-semibold">版本记录</h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {versions.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <Link href={`/local-duties/${unitId}?v=${x.versionNo}`} className="font-medium text-brand-700 hover:underline" aria-current={x.versionNo === version.versionNo ? "page" : undefined}>
                第 {x.versionNo} 版
              </Link>
              <span className="text-slate-600">{x.note}</span>
              <span className="text-xs text-slate-500">{formatDate(x.publishedAt)} · {x.itemCount} 项</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
