import { AppError } from "@/lib/errors";
import { download, workspaceRoute } from "@/lib/route";
import { fundingWorkbook } from "@/lib/funding/export";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute({
  permission: "funding.read",
  forbidden: "您没有权限。",
  handle: async ({ request, user }) => {
    const year = Number(new URL(request.url).searchParams.get("year"));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError("VALIDATION", "年度有误。");
    const body = await fundingWorkbook(year, user.area?.unitIds);
    return download({ body, fileName: `费随事转经费汇总-${year}年.xlsx`, fallback: `funding-${year}.xlsx`, type: "xlsx" });
  },
});
