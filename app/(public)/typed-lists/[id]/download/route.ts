import { contentDisposition } from "@/lib/export-cells";
import { publicTypedList } from "@/lib/list-types/queries";
import { typedListCsv, typedListPdf, typedListWorkbook } from "@/lib/list-types/export";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** ?format=xlsx|csv|pdf&v=N: a published version of a typed list, with the columns it was published with. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const v = url.searchParams.get("v");
  const format = url.searchParams.get("format") ?? "xlsx";
  const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (format !== "xlsx" && format !== "csv" && format !== "pdf") return text("format 只能是 xlsx、csv 或 pdf。", 400);
  const versionNo = v === null ? undefined : routeId(v);
  if (versionNo === null) return text("v（版本号）必须是正整数。", 400);
  const listId = routeId(id);
  if (listId === null) return text("找不到该清单。", 404);
  const list = await publicTypedList(listId, versionNo);
  if (!list) return text("找不到该清单或该版本。", 404);
  const { version } = list;
  const headers = {
    "Content-Type": TYPES[format],
    "Content-Disposition": contentDisposition(`${version.title}（第${version.versionNo}版）.${format}`, `typed-list-${listId}-v${version.versionNo}.${format}`),
    "Cache-Control": "public, max-age=300",
  };
  if (format === "csv") return new Response(typedListCsv(version), { headers });
  const body = format === "pdf" ? await typedListPdf(version) : await typedListWorkbook(version);
  return new Response(new Uint8Array(body), { headers });
}
