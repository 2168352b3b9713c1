import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { unitsWithLists } from "@/lib/local-duties/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "属地管理事项清单" };

export default async function LocalDutiesPage() {
  await requirePermission("localDuty.read");
  const units = await unitsWithLists();
  return (
    <div>
      <PageHeader title="属地管理事项清单" description="准入并备案的事项自动进入承接单位的清单并公布新版本；评议撤销的事项同样以新版本移出。已公布的版本不能修改。" />
      {units.length === 0 ? (
        <EmptyState title="还没有公布的属地管理事项清单">准入申请备案生效后，承接单位的清单会出现在这里。</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {units.map((u) => (
            <li key={u.unit_id} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/local-duties/${u.unit_id}`} className="font-medium text-brand-700 hover:underline" target="_blank">{u.unit_name}</Link>
              <p className="mt-1 text-sm text-slate-500">第 {u.version_no} 版 · {u.item_count} 项 · {formatDate(u.published_at)} 公布</p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-xs text-slate-500">点击单位名称在公开门户查看（新窗口），公众无需登录即可查阅。</p>
    </div>
  );
}
