import { download, workspaceRoute } from "@/lib/route";
import { today as chinaToday } from "@/lib/dates";
import { getDevolutionRound, listItemsForExport, roundDashboard } from "@/lib/devolution/queries";
import { roundWorkbook } from "@/lib/devolution/export";

export const dynamic = "force-dynamic";

// Beyond this many rows the detail sheet is left out (it would take minutes and hundreds of MB);
// the summary sheets always come.
const DETAIL_LIMIT = 30_000;

export const GET = workspaceRoute({
  permission: "devolution.stats",
  forbidden: "您没有权限导出统计。",
  notFound: "该轮承接确认不存在。",
  ids: ["id"],
  load: ({ ids }) => getDevolutionRound(ids.id),
  handle: async ({ loaded: round, user }) => {
    // A district 编办 exports its own district's streets only.
    const streetIds = user.area?.unitIds;
    const dashboard = await roundDashboard(round.id, streetIds);
    const details = dashboard.overall.total <= DETAIL_LIMIT ? await listItemsForExport(round.id, DETAIL_LIMIT, streetIds) : null;
    const body = await roundWorkbook({ title: round.title, generatedAt: new Date(), dashboard, details });
    return download({ body, fileName: `${round.title}-承接情况-${chinaToday()}.xlsx`, fallback: `devolution-${round.id}.xlsx`, type: "xlsx" });
  },
});
