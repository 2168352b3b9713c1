import Link from "next/link";
import { formatDate } from "@/lib/format";
import { latestPublications, publicHomeSummary } from "@/lib/portal/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchBox } from "@/components/portal/search-box";

export default async function PublicHome() {
  const [summary, latest] = await Promise.all([publicHomeSummary(), latestPublications(8)]);
  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <section className="mb-8">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">街道（乡镇）职权清单</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          这里公开{summary.cityName ?? "本地"}各街道、乡镇和社区经审定公布的职权清单，供群众和企业查询：每项职权的名称、类型、实施依据和承办机构，以及清单的历次调整。
        </p>
        <div className="mt-5 max-w-2xl">
          <SearchBox size="lg" />
        </div>
      </section>

      {summary.publishedLists === 0 ? (
        <EmptyState title="目前还没有公布的职权清单">
          各街道的职权清单正在编制和审核中，审定公布后将在这里公开。
          {summary.districts.length > 0 && <span className="mt-2 block">覆盖范围：{summary.districts.map((d) => d.name).join("、")}。</span>}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="totals-heading" className="mb-8">
            <h2 id="totals-heading" className="sr-only">
              公开概况
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {[
                ["已公布清单", `${summary.publishedLists} 份`],
                ["现行事项", `${summary.publishedItems} 项`],
                ["历次版本", `${summary.versions} 个`],
                ["最近公布", formatDate(summary.latest)],
              ].map(([k, v]) => (
                <div key={k} className="rounded-lg border border-slate-200 bg-white p-4">
                  <dt className="text-xs text-slate-600">{k}</dt>
                  <dd className="mt-1 text-lg font-semibold text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="districts-heading" className="mb-8">
            <h2 id="districts-heading" className="mb-3 text-lg font-semibold text-slate-900">
              按区（县）查看
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {summary.districts.map((d) => (
                <li key={d.id}>
                  <Link href={`/lists?district=${d.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
                    <span className="text-base font-semibold text-brand-700">{d.name}</span>
                    <span className="mt-1 block text-sm text-slate-700">
                      {d.lists} 份清单 · {d.items} 项
                    </span>
                  </Link>
                </li>
              ))}
              <li>
                <Link href="/lists" className="block rounded-lg border border-dashed border-slate-300 bg-white p-4 hover:border-brand-600">
                  <span className="text-base font-semibold text-brand-700">全部清单</span>
                  <span className="mt-1 block text-sm text-slate-700">按单位浏览、筛选</span>
                </Link>
              </li>
              <li>
                <Link href="/lists/local" className="block rounded-lg border border-dashed border-slate-300 bg-white p-4 hover:border-brand-600">
                  <span className="text-base font-semibold text-brand-700">属地管理事项清单</span>
                  <span className="mt-1 block text-sm text-slate-700">经准入交由街道、社区承担的事项</span>
                </Link>
              </li>
              <li>
                <Link href="/typed-lists" className="block rounded-lg border border-dashed border-slate-300 bg-white p-4 hover:border-brand-600">
                  <span className="text-base font-semibold text-brand-700">各类清单</span>
                  <span className="mt-1 block text-sm text-slate-700">责任清单、公共服务事项清单、信息共享清单等</span>
                </Link>
              </li>
            </ul>
          </section>

          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-3 text-lg font-semibold text-slate-900">
              最近公布
            </h2>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="latest">
              {latest.map((v) => (
                <li key={v.key} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="mr-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{v.typeName}</span>
                    <Link href={v.href} className="font-medium text-brand-700 hover:underline">
                      {v.title}
                    </Link>
                    <span className="ml-2 text-sm text-slate-600">
                      第 {v.versionNo} 版{v.adjustment ? "（动态调整）" : ""} · {v.count} 项
                    </span>
                  </span>
                  <span className="text-sm text-slate-600">
                    {v.documentNumber} · {formatDate(v.publishedAt)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <p className="no-print mt-10 text-sm text-slate-600">
        编办、部门和街道的工作人员请{" "}
        <Link href="/login" className="text-brand-700 underline underline-offset-2">
          登录
        </Link>{" "}
        后办理业务。
      </p>
    </main>
  );
}
