import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { formatDateText } from "@/lib/format";
import { upcomingLabel } from "@/lib/lists/in-force";
import { FORM_LABELS } from "@/lib/lists/labels";
import { districts, publishedLists } from "@/lib/portal/queries";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { filterId, filterPage, filterText } from "@/lib/validation";

export const metadata: Metadata = { title: "清单目录" };

const PAGE_SIZE = 50;
const filterSchema = z.object({
  district: filterId,
  kind: z.enum(["STREET", "COMMUNITY"]).optional().catch(undefined),
  q: filterText(30),
  page: filterPage(10_000),
});

export default async function PublicListsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = filterSchema.parse(await searchParams);
  const [all, result] = await Promise.all([districts(), publishedLists({ ...filter, pageSize: PAGE_SIZE })]);
  const groups: { district: string; rows: typeof result.items }[] = [];
  for (const row of result.items) {
    const name = row.unit.district ?? "市直";
    const last = groups[groups.length - 1];
    if (last?.district === name) last.rows.push(row);
    else groups.push({ district: name, rows: [row] });
  }
  const filtered = !!(filter.district || filter.kind || filter.q);

  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        / 清单目录
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">清单目录</h1>
      <p className="mt-1 text-slate-700">
        各街道、乡镇和社区现行的职权清单，点击单位名称查看全部事项。责任清单、公共服务事项清单等其他清单见
        <Link href="/typed-lists" className="text-brand-700 underline">
          各类清单
        </Link>
        。
      </p>

      <form className="no-print my-5 flex flex-wrap items-end gap-3" aria-label="筛选清单">
        <div>
          <label htmlFor="district" className="mb-1 block text-sm text-slate-700">
            区（县）
          </label>
          <select id="district" name="district" defaultValue={filter.district ?? ""} className={`${inputClass} w-40`}>
            <option value="">全部</option>
            {all.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="mb-1 block text-sm text-slate-700">
            单位类别
          </label>
          <select id="kind" name="kind" defaultValue={filter.kind ?? ""} className={`${inputClass} w-40`}>
            <option value="">全部</option>
            <option value="STREET">街道、乡镇</option>
            <option value="COMMUNITY">社区、村</option>
          </select>
        </div>
        <div>
          <label htmlFor="unit-q" className="mb-1 block text-sm text-slate-700">
            单位名称
          </label>
          <input id="unit-q" name="q" defaultValue={filter.q ?? ""} className={`${inputClass} w-48`} />
        </div>
        <button type="submit" className={buttonClass.secondary}>
          筛选
        </button>
        {filtered && (
          <Link href="/lists" className={buttonClass.link}>
            清除条件
          </Link>
        )}
      </form>

      {result.total === 0 ? (
        <EmptyState title={filtered ? "没有符合条件的清单" : "目前还没有公布的职权清单"}>
          {filtered ? "请换个条件再试，或到「事项检索」按事项名称查找。" : "各街道的职权清单审定公布后将在这里公开。"}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <p className="text-sm text-slate-600">共 {result.total} 份清单</p>
          {groups.map((g) => (
            <section key={g.district} aria-labelledby={`d-${g.district}`}>
              <h2 id={`d-${g.district}`} className="mb-2 text-lg font-semibold text-slate-900">
                {g.district}
              </h2>
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="public-lists">
                {g.rows.map((l) => (
                  <li key={l.id} className={`flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 ${l.unit.kind === "COMMUNITY" ? "sm:pl-10" : ""}`}>
                    <span>
                      <Link href={`/lists/${l.id}`} className="font-medium text-brand-700 hover:underline">
                        {l.title}
                      </Link>
                      <span className="ml-2 text-sm text-slate-600">
                        {ORG_KIND_LABELS[l.unit.kind]}
                        {l.form === "DUTY" ? ` · ${FORM_LABELS.DUTY}` : ""}
                      </span>
                    </span>
                    <span className="text-sm text-slate-600">
                      第 {l.versionNo} 版 · {l.itemCount} 项 · {formatDateText(l.publishedAt)}公布
                      {l.upcoming && <span className="ml-1 text-sky-700">· {upcomingLabel(l)}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {result.total > PAGE_SIZE && (
        <Pagination page={filter.page} pageSize={PAGE_SIZE} total={result.total} basePath="/lists" params={{ district: filter.district ? String(filter.district) : undefined, kind: filter.kind, q: filter.q }} />
      )}
    </main>
  );
}
