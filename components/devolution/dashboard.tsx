import Link from "next/link";
import type { Dashboard, GroupStats, StreetStats } from "@/lib/devolution/queries";
import { formatRate, progressRates, ratio } from "@/lib/devolution/rates";
import { table } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/cx";
import { Pagination } from "@/components/ui/pagination";
import { DecisionBar, RateBar, StreetChart } from "./charts";
import { StatCard } from "./stat-card";

export const STREET_SORTS = {
  order: "默认顺序",
  rate: "承接率",
  progress: "完成进度",
  disputed: "异议数",
  letters: "已确认确认书",
} as const;
export type StreetSort = keyof typeof STREET_SORTS;

export function sortStreets(streets: StreetStats[], sort: StreetSort, dir: "asc" | "desc"): StreetStats[] {
  if (sort === "order") return dir === "desc" ? [...streets].reverse() : streets;
  const key = (s: StreetStats) =>
    sort === "rate" ? (s.acceptanceRate ?? -1) : sort === "progress" ? (s.progress ?? 0) : sort === "disputed" ? s.disputed : s.lettersConfirmed;
  const sign = dir === "asc" ? 1 : -1;
  return [...streets].sort((a, b) => sign * (key(a) - key(b)) || a.streetId - b.streetId);
}

export const STREET_PAGE_SIZE = 50;

