import { registerEntries, registerFilterOptions, REGISTER_LIMIT } from "@/lib/refusals/queries";
import { registerFilterSchema } from "@/lib/refusals/schema";
import { registerWorkbook } from "@/lib/refusals/export";
import { STATUS_LABELS } from "@/lib/refusals/labels";
import { download, workspaceRoute } from "@/lib/route";
import { today } from "@/lib/dates";

export const dynamic = "force-dynamic";

/** The task register as the page's filter selects it, as .xlsx. */
export const GET = workspaceRoute({
  permission: "refusal.read",
  forbidden: "您没有权限导出任务登记簿。",
  handle: async ({ user, request }) => {
    const filter = registerFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const [{ rows, total }, options] = await Promise.all([registerEntries(user, filter, REGISTER_LIMIT), registerFilterOptions(user)]);
    const parts = [
      filter.unitId ? options.units.find((u) => u.id === filter.unitId)?.name : null,
      filter.departmentId ? `${options.departments.find((d) => d.id === filter.departmentId)?.name ?? ""}交办` : null,
      filter.year ? `${filter.year}年收到` : null,
      filter.status ? STATUS_LABELS[filter.status] : null,
    ].filter(Boolean);
    const description = `${parts.length ? `筛选：${parts.join("，")}` : "全部任务"} · 共 ${total} 条${total > rows.length ? `（导出前 ${rows.length} 条）` : ""}`;
    const body = await registerWorkbook(rows, description);
    // The day in China (toISOString() would name yesterday before 08:00).
    const day = today();
    return download({ body, fileName: `任务登记簿-${day}.xlsx`, fallback: `task-register-${day}.xlsx`, type: "xlsx" });
  },
});
