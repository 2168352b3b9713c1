import Link from "next/link";
import type { ItemFilter } from "@/lib/catalogue/schema";
import { buttonClass } from "@/components/ui/cx";
import { Badge } from "@/components/ui/badge";
import { TypeLabel } from "./badges";
import { DeleteItemButton } from "./delete-item-button";
import { LegalText } from "./legal-text";
import { table } from "./table";

export type ItemRow = {
  id: number;
  seq: string | null;
  position: number;
  code: string | null;
  name: string;
  powerTypeRaw: string | null;
  domainRaw: string | null;
  departmentName: string | null;
  legalBasis: string | null;
  powerType: { id: number; name: string } | null;
  domain: { id: number; name: string } | null;
  department: { id: number; name: string; shortName: string | null } | null;
  _count: { subItems: number };
};

type SortKey = ItemFilter["sort"];

/** Query string of the current filters with some values replaced. */
export function filterHref(basePath: string, filter: ItemFilter, patch: Partial<Record<keyof ItemFilter, string | number | undefined>>) {
  const values: Record<string, string | number | undefined> = {
    q: filter.q,
    type: filter.type,
    domain: filter.domain,
    dept: filter.dept,
    sort: filter.sort === "position" ? undefined : filter.sort,
    dir: filter.dir === "asc" ? undefined : filter.dir,
    size: filter.size === 20 ? undefined : filter.size,
    ...patch,
  };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${basePath}?${s}` : basePath;
}

function SortHeader({ label, sort, filter, basePath, className }: { label: string; sort: SortKey; filter: ItemFilter; basePath: string; className?: string }) {
  const active = filter.sort === sort;
  const dir = active && filter.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`${table.th} ${className ?? ""}`} aria-sort={active ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={filterHref(basePath, filter, { sort: sort === "position" && dir === "asc" ? undefined : sort, dir: dir === "asc" ? undefined : dir, page: undefined })} className="inline-flex items-center gap-0.5 hover:text-brand-700">
        {label}
        <span aria-hidden className={active ? "text-brand-700" : "text-slate-300"}>
          {active ? (filter.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

/** `bulkFormId`: rows get a checkbox that belongs to that form (the bulk 领域/部门 edit of a draft). */
export function ItemTable({ rows, filter, basePath, editionId, canEdit, bulkFormId }: { rows: ItemRow[]; filter: ItemFilter; basePath: string; editionId: number; canEdit: boolean; bulkFormId?: string }) {
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="items-table">
        <caption className="sr-only">事项列表</caption>
        <thead className={table.thead}>
          <tr>
            {bulkFormId && <th scope="col" className={table.th}><span className="sr-only">选择</span></th>}
            <SortHeader label="序号" sort="position" filter={filter} basePath={basePath} />
            <SortHeader label="事项名称" sort="name" filter={filter} basePath={basePath} />
            <SortHeader label="权力类型" sort="type" filter={filter} basePath={basePath} />
            <SortHeader label="领域" sort="domain" filter={filter} basePath={basePath} />
            <SortHeader label="实施部门" sort="department" filter={filter} basePath={basePath} />
            <th scope="col" className={table.th}>实施依据</th>
            <th scope="col" className={table.th}>操作</th>
          </tr>
        </thead>
        <tbody className={table.tbody}>
          {rows.map((item) => {
            const href = `/catalogue/editions/${editionId}/items/${item.id}`;
            return (
              <tr key={item.id} data-testid="item-row">
                {bulkFormId && (
                  <td className={table.td}>
                    <input type="checkbox" name="itemIds" value={item.id} form={bulkFormId} aria-label={`选择「${item.name}」`} className="h-4 w-4" />
                  </td>
                )}
                <td className={`${table.td} whitespace-nowrap tabular-nums text-slate-500`}>{item.seq ?? item.position}</td>
                <td className={`${table.td} min-w-[14rem] max-w-md`}>
                  <Link href={href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {item.name}
                  </Link>
                  <span className="mt-1 flex flex-wrap gap-1">
                    {item._count.subItems > 0 && <Badge tone="blue">含 {item._count.subItems} 个子项</Badge>}
                    {item.code && <span className="font-mono text-xs text-slate-500">{item.code}</span>}
                  </span>
                </td>
                <td className={table.td}>
                  <TypeLabel name={item.powerType?.name} raw={item.powerTypeRaw} />
                </td>
                <td className={`${table.td} whitespace-nowrap`}>
                  {item.domain?.name ?? (item.domainRaw ? <span className="text-amber-700">{item.domainRaw}（未归类）</span> : <span className="text-slate-500">—</span>)}
                </td>
                <td className={`${table.td} min-w-[7rem]`}>
                  {item.department?.shortName ?? item.department?.name ?? item.departmentName ?? <span className="text-slate-500">—</span>}
                </td>
                <td className={`${table.td} min-w-[18rem] max-w-xl text-xs text-slate-600`}>
                  <LegalText text={item.legalBasis} clamp />
                </td>
                <td className={`${table.td} whitespace-nowrap`}>
                  <span className="flex gap-3">
                    <Link href={href} className={buttonClass.link} aria-label={`查看「${item.name}」`}>
                      查看
                    </Link>
                    {canEdit && (
                      <>
                        <Link href={`${href}/edit`} className={buttonClass.link} aria-label={`编辑「${item.name}」`}>
                          编辑
                        </Link>
                        <DeleteItemButton item={{ id: item.id, name: item.name }} />
                      </>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
