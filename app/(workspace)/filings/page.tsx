import Link from "next/link";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { mayEnter } from "@/lib/auth/policy";
import { areaOf } from "@/lib/auth/scope";
import { formatDateTime } from "@/lib/format";
import { FILING_KIND_LABELS, FILING_STATUS_LABELS } from "@/lib/filings/policy";
import { FILING_PAGE_SIZE, listFilings } from "@/lib/filings/queries";
import { FILING_STATUS_FILTERS, filingFilterSchema } from "@/lib/filings/schema";
import { FilingStatusBadge } from "@/components/filings/status";
import { table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "备案审查" };

const TAB_LABELS = { ...FILING_STATUS_LABELS, ALL: "全部" };

export default async function FilingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("filing.read");
  const parsed = filingFilterSchema.parse(await searchParams);
  const reviewer = mayEnter(user, "filing.review");
  const status = parsed.status ?? (reviewer ? "PENDING" : "ALL");
  const { rows, total, counts } = await listFilings(user, { ...parsed, status });
  const district = !!areaOf(user);

  return (
    <div>
      <PageHeader
        title={reviewer ? "备案审查" : "向市编办备案"}
        description={
          reviewer
            ? "区县编办发布本区县赋权事项指导清单、印发公布职权清单、结束赋权承接确认时，自动报市编办备案。逐件审查后记录已备案，或退回意见。"
            : "本区县发布赋权事项指导清单、印发公布职权清单、结束赋权承接确认时，自动报市编办备案。这里可以看到每件备案的审查结果和意见。"
        }
      />
      <nav aria-label="备案状态" className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="filing-tabs">
        {FILING_STATUS_FILTERS.map((s) => (
          <Link
            key={s}
            href={`/filings?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${s === status ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-200 bg-white text-slate-600 hover:bg-slate-50"}`}
          >
            {TAB_LABELS[s]}
            <span className="ml-1 tabular-nums text-slate-500">{counts[s]}</span>
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status === "PENDING" ? "没有待审查的备案" : "没有备案记录"}>
          {district ? "本区县发布指导清单、公布职权清单或结束承接确认后，备案会出现在这里。" : "区县编办报送的备案会出现在这里。"}
        </EmptyState>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="filings-table">
            <caption className="sr-only">备案（共 {total} 件）</caption>
            <thead className={table.thead}>
              <tr>
                <th scope="col" className={table.th}>备案事项</th>
                <th scope="col" className={table.th}>类别</th>
                {!district && <th scope="col" className={table.th}>区县</th>}
                <th scope="col" className={table.th}>报送</th>
                <th scope="col" className={table.th}>状态</th>
                <th scope="col" className={table.th}>审查</th>
              </tr>
            </thead>
            <tbody className={table.tbody}>
              {rows.map((f) => (
                <tr key={f.id} data-testid={`filing-row-${f.id}`}>
                  <th scope="row" className={`${table.td} min-w-[14rem] text-left font-normal`}>
                    <Link href={`/filings/${f.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {f.title}
                    </Link>
                  </th>
                  <td className={`${table.td} whitespace-nowrap`}>{FILING_KIND_LABELS[f.kind]}</td>
                  {!district && <td className={`${table.td} whitespace-nowrap`}>{f.district.name}</td>}
                  <td className={`${table.td} whitespace-nowrap text-xs text-slate-600`}>
                    {formatDateTime(f.submittedAt)}
                    <span className="block text-slate-500">{f.submittedByName}</span>
                  </td>
                  <td className={table.td}>
                    <FilingStatusBadge status={f.status} />
                  </td>
                  <td className={`${table.td} max-w-xs text-xs text-slate-600`}>
                    {f.reviewedAt ? (
                      <>
                        {formatDateTime(f.reviewedAt)} {f.reviewedByName}
                        {f.opinion && <span className="mt-0.5 line-clamp-2 block text-slate-700">{f.opinion}</span>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > FILING_PAGE_SIZE && <Pagination page={parsed.page} pageSize={FILING_PAGE_SIZE} total={total} basePath="/filings" params={{ status }} />}
    </div>
  );
}
