import { NextResponse } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/export-cells";
import { today as chinaToday } from "@/lib/dates";
import { getRound, listItemsForExport, roundDashboard } from "@/lib/devolution/queries";
import { roundWorkbook } from "@/lib/devolution/export";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

// Beyond this many rows the detail sheet is left out (it would take minutes and hundreds of MB);
// the summary sheets always come.
const DETAIL_LIMIT = 30_000;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return new NextResponse("请先登录。", { status: 401 });
  if (!can(user, "devolution.stats")) return new NextResponse("您没有权限导出统计。", { status: 403 });
  const roundId = routeId(id);
  const round = roundId ? await getRound(roundId) : null;
  if (!round) return new NextResponse("该轮承接确认不存在。", { status: 404 });
  const dashboard = await roundDashboard(round.id);
  const details = dashboard.overall.total <= DETAIL_LIMIT ? await listItemsForExport(round.id, DETAIL_LIMIT) : null;
  const body = await roundWorkbook({ title: round.title, generatedAt: new Date(), dashboard, details });
  return new NextResponse(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`${round.title}-承接情况-${chinaToday()}.xlsx`, `devolution-${round.id}.xlsx`),
      "Cache-Control": "private, no-store",
    },
  });
}
