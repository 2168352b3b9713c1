import type { StreetStats } from "@/lib/devolution/queries";
import { addCounts, formatRate, withRates, type Counts } from "@/lib/devolution/rates";
import { table } from "@/components/ui/table";

const ZERO: Counts = { total: 0, accepted: 0, deferred: 0, declined: 0, settled: 0, disputed: 0, awaitingProposal: 0, awaitingResponse: 0, unassigned: 0 };

const countsOf = (s: StreetStats): Counts => ({
  total: s.total, accepted: s.accepted, deferred: s.deferred, declined: s.declined, settled: s.settled,
  disputed: s.disputed, awaitingProposal: s.awaitingProposal, awaitingResponse: s.awaitingResponse, unassigned: s.unassigned,
});

/** The round's figures per district, side by side (the city 编办's view; a district sees only its own). */
export function DistrictRollup({ streets }: { streets: StreetStats[] }) {
  const byDistrict = new Map<string, { counts: Counts; streets: number; letters: number }>();
  for (const s of streets) {
    const key = s.district ?? "其他";
    const d = byDistrict.get(key) ?? { counts: ZERO, streets: 0, letters: 0 };
    byDistrict.set(key, { counts: addCounts(d.counts, countsOf(s)), streets: d.streets + 1, letters: d.letters + s.lettersConfirmed });
  }
  if (byDistrict.size < 2) return null;
  return (
    <section aria-labelledby="district-rollup-heading">
      <h2 id="district-rollup-heading" className="mb-2 text-base font-semibold">各区县情况</h2>
      <div className={table.wrapper}>
        <table className={table.table} data-testid="district-rollup">
          <thead className={table.thead}>
            <tr>
              <th scope="col" className={table.th}>区县</th>
              <th scope="col" className={table.th}>街道（乡镇）</th>
              <th scope="col" className={table.th}>事项</th>
              <th scope="col" className={table.th}>已确认</th>
              <th scope="col" className={table.th}>进度</th>
              <th scope="col" className={table.th}>承接率</th>
              <th scope="col" className={table.th}>有异议</th>
              <th scope="col" className={table.th}>已签认确认书</th>
            </tr>
          </thead>
          <tbody className={table.tbody}>
            {[...byDistrict.entries()].map(([name, d]) => {
              const r = withRates(d.counts);
              return (
                <tr key={name} data-testid="district-rollup-row">
                  <th scope="row" className={`${table.td} text-left font-medium`}>{name}</th>
                  <td className={`${table.td} tabular-nums`}>{d.streets}</td>
                  <td className={`${table.td} tabular-nums`}>{r.total}</td>
                  <td className={`${table.td} tabular-nums`}>{r.settled}</td>
                  <td className={`${table.td} tabular-nums`}>{formatRate(r.progress)}</td>
                  <td className={`${table.td} tabular-nums`}>{formatRate(r.acceptanceRate)}</td>
                  <td className={`${table.td} tabular-nums`}>{r.disputed}</td>
                  <td className={`${table.td} tabular-nums`}>{d.letters}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
