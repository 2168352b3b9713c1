import { NextResponse } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { editionWorkbook } from "@/lib/catalogue/export";
import { toCsv } from "@/lib/catalogue/export-format";
import { contentDisposition } from "@/lib/export-cells";
import { exportItems, getEdition, powerTypeOrder } from "@/lib/catalogue/queries";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

function fail(status: number, message: string) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** An edition as .xlsx (one sheet, or one per power type) or as CSV. Drafts only for 编办. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fail(401, "请先登录。");
  if (user.mustChangePassword) return fail(403, "请先修改初始密码。");
  const id = routeId((await params).id);
  const edition = id ? await getEdition(id) : null;
  if (!edition) return fail(404, "清单版本不存在。");
  if (!can(user, "catalogue.read", { type: "edition", status: edition.status })) return fail(403, "您没有权限导出这个版本。");

  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const split = url.searchParams.get("split") === "type";
  const items = await exportItems(edition.id);
  const suffix = edition.status === "DRAFT" ? "（草稿）" : "";
  const headers = new Headers({ "Cache-Control": "private, no-store" });

  if (format === "csv") {
    headers.set("Content-Type", "text/csv; charset=utf-8");
    headers.set("Content-Disposition", contentDisposition(`${edition.title}${suffix}.csv`, `edition-${id}.csv`));
    return new NextResponse(toCsv(items), { headers });
  }
  const buffer = await editionWorkbook({ title: `${edition.title}${suffix}`, items, split, typeOrder: await powerTypeOrder() });
  headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  headers.set("Content-Disposition", contentDisposition(`${edition.title}${suffix}${split ? "（按权力类型）" : ""}.xlsx`, `edition-${id}.xlsx`));
  return new NextResponse(new Uint8Array(buffer), { headers });
}
