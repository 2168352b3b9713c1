import { NextResponse } from "next/server";
import { MAX_IMPORT_BYTES } from "@/lib/catalogue/import/read";
import { uploadImport } from "@/lib/catalogue/upload";
import { AppError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/route";

// The upload step of the import: the browser posts the file here (multipart) so it can show
// upload progress; the answer says where the preview is. Nothing is kept when the file is bad.
export const dynamic = "force-dynamic";

function fail(status: number, message: string) {
  return NextResponse.json({ ok: false, message }, { status });
}

// The gate: who may work on drafts at all. Which edition the file may go into (the user's own
// city or district edition) is the upload action's check, against the edition named in the form.
export const POST = workspaceRoute({
  permission: "catalogue.readDraft",
  forbidden: "您没有权限导入清单。",
  json: true,
  handle: async ({ request }) => {
    // Refuse an oversized body before reading it (the multipart envelope adds a little).
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_IMPORT_BYTES + 64 * 1024) {
      return fail(413, `文件过大（${(length / 1024 / 1024).toFixed(1)} MB），单个文件不能超过 20 MB。请拆分后再上传。`);
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(400, "上传的内容不完整，请重新选择文件上传。");
    }
    const file = form.get("file");
    if (!(file instanceof File)) return fail(400, "请选择要导入的文件。");
    const editionId = String(form.get("editionId") ?? "");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await uploadImport({ editionId, fileName: file.name || "未命名文件", bytes });
    if (!result.ok) throw new AppError(result.code, result.message);
    const previewUrl = `/catalogue/editions/${result.data.editionId}/import/${result.data.sessionId}`;
    // A form posted natively (before the page was interactive) goes on to the preview page.
    if (request.headers.get("sec-fetch-mode") === "navigate") return NextResponse.redirect(new URL(previewUrl, request.url), 303);
    return NextResponse.json({ ok: true, sessionId: result.data.sessionId, previewUrl });
  },
});
