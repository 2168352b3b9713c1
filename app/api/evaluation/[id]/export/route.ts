import { workspaceRoute, download } from "@/lib/route";
import { allRaterScores, resultsView } from "@/lib/evaluation/queries";
import { resultsWorkbook } from "@/lib/evaluation/export";

export const dynamic = "force-dynamic";

/** 编办's export of a round: results and, on a second sheet, every rater's scores. */
export const GET = workspaceRoute({
  permission: "evaluation.raterDetail",
  forbidden: "您没有权限导出考评明细。",
  notFound: "考评不存在。",
  ids: ["id"],
  load: ({ user, ids }) => resultsView(user, ids.id),
  handle: async ({ ids, loaded: view }) => {
    const rated = view.indicators.filter((i) => i.source === "RATED");
    const raters = await allRaterScores(ids.id, rated.map((i) => i.id));
    const body = await resultsWorkbook(view.round.title, view.indicators, view.results, raters, rated.map((i) => i.name));
    return download({ body, fileName: `${view.round.title}.xlsx`, fallback: `evaluation-${ids.id}.xlsx`, type: "xlsx" });
  },
});
