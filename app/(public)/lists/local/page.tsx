import Link from "next/link";
import type { Metadata } from "next";
import { unitsWithLists } from "@/lib/local-duties/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateText } from "@/lib/format";

export const metadata: Metadata = { title: "属地管理事项清单" };
export const dynamic = "force-dynamic";

/** Every unit's current 属地管理事项清单, by district: the duties departments may hand to it. */
export default async function PublicLocalListsPage() {
  const units = await unitsWithLists();
  const groups: { district: string; rows: typeof units }[] = [];
  for (const u of units) {
    const name = u.district ?? "其他";
    const last = groups[groups.length - 1];
    if (last?.district === name) last.rows.push(u);
    else groups.push({ district: name, rows: [u] });
  }
  return (
    <main id="main" className="portal-main mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="当前位置" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          首页
        </Link>{" "}
        / 属地管理事项清单
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">属地管理事项清单</h1>
      <p className="mt-1 text-slate-700">
        经准入程序审定、由区级部门交由街道（乡镇）和社区承担的属地管理事项。清单之外的事项，街道和社区有权拒绝承接。
      </p>
      {groups.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="还没有公布的属地管理事项清单" />
        </div>
      ) : (
        groups.map((g) => (
          <section key={g.district} className="mt-6" aria-labelledby={`d-${g.district}`}>
            <h2 id={`d-${g.district}`} className="mb-2 text-lg font-semibold text-slate-900">
              {g.district}
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {g.rows.map((u) => (
                <li key={u.unit_id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <Link href={`/local-duties/${u.unit_id}`} className="font-medium text-brand-700 hover:underline">
                    {u.unit_name}
                  </Link>
                  {u.street && <span className="ml-2 text-xs text-slate-600">{u.street}</span>}
                  <p className="mt-1 text-sm text-slate-600">
                    第 {u.version_no} 版 · {u.item_count} 项 · {formatDateText(u.published_at)}公布
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
