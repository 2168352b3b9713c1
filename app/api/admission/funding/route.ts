import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { fundingWorkbook } from "@/lib/funding/export";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("请先登录。", { status: 401 });
  if (!can(user, "funding.read")) return new Response("您没有权限。", { status: 403 });
  const year = Number(new URL(req.url).searchParams.get("year"));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return new Response("年度有误。", { status: 400 });
  const body = await fundingWorkbook(year);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="funding-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`费随事转经费汇总-${year}年.xlsx`)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
