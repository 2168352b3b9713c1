import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { viewScope } from "@/lib/devolution/policy";
import { listDevolutionRounds } from "@/lib/devolution/queries";
import { formatRate } from "@/lib/devolution/rates";
import { isOverdue } from "@/lib/devolution/state";
import { DecisionBar, Legend } from "@/components/devolution/charts";
import { RoundStatusBadge } from "@/components/devolution/badges";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "赋权承接确认" };

const SCOPE_TEXT = {
  all: "编办组织各部门和街道（乡镇）对赋权事项逐项确认承接意见和职责边界，并签认确认书。",
  department: "本部门需要对下列各轮中分派给本部门的事项，逐个街道（乡镇）提出承接意见和职责边界。",
  street: "本街道（乡镇）需要对下列各轮中各部门提出的承接意见逐项确认，并签认确认书。",
};

export default async function RoundsPage() {
  const user = await requireEntry("devolution.read");
  const scope = viewScope(user);
  if (!scope) forbidden();
  const rounds = await listDevolutionRounds(scope.kind === "department" ? { departmentId: scope.departmentId } : scope.kind === "street" ? { streetId: scope.streetId } : { streetIds: scope.streetIds });
  const canManage = can(user, "devolution.manage");
  const now = new Date();
  return (
    <div>
      <PageHeader
        title="赋权承接确认"
        description={SCOPE_TEXT[scope.kind]}
        actions={
          canManage && (
            <Link href="/devolution/rounds/new" className={buttonClass.primary} data-testid="new-round">
              发起新一轮
            </Link>
          )
        }
      />
      {rounds.length === 0 ? (
        <EmptyState title={canManage ? "还没有发起承接确认" : "暂无需要办理的承接确认"}>
          {canManage ? (
            <>
              点击「发起新一轮」，选择已印发的赋权事项指导清单和参加的街道（乡镇），系统会把每个事项分派给原实施部门。
            </>
          ) : scope.kind === "department" ? (
            "编办发起承接确认并把事项分派给本部门后，会在这里列出。"
          ) : (
            "编办发起承接确认并把本街道（乡镇）列入后，会在这里列出。"
          )}
        </EmptyState>
      ) : (
        <>
          <div className="mb-3"><Legend /></div>
          <ul className="space-y-3" data-testid="round-list">
            {rounds.map((r) => {
              const overdue = r.status === "OPEN" && isOverdue(r.deadline, now) && r.counts.settled < r.counts.total;
              return (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <Link href={`/devolution/rounds/${r.id}`} className="text-base font-semibold text-brand-700 hover:underline">
                        {r.title}
                      </Link>
                      <p className="mt-0.5 text-sm text-slate-500">
                        {r.editionTitle} · {r.streets} 个街道（乡镇） · 截止 {formatDate(r.deadline)}
                      </p>
                    </div>
                    <RoundStatusBadge status={r.status} overdue={overdue} />
                  </div>
                  <DecisionBar counts={r.counts} className="mt-3" />
                  <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
                    <div><dt className="inline">已确定：</dt><dd className="inline tabular-nums">{r.counts.settled} / {r.counts.total} 项</dd></div>
                    <div><dt className="inline">承接率：</dt><dd className="inline tabular-nums">{formatRate(r.counts.acceptanceRate)}</dd></div>
                    {scope.kind === "department" && <div><dt className="inline">待本部门答复：</dt><dd className="inline tabular-nums">{r.counts.awaitingProposal} 项</dd></div>}
                    {scope.kind === "street" && <div><dt className="inline">待本街道确认：</dt><dd className="inline tabular-nums">{r.counts.awaitingResponse} 项</dd></div>}
                    <div><dt className="inline">有异议：</dt><dd className="inline tabular-nums">{r.counts.disputed} 项</dd></div>
                    <div><dt className="inline">已确认确认书：</dt><dd className="inline tabular-nums">{r.lettersConfirmed} 份</dd></div>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
