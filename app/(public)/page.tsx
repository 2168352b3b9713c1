import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { publicHomeSummary } from "@/lib/portal/queries";

export default async function PublicHome() {
  const summary = await publicHomeSummary();
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <section className="mb-10">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">街道（乡镇）职权清单</h1>
        <p className="mt-2 max-w-2xl text-slate-600">
          这里公开{summary.cityName ? `${summary.cityName}` : "本地"}各街道、乡镇和社区经审定公布的职权清单，供群众和企业查询：
          每项职权的名称、类型、实施依据和承办机构，以及清单的历次调整。
        </p>
      </section>
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading" className="mb-4 text-lg font-semibold text-slate-800">
          已公布的清单
        </h2>
        {summary.publishedLists === 0 ? (
          <EmptyState title="目前还没有公布的职权清单">
            各街道的职权清单正在编制和审核中，审定公布后将在这里公开。
            {summary.districts.length > 0 && (
              <span className="mt-2 block">覆盖范围：{summary.districts.join("、")}。</span>
            )}
          </EmptyState>
        ) : (
          <p className="text-slate-600">共 {summary.publishedLists} 份清单。</p>
        )}
      </section>
      <p className="mt-10 text-sm text-slate-500">
        编办、部门和街道的工作人员请 <Link href="/login" className="text-brand-600 hover:underline">登录</Link> 后办理业务。
      </p>
    </main>
  );
}
