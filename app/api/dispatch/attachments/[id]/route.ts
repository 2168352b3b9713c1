import { attachmentResponse } from "@/lib/attachment-response";
import { workspaceRoute } from "@/lib/route";
import { attachmentForDownload } from "@/lib/dispatch/queries";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute({
  permission: "dispatch.read",
  ids: ["id"],
  notFound: "文件不存在或您无权下载。",
  hideForbidden: true,
  load: ({ ids }) => attachmentForDownload(ids.id),
  subject: (file) => ({ type: "dispatch", ...file.dispatch }),
  handle: async ({ loaded: file }) => attachmentResponse(file),
});
