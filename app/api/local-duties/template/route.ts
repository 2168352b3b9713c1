import { NextResponse } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/export-cells";
import { dutyImportTemplate } from "@/lib/local-duties/import-template";

export const dynamic = "force-dynamic";

function fail(status: number, message: string) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The spreadsheet template for importing 存量事项 into a 属地管理事项清单 (编办 only). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return fail(401, "请先登录。");
  if (user.mustChangePassword) return fail(403, "请先修改初始密码。");
  if (!can(user, "localDuty.manage")) return fail(403, "您没有权限下载导入模板。");
  return new NextResponse(new Uint8Array(dutyImportTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition("属地管理事项清单导入模板.xlsx", "local-duties-template.xlsx"),
      "Cache-Control": "private, no-store",
    },
  });
}
