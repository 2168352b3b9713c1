import type { Metadata } from "next";
import { z } from "zod";
import { mayEnter } from "@/lib/auth/policy";
import { roundPage } from "@/lib/devolution/access";
import { listPairs, roundDashboard } from "@/lib/devolution/queries";
import { claimRates, issuedGeneralEditions } from "@/lib/claims/queries";
import { DashboardView, STREET_SORTS, type StreetSort } from "@/components/devolution/dashboard";
import { DistrictRollup } from "@/components/devolution/district-rollup";
import { PairTable } from "@/components/devolution/pair-table";
import { CloseDevolutionRoundButton } from "@/components/devolution/close-round-button";
import { Legend } from "@/components/devolution/charts";
import { EmptyState } from "@/components/ui/empty-state";
import { FormSuccess } from "@/components/ui/form-messages";
import { filterPage } from "@/lib/validation";

export const metadata: Metadata = { title: "承接确认" };

const params = z.object({
  sort: z.enum(Object.keys(STREET_SORTS) as [StreetSort, ...StreetSort[]]).default("order").catch("order"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: filterPage(1000),
  opened: z.string().optional(),
});

export default async function RoundOverview({ params: p, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await p;
  const { user, round, scope, manages } = await roundPage(id);
  const q = params.parse(await searchParams);
  const open = round.status === "OPEN";

  if (scope.kind === "all") {
    const [dashboard, editions] = await Promise.all([roundDashboard(round.id, scope.streetIds), issuedGeneralEditions()]);
    const general = editions[0];
    const claims = general ? await claimRates(general.id, scope.streetIds) : null;
    return (
      <div className="space-y-6">
        {q.opened && (
          <FormSuccess testId="round-opened">
            已发起本轮承接确认，共 {dashboard.overall.total} 条待确认事项。
            {dashboard.overall.unassigned > 0 ? `有 ${dashboard.overall.unassigned} 条事项未能自动匹配部门，请在「事项分派」中指定。` : "全部事项已按原实施部门分派。"}
          </FormSuccess>
        )}
        <DashboardView
          roundId={round.id}
          dashboard={dashboard}
          claims={claims && general ? { title: general.title, rate: claims.rate, claimed: claims.claimed, expected: claims.items * claims.streets.length } : null}
          sort={q.sort}
          dir={q.dir ?? (q.sort === "order" ? "asc" : "desc")}
          page={q.page}
        />
        <DistrictRollup streets={dashboard.streets} />
        {open && manages && (
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-base font-semibold">结束本轮</h2>
            <p className="mt-1 text-sm text-slate-600">
              结束后各方不能再修改意见、确认或生成确认书；已确认的确认书不受影响。尚未完成的事项需在新一轮中继续办理。
            </p>
            <div className="mt-3"><CloseDevolutionRoundButton roundId={round.id} open={dashboard.overall.total - dashboard.overall.settled} /></div>
          </section>
        )}
      </div>
    );
  }

  const pairs = await listPairs(round.id, scope.kind === "department" ? { departmentId: scope.departmentId } : { streetId: scope.streetId });
  const canGenerate = mayEnter(user, "devolution.letter");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {scope.kind === "department"
          ? "下表是本部门在各街道（乡镇）的事项。点击「查看事项」逐项提出承接意见；也可用「批量答复」一次对多个事项、多个街道提出同样的意见。某个街道的事项全部一致后，可生成确认书。"
          : "下表是各部门在本街道（乡镇）的事项。点击「查看事项」逐项确认部门意见；某个部门的事项全部一致后，可生成确认书并签认。"}
      </p>
      <Legend />
      {pairs.length === 0 ? (
        <EmptyState title="本轮没有需要您办理的事项" />
      ) : (
        <PairTable roundId={round.id} pairs={pairs} by={scope.kind === "department" ? "street" : "department"} canGenerate={canGenerate} open={open} />
      )}
    </div>
  );
}