export function DashboardView({
  roundId,
  dashboard: d,
  claims,
  sort,
  dir,
  page,
}: {
  roundId: number;
  dashboard: Dashboard;
  claims: { title: string; rate: number | null; claimed: number; expected: number } | null;
  sort: StreetSort;
  dir: "asc" | "desc";
  page: number;
}) {
  const o = d.overall;
  const p = progressRates(d.progress);
  const streets = sortStreets(d.streets, sort, dir);
  const pageRows = streets.slice((page - 1) * STREET_PAGE_SIZE, page * STREET_PAGE_SIZE);
  const base = `/devolution/rounds/${roundId}`;
  // The first click on a column sorts it the useful way (order ascending, figures descending); the next reverses.
  const first = (s: StreetSort) => (s === "order" ? "asc" : "desc");
  const sortHref = (s: StreetSort) => `${base}?sort=${s}&dir=${sort === s ? (dir === "asc" ? "desc" : "asc") : first(s)}#compare`;
  const penaltyShare = ratio(o.acceptedPenalty, o.accepted);
  return (
    <div className="space-y-8">
      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading" className="sr-only">总体情况</h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard testId="stat-rate" label="承接率" value={formatRate(o.acceptanceRate)} hint={`已确定 ${o.settled} 项中承接 ${o.accepted} 项`} />
          <StatCard testId="stat-settled" label="已确定 / 全部" value={`${o.settled} / ${o.total}`} hint={`完成 ${formatRate(o.progress)}`} />
          <StatCard testId="stat-decisions" label="承接 · 暂缓 · 不承接" value={`${o.accepted} · ${o.deferred} · ${o.declined}`} hint={`有异议 ${o.disputed} 项，待答复 ${o.awaitingProposal} 项，待确认 ${o.awaitingResponse} 项`} />
          <StatCard testId="stat-penalty" label="行政处罚占承接事项" value={formatRate(penaltyShare)} hint={`承接的行政处罚 ${o.acceptedPenalty} 项`} />
          <StatCard testId="stat-pairs" label="街道×部门已全部一致" value={`${d.progress.settledPairs} / ${d.progress.pairs}`} hint={formatRate(p.settledPairRate)} />
          <StatCard testId="stat-letters" label="确认书已双方确认" value={`${d.progress.lettersConfirmed} / ${d.progress.pairs}`} hint={`待签认 ${d.progress.lettersPending} 份`} />
          {claims && (
            <StatCard testId="stat-claims" label="通用权责清单认领率" value={formatRate(claims.rate)} hint={<Link className="hover:underline" href="/devolution/claims">{claims.claimed} / {claims.expected} 项 · 查看</Link>} />
          )}
          <StatCard label="未分派部门" value={o.unassigned} hint={o.unassigned ? <Link className="hover:underline" href={`${base}/assignments?department=none`}>去分派</Link> : "全部已分派"} />
        </div>
      </section>

      <section aria-labelledby="compare-heading" id="compare">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
          <h2 id="compare-heading" className="text-lg font-semibold">各街道（乡镇）对比</h2>
          <span className="flex flex-wrap gap-2">
            <Link href={`${base}/heatmap`} className={buttonClass.secondary}>事项×街道热力图</Link>
            <a href={`/api/devolution/rounds/${roundId}/export`} className={buttonClass.secondary} data-testid="export-xlsx">导出 Excel</a>
          </span>
        </div>
        <div className={table.wrapper}>
          <table className={table.table} data-testid="compare-table">
            <caption className="sr-only">各街道（乡镇）承接情况对比，可按列排序</caption>
            <thead className={table.thead}>
              <tr>
                <SortTh href={sortHref("order")} active={sort === "order"} dir={dir}>街道（乡镇）</SortTh>
                <th scope="col" className={table.th}>事项</th>
                <th scope="col" className={`${table.th} min-w-[8rem]`}>确认情况</th>
                <th scope="col" className={table.th}>承接</th>
                <th scope="col" className={table.th}>暂缓</th>
                <th scope="col" className={table.th}>不承接</th>
                <SortTh href={sortHref("disputed")} active={sort === "disputed"} dir={dir}>有异议</SortTh>
                <SortTh href={sortHref("rate")} active={sort === "rate"} dir={dir}>承接率</SortTh>
                <th scope="col" className={table.th}>处罚占承接</th>
                <SortTh href={sortHref("progress")} active={sort === "progress"} dir={dir}>已一致组</SortTh>
                <SortTh href={sortHref("letters")} active={sort === "letters"} dir={dir}>已确认确认书</SortTh>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {pageRows.map((s) => (
                <tr key={s.streetId} data-testid={`compare-${s.name}`}>
                  <th scope="row" className={`${table.td} whitespace-nowrap text-left font-medium`}>
                    <Link href={`${base}/items?street=${s.streetId}`} className="text-brand-700 hover:underline">{s.name}</Link>
                    {s.district && <span className="block text-xs font-normal text-slate-500">{s.district}</span>}
                  </th>
                  <td className={`${table.td} tabular-nums`}>{s.total}</td>
                  <td className={table.td}><DecisionBar counts={s} /></td>
                  <td className={`${table.td} tabular-nums`}>{s.accepted}</td>
                  <td className={`${table.td} tabular-nums`}>{s.deferred}</td>
                  <td className={`${table.td} tabular-nums`}>{s.declined}</td>
                  <td className={`${table.td} tabular-nums ${s.disputed ? "font-semibold text-red-700" : ""}`}>{s.disputed}</td>
                  <td className={`${table.td} tabular-nums`} data-testid="rate">{formatRate(s.acceptanceRate)}</td>
                  <td className={`${table.td} tabular-nums`}>{formatRate(ratio(s.acceptedPenalty, s.accepted))}</td>
                  <td className={`${table.td} tabular-nums`}>{s.settledPairs} / {s.pairs}</td>
                  <td className={`${table.td} tabular-nums`}>{s.lettersConfirmed} / {s.pairs}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-slate-50 text-sm font-medium">
              <tr>
                <th scope="row" className={`${table.td} text-left`}>合计</th>
                <td className={`${table.td} tabular-nums`}>{o.total}</td>
                <td className={table.td}><DecisionBar counts={o} /></td>
                <td className={`${table.td} tabular-nums`}>{o.accepted}</td>
                <td className={`${table.td} tabular-nums`}>{o.deferred}</td>
                <td className={`${table.td} tabular-nums`}>{o.declined}</td>
                <td className={`${table.td} tabular-nums`}>{o.disputed}</td>
                <td className={`${table.td} tabular-nums`}>{formatRate(o.acceptanceRate)}</td>
                <td className={`${table.td} tabular-nums`}>{formatRate(penaltyShare)}</td>
                <td className={`${table.td} tabular-nums`}>{d.progress.settledPairs} / {d.progress.pairs}</td>
                <td className={`${table.td} tabular-nums`}>{d.progress.lettersConfirmed} / {d.progress.pairs}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {streets.length > STREET_PAGE_SIZE && (
          <Pagination page={page} pageSize={STREET_PAGE_SIZE} total={streets.length} basePath={base} params={{ sort, dir }} />
        )}
        <p className="mt-2 text-xs text-slate-500">承接率 = 已确定事项中承接的比例；全部确定后即为承接事项占全部事项的比例。</p>
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading" className="mb-3 text-lg font-semibold">各街道（乡镇）承接情况图</h2>
        <StreetChart streets={pageRows} />
      </section>

      <div className="grid gap-8 2xl:grid-cols-2">
        <GroupTable id="types" title="按权力类型" groups={d.powerTypes} accepted={o.accepted} />
        <GroupTable id="domains" title="按领域" groups={d.domains} accepted={o.accepted} />
      </div>
    </div>
  );
}

function SortTh({ href, active, dir, children }: { href: string; active: boolean; dir: "asc" | "desc"; children: React.ReactNode }) {
  return (
    <th scope="col" className={table.th} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} className="hover:text-brand-700 hover:underline">
        {children}
        {active && <span aria-hidden>{dir === "asc" ? " ↑" : " ↓"}</span>}
      </Link>
    </th>
  );
}

function GroupTable({ id, title, groups, accepted }: { id: string; title: string; groups: GroupStats[]; accepted: number }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">{title}</h2>
      <div className={table.wrapper}>
        <table className={table.table} data-testid={`${id}-table`}>
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>名称</th>
              <th scope="col" className={table.th}>事项</th>
              <th scope="col" className={table.th}>承接</th>
              <th scope="col" className={table.th}>暂缓</th>
              <th scope="col" className={table.th}>不承接</th>
              <th scope="col" className={table.th}>承接率</th>
              <th scope="col" className={table.th}>占全部承接</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {groups.map((g) => (
              <tr key={g.id ?? "none"}>
                <th scope="row" className={`${table.td} whitespace-nowrap text-left font-medium`}>{g.name}</th>
                <td className={`${table.td} tabular-nums`}>{g.total}</td>
                <td className={`${table.td} tabular-nums`}>{g.accepted}</td>
                <td className={`${table.td} tabular-nums`}>{g.deferred}</td>
                <td className={`${table.td} tabular-nums`}>{g.declined}</td>
                <td className={table.td}><RateBar rate={g.acceptanceRate} /></td>
                <td className={table.td}><RateBar rate={ratio(g.accepted, accepted)} tone="bg-emerald-500" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
