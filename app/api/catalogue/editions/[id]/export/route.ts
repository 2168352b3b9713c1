import { AppError } from "@/lib/errors";
import { download, workspaceRoute } from "@/lib/route";
import { editionWorkbook } from "@/lib/catalogue/export";
import { toCsv } from "@/lib/catalogue/export-format";
import { exportItems, getEdition, powerTypeOrder } from "@/lib/catalogue/queries";

export const dynamic = "force-dynamic";

/** An edition as .xlsx (one sheet, or one per power type) or as CSV. Drafts only for 编办. */
export const GET = workspaceRoute({
  permission: "catalogue.read",
  ids: ["id"],
  notFound: "清单版本不存在。",
  forbidden: "您没有权限导出这个版本。",
  load: ({ ids }) => getEdition(ids.id),
  subject: (edition) => ({ type: "edition", status: edition.status, areaUnitId: edition.areaUnitId }),
  handle: async ({ request, ids: { id }, loaded: edition }) => {
    const url = new URL(request.url);
    const format = url.searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new AppError("VALIDATION", "format 只能是 xlsx 或 csv。");
    const split = url.searchParams.get("split") === "type";
    const items = await exportItems(id);
    const suffix = edition.status === "DRAFT" ? "（草稿）" : "";
    if (format === "csv") {
      return download({ body: toCsv(items), fileName: `${edition.title}${suffix}.csv`, fallback: `edition-${id}.csv`, type: "csv" });
    }
    const body = await editionWorkbook({ title: `${edition.title}${suffix}`, items, split, typeOrder: await powerTypeOrder() });
    return download({ body, fileName: `${edition.title}${suffix}${split ? "（按权力类型）" : ""}.xlsx`, fallback: `edition-${id}.xlsx`, type: "xlsx" });
  },
});
