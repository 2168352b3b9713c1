import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { allRaterScores, resultsView } from "@/lib/evaluation/queries";
import { resultsWorkbook } from "@/lib/evaluation/export";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** 编办's export of a round: results and, on a second sheet, every rater's scores. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("请先登录。", { status: 401 });
  if (!can(user, "evaluation.raterDetail")) return new Response("您没有权限导出考评明细。", { status: 403 });
  const id = routeId((await params).id);
  const view = id ? await resultsView(user, id) : null;
  if (!view) return new Response("考评不存在。", { status: 404 });
  const rated = view.indicators.filter((i) => i.source === "RATED");
  const raters = await allRaterScores(view.round.id, rated.map((i) => i.id));
  const body = await resultsWorkbook(view.round.title, view.indicators, view.results, raters, rated.map((i) => i.name));
  const name = `${view.round.title}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="evaluation-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
