import Link from "next/link";
import { roundPage } from "@/lib/devolution/access";
import { formatDate, formatDateText } from "@/lib/format";
import { isOverdue } from "@/lib/devolution/state";
import { RoundStatusBadge } from "@/components/devolution/badges";
import { RoundTabs, type RoundTab } from "@/components/devolution/round-tabs";

export default async function RoundLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { round, scope, manages } = await roundPage(id);
  const base = `/devolution/rounds/${round.id}`;
  const tabs: RoundTab[] =
    scope.kind === "all"
      ? [
          { href: base, label: "概况与统计", exact: true },
          { href: `${base}/items`, label: "逐项明细" },
          { href: `${base}/heatmap`, label: "事项×街道热力图" },
          ...(!manages ? [] : [{ href: `${base}/assignments`, label: "事项分派" }, { href: `${base}/disputes`, label: "异议裁决" }]),
          { href: `${base}/letters`, label: "确认书" },
        ]
      : scope.kind === "department"
        ? [
            { href: base, label: "各街道进度", exact: true },
            { href: `${base}/items`, label: "逐项答复" },
            { href: `${base}/bulk`, label: "批量答复" },
            { href: `${base}/letters`, label: "确认书" },
          ]
        : [
            { href: base, label: "各部门进度", exact: true },
            { href: `${base}/items`, label: "逐项确认" },
            { href: `${base}/letters`, label: "确认书" },
          ];
  return (
    <div>
      <nav aria-label="位置" className="no-print mb-2 text-sm text-slate-500">
        <Link href="/devolution/rounds" className="hover:underline">赋权承接确认</Link> / <span className="text-slate-700">{round.title}</span>
      </nav>
      <header className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl" data-testid="round-title">{round.title}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {round.edition.title} · {round._count.streets} 个街道（乡镇） · {round._count.assignments} 个事项 · 截止 {formatDate(round.deadline)}
            {round.status === "CLOSED" && round.closedAt && <> · {round.closedByName}于{formatDateText(round.closedAt)}结束</>}
          </p>
        </div>
        <RoundStatusBadge status={round.status} overdue={round.status === "OPEN" && isOverdue(round.deadline)} />
      </header>
      {round.note && <p className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">{round.note}</p>}
      <RoundTabs tabs={tabs} />
      {children}
    </div>
  );
}
