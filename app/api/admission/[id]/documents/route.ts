import { getAdmission, issuerName } from "@/lib/admission/queries";
import { decisionDocument, opinionsDocument, renderDocumentDocx, renderDocumentPdf } from "@/lib/admission/documents";
import { download, workspaceRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

const KINDS = { decision: { build: decisionDocument, name: "准入决定书", ascii: "decision" }, opinions: { build: opinionsDocument, name: "联席会议审查意见表", ascii: "joint-review" } } as const;

/** 准入决定书 (with its 文号) and 联席会议审查意见表, as PDF or Word: ?kind=decision|opinions&format=pdf|docx. */
export const GET = workspaceRoute({
  permission: "admission.read",
  ids: ["id"],
  load: ({ ids }) => getAdmission(ids.id),
  subject: (a) => ({ type: "admission", applicantUnitId: a.applicantUnitId, status: a.status, targetUnitIds: a.targets.map((t) => t.unitId) }),
  handle: async ({ loaded: a, request }) => {
    const url = new URL(request.url);
    const kind = url.searchParams.get("kind") ?? "decision";
    const format = url.searchParams.get("format") ?? "pdf";
    if (!(kind in KINDS) || (format !== "pdf" && format !== "docx")) return new Response("不支持的文书或格式。", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const spec = KINDS[kind as keyof typeof KINDS];
    const d = spec.build(a, await issuerName());
    if (!d) return new Response(kind === "decision" ? "尚未作出准入决定。" : "尚无联席会议成员单位意见。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const body = format === "pdf" ? await renderDocumentPdf(d) : await renderDocumentDocx(d);
    return download({ body, fileName: `${spec.name}-${a.code}.${format}`, fallback: `${spec.ascii}-${a.id}.${format}`, type: format });
  },
});
