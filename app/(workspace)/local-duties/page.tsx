import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { unitInArea } from "@/lib/auth/scope";
import { unitsWithLists, unitsPendingPublication } from "@/lib/local-duties/queries";
import { targetCandidates } from "@/lib/admission/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { formatDateText } from "@/lib/format";

export const metadata: Metadata = { title: "属地管理事项清单" };

export default async function LocalDutiesPage() {
  const user = await requirePermission("localDuty.read");
  const manage = can(user, "localDuty.manage");
  const [units, allCandidates, allPending] = await Promise.all([
    unitsWithLists(user.area?.unitIds),
    manage ? targetCandidates() : Promise.resolve([]),
    manage ? unitsPendingPublication() : Promise.resolve([]),
  ]);
  // A district 编办 keeps the lists of its own district's units only.
  const candidates = allCandidates.filter((c) => unitInArea(user, c.id));
  const pending = allPending.filter((u) => unitInArea(user, u.unitId));
  const groups = [...new Set(candidates.map((c) => c.group))];
  return (
    <div className="space-y-6">
      <PageHeader title="属地管理事项清单" description="准入并备案的事项自动进入承接单位的清单并公布新版本；评议撤销的事项同样以新版本移出。已公布的版本不能修改。" />
      {manage && (
        <form action="/local-duties/manage" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="unit" className="block text-sm font-medium text-slate-700">
              维护某个单位的清单（添加存量事项、修改、移出、公布新版本）
            </label>
            <select id="unit" name="unit" className={inputClass} required>
              {groups.map((g) => (
                <optgroup key={g} label={g || "其他"}>
                  {candidates
                    .filter((c) => c.group === g)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass.secondary} data-testid="manage-unit">
            维护清单
          </button>
        </form>
      )}
      {pending.length > 0 && (
        <section id="pending" aria-labelledby="pending-heading" className="rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="pending-units">
          <h2 id="pending-heading" className="mb-2 font-semibold text-amber-900">
            有修改尚未公布新版本的单位（{pending.length} 个）
          </h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {pending.map((u) => (
              <li key={u.unitId}>
                <Link href={`/local-duties/manage/${u.unitId}`} className={buttonClass.link}>
                  {u.unitName}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {units.length === 0 ? (
        <EmptyState title="还没有公布的属地管理事项清单">准入申请备案生效后，承接单位的清单会出现在这里。</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {units.map((u) => (
            <li key={u.unit_id} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/local-duties/${u.unit_id}`} className="font-medium text-brand-700 hover:underline" target="_blank">
                {u.unit_name}
              </Link>
              <p className="mt-1 text-sm text-slate-500">
                第 {u.version_no} 版 · {u.item_count} 项 · {formatDateText(u.published_at)}公布
              </p>
              {manage && (
                <Link href={`/local-duties/manage/${u.unit_id}`} className={`${buttonClass.link} mt-2 inline-block text-sm`}>
                  维护
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500">点击单位名称在公开门户查看（新窗口），公众无需登录即可查阅。</p>
    </div>
  );
}
