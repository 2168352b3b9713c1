import { attachmentResponse } from "@/lib/attachment-response";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { attachmentForDownload } from "@/lib/admission/queries";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** Attachments are only ever downloads: never rendered inline by the browser. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("请先登录。", { status: 401 });
  const id = routeId((await params).id);
  const file = id ? await attachmentForDownload(id) : null;
  const a = file?.admission;
  if (!file || !a || !can(user, "admission.read", { type: "admission", applicantUnitId: a.applicantUnitId, status: a.status, targetUnitIds: a.targets.map((t) => t.unitId) })) {
    return new Response("文件不存在或您无权下载。", { status: 404 });
  }
  return attachmentResponse(file);
}
