import { attachmentResponse } from "@/lib/attachment-response";
import { workspaceRoute } from "@/lib/route";
import { attachmentForDownload } from "@/lib/admission/queries";

export const dynamic = "force-dynamic";

/** Attachments are only ever downloads: never rendered inline by the browser. */
export const GET = workspaceRoute({
  permission: "admission.read",
  ids: ["id"],
  notFound: "文件不存在或您无权下载。",
  hideForbidden: true,
  load: async ({ ids }) => {
    const file = await attachmentForDownload(ids.id);
    return file?.admission ? { ...file, admission: file.admission } : null;
  },
  subject: ({ admission: a }) => ({ type: "admission", applicantUnitId: a.applicantUnitId, status: a.status, targetUnitIds: a.targets.map((t) => t.unitId) }),
  handle: async ({ loaded: file }) => attachmentResponse(file),
});
