import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { AUDIT_EXPORT_LIMIT, auditForExport } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { auditWorkbook, filterDescription } from "@/lib/audit/export";
import { getUnit } from "@/lib/units/queries";
import { contentDisposition } from "@/lib/export-cells";

export const dynamic = "force-dynamic";

/** The audit log as the page's filter selects it, as .xlsx (at most AUDIT_EXPORT_LIMIT rows). */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("请先登录。", { status: 401 });
  if (!can(user, "audit.read")) return new Response("您没有权限导出审计日志。", { status: 403 });
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [{ rows, truncated }, unit] = await Promise.all([auditForExport(filter), filter.unitId ? getUnit(filter.unitId) : null]);
  const body = await auditWorkbook(rows, { description: filterDescription(filter, unit?.name), truncated, limit: AUDIT_EXPORT_LIMIT });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`审计日志-${day}.xlsx`, `audit-${day}.xlsx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ...(truncated ? { "X-Qingdan-Truncated": String(AUDIT_EXPORT_LIMIT) } : {}),
    },
  });
}
