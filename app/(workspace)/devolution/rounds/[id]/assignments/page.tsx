import Link from "next/link";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { roundPage } from "@/lib/devolution/access";
import { activeDepartments, listAssignments } from "@/lib/devolution/queries";
import { AssignmentTable } from "@/components/devolution/assignment-table";
import { buttonClass, inputClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { filterText, id } from "@/lib/validation";

export const metadata: Metadata = { title: "事项分派" };

const filterSchema = z.object({
  department: z.union([z.literal("none"), id]).optional().catch(undefined),
  q: filterText(50),
});

export default async function AssignmentsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { round, manages } = await roundPage(id);
  if (!manages) forbidden();
  const filter = filterSchema.parse(await searchParams);
  const [{ rows, unassigned }, departments] = await Promise.all([listAssignments(round.id, filter), activeDepartments()]);
  const base = `/devolution/rounds/${round.id}/assignments`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        每个事项由一个部门在各街道（乡镇）答复。发起时按原实施部门自动匹配；匹配不上或需要调整的，可逐个选择，也可勾选多个事项批量改派。
        {unassigned > 0 && <strong className="ml-1 text-red-700">还有 {unassigned} 个事项未分派。</strong>}
      </p>
      <form method="get" action={base} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3" role="search" aria-label="筛选事项">
        <div className="space-y-1">
          <label htmlFor="department" className="block text-sm font-medium text-slate-700">负责部门</label>
          <select id="department" name="department" defaultValue={filter.department ?? ""} className={inputClass}>
            <option value="">全部</option>
            <option value="none">未分派</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-700">事项名称或编码</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass.primary}>查询</button>
        {(filter.department || filter.q) && <Link href={base} className={buttonClass.secondary}>清除</Link>}
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filter.department === "none" ? "全部事项都已分派部门" : "没有符合条件的事项"} />
      ) : (
        <AssignmentTable
          roundId={round.id}
          open={round.status === "OPEN"}
          departments={departments.map((d) => ({ id: d.id, name: d.name }))}
          rows={rows.map((r) => ({
            itemId: r.itemId, seq: r.item.seq, code: r.item.code, name: r.item.name, powerType: r.item.powerType?.name ?? null,
            sourceDepartment: r.item.departmentName, departmentId: r.departmentId, manual: r.manual,
          }))}
        />
      )}
    </div>
  );
}
