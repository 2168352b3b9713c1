import { publishedList } from "@/lib/local-duties/queries";
import { dutiesCsv, dutiesWorkbook } from "@/lib/local-duties/export";
import { contentDisposition } from "@/lib/export-cells";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** ?format=xlsx|csv&v=N: a published version of a unit's 属地管理事项清单. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  const url = new URL(request.url);
  const v = url.searchParams.get("v");
  const format = url.searchParams.get("format") ?? "xlsx";
  const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (format !== "xlsx" && format !== "csv") return text("format 只能是 xlsx 或 csv。", 400);
  const versionNo = v === null ? undefined : routeId(v);
  if (versionNo === null) return text("v（版本号）必须是正整数。", 400);
  const unit = routeId(unitId);
  if (unit === null) return text("找不到该清单。", 404);
  const list = await publishedList(unit, versionNo);
  if (!list) return text("找不到该清单或该版本。", 404);
  const { version, items, labels } = list;
  const name = `${version.unitName}属地管理事项清单（第${version.versionNo}版）.${format}`;
  const headers = {
    "Content-Disposition": contentDisposition(name, `local-duties-${unitId}-v${version.versionNo}.${format}`),
    "Cache-Control": "public, max-age=300",
  };
  if (format === "csv") return new Response(dutiesCsv(items, labels), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await dutiesWorkbook(version, items, labels);
  return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
}
