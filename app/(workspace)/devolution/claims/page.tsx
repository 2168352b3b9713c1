import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { claimRates, issuedGeneralEditions, streetClaims } from "@/lib/claims/queries";
import { claimFilterSchema } from "@/lib/claims/schema";
import { unitName } from "@/lib/devolution/queries";
import { formatRate } from "@/lib/devolution/rates";
import { RateBar } from "@/components/devolution/charts";
import { ClaimsTable } from "@/components/devolution/claims-table";
import { StatCard } from "@/components/devolution/stat-card";
import { table } from "@/components/ui/table";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "通用权责清单认领" };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEntry("claim.read");
  const filter = claimFilterSchema.parse(await searchParams);
  const editions = await issuedGeneralEditions();
  const edition = editions.find((e) => e.id === filter.edition) ?? editions[0];
  const isStreet = user.roles.includes("STREET");
  // A street sees only its own claims; 编办 and leaders may open any street's.
  const streetId = isStreet ? user.unitId : filter.street;
  if (streetId && !can(user, "claim.read", { type: "claim", streetId })) forbidden();

  const header = (
    <PageHeader
      title="通用权责清单认领"
      description={isStreet ? "通用权责清单是街道（乡镇）依法履行的法定权力事项，请逐项或全部认领，认领后列入本街道职权清单。" : "各街道（乡镇）对通用权责清单的认领情况。"}
    />
  );
  if (!edition) {
    return <div>{header}<EmptyState title="还没有印发的通用权责清单">编办在「通用权责清单」中印发清单后，各街道（乡镇）即可认领。</EmptyState></div>;
  }
  const editionPicker = editions.length > 1 && (
    <form method="get" action="/devolution/claims" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor="edition" className="block text-sm font-medium text-slate-700">清单</label>
        <select id="edition" name="edition" defaultValue={edition.id} className={inputClass}>
          {editions.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
        </select>
      </div>
      {filter.street && !isStreet && <input type="hidden" name="street" value={filter.street} />}
      <button type="submit" className={buttonClass.secondary}>切换</button>
    </form>
  );

  if (streetId) {
    const [rows, name] = await Promise.all([streetClaims(streetId, edition.id), unitName(streetId)]);
    const claimed = rows.filter((r) => r.claim?.active).length;
    return (
      <div>
        {header}
        {editionPicker}
        {!isStreet && <p className="mb-3 text-sm"><Link href={`/devolution/claims?edition=${edition.id}`} className="text-brand-700 hover:underline">← 返回各街道认领情况</Link></p>}
        <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
          <StatCard label={`${name ?? ""} 已认领`} value={`${claimed} / ${rows.length}`} testId="claim-count" />
          <StatCard label="认领率" value={formatRate(rows.length ? claimed / rows.length : null)} />
          <StatCard label="清单" value={<span className="text-base">{edition.title}</span>} />
        </div>
        <ClaimsTable streetId={streetId} editionId={edition.id} rows={rows} editable={isStreet && can(user, "claim.manage", { type: "claim", streetId })} />
      </div>
    );
  }

  const rates = await claimRates(edition.id, user.area?.unitIds);
  return (
    <div>
      {header}
      {editionPicker}
      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatCard label="总认领率" value={formatRate(rates.rate)} testId="claim-rate" hint={`${rates.claimed} / ${rates.items * rates.streets.length} 项`} />
        <StatCard label="全部认领的街道（乡镇）" value={`${rates.complete} / ${rates.streets.length}`} />
        <StatCard label="清单事项" value={rates.items} />
      </div>
      <div className={table.wrapper}>
        <table className={table.table} data-testid="claim-rates">
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>区（县）</th>
              <th scope="col" className={table.th}>街道（乡镇）</th>
              <th scope="col" className={table.th}>已认领</th>
              <th scope="col" className={table.th}>已取消认领</th>
              <th scope="col" className={table.th}>认领率</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {rates.streets.map((s) => (
              <tr key={s.streetId}>
                <td className={`${table.td} whitespace-nowrap`}>{s.district}</td>
                <td className={`${table.td} whitespace-nowrap`}><Link href={`/devolution/claims?edition=${edition.id}&street=${s.streetId}`} className="text-brand-700 hover:underline">{s.name}</Link></td>
                <td className={`${table.td} tabular-nums`}>{s.claimed} / {rates.items}</td>
                <td className={`${table.td} tabular-nums`}>{s.unclaimed || "—"}</td>
                <td className={table.td}><RateBar rate={s.rate} tone="bg-emerald-500" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
