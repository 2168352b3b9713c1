import { contentDisposition } from "@/lib/export-cells";
import { listPdf, listWorkbook } from "@/lib/portal/export";
import { publicList, versionItems } from "@/lib/portal/queries";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** ?format=xlsx|pdf&v=N: a published version as a spreadsheet or a PDF (Chinese text embedded). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "xlsx";
  const v = url.searchParams.get("v");
  const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (format !== "xlsx" && format !== "pdf") return text("format 只能是 xlsx 或 pdf。", 400);
  const versionNo = v === null ? null : routeId(v);
  if (v !== null && versionNo === null) return text("v（版本号）必须是正整数。", 400);
  const listId = routeId(id);
  if (listId === null) return text("找不到该清单。", 404);
  const list = await publicList(listId, versionNo);
  if (!list) return text("找不到该清单或该版本。", 404);
  const items = await versionItems(list.version.id);
  const exportList = { title: list.title, form: list.form, unitName: list.unit.name, version: list.version };
  const name = `${list.title}（第${list.version.versionNo}版）`;
  const fallback = `list-${list.id}-v${list.version.versionNo}`;
  if (format === "xlsx") {
    const body = await listWorkbook(exportList, items);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(`${name}.xlsx`, `${fallback}.xlsx`),
      },
    });
  }
  const body = await listPdf(exportList, items, `${url.origin}/lists/${list.id}/v/${list.version.versionNo}`);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(`${name}.pdf`, `${fallback}.pdf`),
    },
  });
}
