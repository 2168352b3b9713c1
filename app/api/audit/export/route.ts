import { AUDIT_EXPORT_LIMIT, auditForExport } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { auditWorkbook, filterDescription } from "@/lib/audit/export";
import { getUnit } from "@/lib/units/queries";
import { download, workspaceRoute } from "@/lib/route";
import { today } from "@/lib/dates";

export const dynamic = "force-dynamic";

/** The audit log as the page's filter selects it, as .xlsx (at most AUDIT_EXPORT_LIMIT rows). */
export const GET = workspaceRoute({
  permission: "audit.read",
  forbidden: "您没有权限导出审计日志。",
  handle: async ({ request, user }) => {
    const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const [{ rows, truncated }, unit] = await Promise.all([auditForExport(filter, user), filter.unitId ? getUnit(filter.unitId, user) : null]);
    const body = await auditWorkbook(rows, { description: filterDescription(filter, unit?.name), truncated, limit: AUDIT_EXPORT_LIMIT });
    // The day in China (toISOString() would name yesterday before 08:00).
    const day = today();
    const response = download({ body, fileName: `审计日志-${day}.xlsx`, fallback: `audit-${day}.xlsx`, type: "xlsx" });
    if (truncated) response.headers.set("X-Qingdan-Truncated", String(AUDIT_EXPORT_LIMIT));
    return response;
  },
});
