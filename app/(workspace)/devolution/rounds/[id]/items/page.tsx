import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { roundPage } from "@/lib/devolution/access";
import { filterOptions, listItemsPage, roundStreets } from "@/lib/devolution/queries";
import { itemFilterSchema } from "@/lib/devolution/schema";
import { STATE_LABELS, STATES } from "@/lib/devolution/state";
import { ItemList } from "@/components/devolution/item-list";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "逐项确认" };

export default async function ItemsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { round, scope } = await roundPage(id);
  const filter = itemFilterSchema.parse(await searchParams);
  // Another street's answers or another department's items are not for this user to see.
  if (scope.kind === "street" && filter.street && filter.street !== scope.streetId) forbidden();
  if (scope.kind === "department" && filter.department && filter.department !== scope.departmentId) forbidden();
  const streetId = scope.kind === "street" ? scope.streetId : filter.street;
  const departmentId = scope.kind === "department" ? scope.departmentId : filter.department;
  const [{ rows, total, page, pageSize }, options, streets] = await Promise.all([
    listItemsPage(round.id, { streetId, departmentId, streetIds: scope.kind === "all" ? scope.streetIds : undefined }, filter),
    filterOptions(round.id),
    scope.kind === "street" ? Promise.resolve([]) : roundStreets(round.id, scope.kind === "all" ? scope.streetIds : undefined),
  ]);
  const open = round.status === "OPEN";
  const mode = !open ? "view" : scope.kind === "department" ? "department" : scope.kind === "street" ? "street" : "view";
  const base = `/devolution/rounds/${round.id}/items`;
  const filtered = Boolean(filter.street || filter.department || filter.type || filter.domain || filter.state || filter.q);
  const intro =
    mode === "department"
      ? "勾选事项后提出承接意见：承接须写明街道与部门的职责边界，暂缓或不承接须写明理由。点击事项名称可查看详情、逐项修改和留言沟通。"
      : mode === "street"
        ? "逐项核对部门意见：同意即达成一致；不同意请写明理由，并可在事项详情中留言沟通，仍不一致的由编办裁决。"
        : "本页只读。";

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{intro}</p>
      <form method="get" action={base} role="search" aria-label="筛选事项" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-3 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]" data-testid="item-filter">
        {scope.kind !== "street" && (
          <div className="space-y-1">
            <label htmlFor="street" className="block text-sm font-medium text-slate-700">街道（乡镇）</label>
            <select id="street" name="street" defaultValue={filter.street ?? ""} className={inputClass}>
              <option value="">全部</option>
              {streets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
        )}
        {scope.kind !== "department" && (
          <div className="space-y-1">
            <label htmlFor="department" className="block text-sm font-medium text-slate-700">部门</label>
            <select id="department" name="department" defaultValue={filter.department ?? ""} className={inputClass}>
              <option value="">全部</option>
              {options.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor="type" className="block text-sm font-medium text-slate-700">权力类型</label>
          <select id="type" name="type" defaultValue={filter.type ?? ""} className={inputClass}>
            <option value="">全部</option>
            {options.types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="domain" className="block text-sm font-medium text-slate-700">领域</label>
          <select id="domain" name="domain" defaultValue={filter.domain ?? ""} className={inputClass}>
            <option value="">全部</option>
            {options.domains.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="state" className="block text-sm font-medium text-slate-700">状态</label>
          <select id="state" name="state" defaultValue={filter.state ?? ""} className={inputClass}>
            <option value="">全部</option>
            {STATES.map((s) => <option key={s} value={s}>{STATE_LABELS[s]}</option>)}
          </select>
        </div>
        <div className="col-span-2 space-y-1 lg:col-span-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">事项名称或编码</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className={inputClass} />
        </div>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <button type="submit" className={buttonClass.primary}>查询</button>
          {filtered && <Link href={base} className={buttonClass.secondary}>清除</Link>}
        </div>
      </form>

      <ItemList
        roundId={round.id}
        rows={rows}
        mode={mode}
        showStreet={scope.kind !== "street" && !filter.street}
        showDepartment={scope.kind !== "department" && !filter.department}
        seenAt={new Date().toISOString()}
        summary={
          <p className="text-sm text-slate-500" data-testid="item-count">
            共 {total} 项{total > pageSize && `，本页第 ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + rows.length} 项`}
          </p>
        }
        empty={
          <EmptyState title={filtered ? "没有符合条件的事项" : "没有事项"}>
            {filtered ? <>请放宽筛选条件，或 <Link href={base} className={buttonClass.link}>清除筛选</Link>。</> : "本轮中没有分派给您的事项。"}
          </EmptyState>
        }
      />
      {total > pageSize && (
        <Pagination
          page={page}
          pageSize={pageSize}
          total={total}
          basePath={base}
          params={{ street: str(filter.street), department: str(filter.department), type: str(filter.type), domain: str(filter.domain), state: filter.state, q: filter.q }}
        />
      )}
    </div>
  );
}

const str = (v: number | string | undefined) => (v === undefined ? undefined : String(v));
