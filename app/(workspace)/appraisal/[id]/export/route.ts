import { roundResults } from "@/lib/appraisal/queries";
import { appraisalWorkbook } from "@/lib/appraisal/export";
import { download, workspaceRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

/** 年度评议结果 as .xlsx: every duty of the round with its counts, rate and outcome. */
export const GET = workspaceRoute({
  permission: "appraisal.read",
  forbidden: "您没有权限导出评议结果。",
  ids: ["id"],
  load: ({ ids, user }) => roundResults(ids.id, user.area?.unitIds),
  handle: async ({ loaded }) => {
    const body = await appraisalWorkbook(loaded.round, loaded.rows);
    return download({ body, fileName: `${loaded.round.title}结果.xlsx`, fallback: `appraisal-${loaded.round.year}.xlsx`, type: "xlsx" });
  },
});
