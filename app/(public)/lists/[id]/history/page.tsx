import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/format";
import { publicList } from "@/lib/portal/queries";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { routeId } from "@/lib/validation";
import { today } from "@/lib/dates";
import { isUpcoming, upcomingLabel } from "@/lib/lists/in-force";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "版本记录" };

export default async function HistoryPage({ params }: Props) {
  const p = await params;
  const id = routeId(p.id) ?? notFound();
  const list = id ? await publicList(id) : null;
  if (!list) notFound();
  const versions = list.versions;
  const day = today();
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
        / 版本记录
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">{list.title}：版本记录</h1>
      <p className="mt-1 text-slate-700">每次公布（包括动态调整）形成一个新版本，历史版本始终可以查看和下载。</p>

      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="versions-table">
          <caption className="sr-only">历次版本</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">版本</th>
              <th scope="col" className="px-3 py-2">文号</th>
              <th scope="col" className="px-3 py-2">公布日期</th>
              <th scope="col" className="px-3 py-2">施行日期</th>
              <th scope="col" className="px-3 py-2">事项数</th>
              <th scope="col" className="px-3 py-2">说明</th>
              <th scope="col" className="px-3 py-2">变化</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {versions.map((v, i) => {
              const previous = versions[i + 1];
              return (
                <tr key={v.id}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal">
                    <Link href={`/lists/${list.id}/v/${v.versionNo}`} className="font-medium text-brand-700 hover:underline">
                      第 {v.versionNo} 版
                    </Link>
                    {v.versionNo === list.currentVersionNo && <span className="ml-1 text-xs text-emerald-700">现行</span>}
                    {isUpcoming(v, day) && <span className="ml-1 text-xs text-sky-700">{upcomingLabel(v)}</span>}
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{v.documentNumber}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(v.publishedAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(v.effectiveAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{v.itemCount}</td>
                  <td className="min-w-[12rem] px-3 py-2">{v.note}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {previous ? (
                      <Link href={`/lists/${list.id}/diff?from=${previous.versionNo}&to=${v.versionNo}`} className="text-brand-700 underline">
                        与第 {previous.versionNo} 版对比
                      </Link>
                    ) : (
                      "首次公布"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {versions.length > 1 && (
        <form action={`/lists/${list.id}/diff`} method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="任选两个版本对比">
          <div>
            <label htmlFor="from" className="mb-1 block text-sm text-slate-700">
              原版本
            </label>
            <select id="from" name="from" defaultValue={versions[1].versionNo} className={`${inputClass} w-32`}>
              {versions.map((v) => (
                <option key={v.versionNo} value={v.versionNo}>
                  第 {v.versionNo} 版
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block text-sm text-slate-700">
              新版本
            </label>
            <select id="to" name="to" defaultValue={versions[0].versionNo} className={`${inputClass} w-32`}>
              {versions.map((v) => (
                <option key={v.versionNo} value={v.versionNo}>
                  第 {v.versionNo} 版
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass.primary}>
            对比
          </button>
        </form>
      )}
    </main>
  );
}
