import { publishedList } from "@/lib/local-duties/queries";
import { DUTY_COLUMNS } from "@/lib/local-duties/labels";
import { contentDisposition, csvText } from "@/lib/export-cells";

export const dynamic = "force-dynamic";

/** ?v=N: a published version of a unit's 属地管理事项清单 as CSV (UTF-8 with BOM, opens in Excel). */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  const v = new URL(request.url).searchParams.get("v");
  const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (v !== null && !/^\d{1,9}$/.test(v)) return text("v（版本号）必须是正整数。", 400);
  if (!/^\d{1,9}$/.test(unitId)) return text("找不到该清单。", 404);
  const list = await publishedList(Number(unitId), v ? Number(v) : undefined);
  if (!list) return text("找不到该清单或该版本。", 404);
  const { version, items } = list;
  const body = csvText([
    ["序号", ...DUTY_COLUMNS.map((c) => c.label), "准入编号"],
    ...items.map((i) => [String(i.position), ...DUTY_COLUMNS.map((c) => String(i[c.key] ?? "")), i.admissionCode ?? ""]),
  ]);
  const name = `${version.unitName}属地管理事项清单（第${version.versionNo}版）.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(name, `local-duties-${unitId}-v${version.versionNo}.csv`),
      "Cache-Control": "public, max-age=300",
    },
  });
}
