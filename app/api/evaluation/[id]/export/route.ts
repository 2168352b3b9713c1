import { workspaceRoute, download } from "@/lib/route";
import { allRaterScores, resultsView } from "@/lib/evaluation/queries";
import { resultsWorkbook } from "@/lib/evaluation/export";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** 编办's export of a round: results and, on a second sheet, every rater's scores. */
export const GET = workspaceRoute({
  permission: "evaluation.raterDetail",
  forbidden: "您没有权限导出考评明细。",
  notFound: "考评不存在。",
  ids: ["id"],
  // Every rater's scores: only for the 编办 that runs the round (a district 编办 its own district's).
  load: async ({ user, ids }) => {
    const view = await resultsView(user, ids.id);
    if (view && !view.detail) throw new AppError("FORBIDDEN", "您没有权限导出考评明细。");
    return view;
  },
  handle: async ({ ids, loaded: view }) => {
    const rated = view.indicators.filter((i) => i.source === "RATED");
    const raters = await allRaterScores(ids.id, rated.map((i) => i.id));
    const body = await resultsWorkbook(view.round.title, view.indicators, view.results, raters, rated.map((i) => i.name));
    return download({ body, fileName: `${view.round.title}.xlsx`, fallback: `evaluation-${ids.id}.xlsx`, type: "xlsx" });
  },
});
