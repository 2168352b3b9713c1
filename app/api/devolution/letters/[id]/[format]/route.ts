import { env } from "@/lib/env";
import { download, workspaceRoute } from "@/lib/route";
import { getLetter } from "@/lib/devolution/queries";
import type { LetterContent } from "@/lib/devolution/letter-content";
import { renderLetterPdf, type LetterPrint } from "@/lib/devolution/letter-pdf";
import { renderLetterDocx } from "@/lib/devolution/letter-docx";

export const dynamic = "force-dynamic";

/** The letter as PDF or Word, for the two parties and 编办 (and leaders) only. */
export const GET = workspaceRoute({
  permission: "devolution.read",
  ids: ["id"],
  notFound: "确认书不存在。",
  forbidden: "您没有权限查看该确认书。",
  load: async ({ params, ids }) => (params.format === "pdf" || params.format === "docx" ? getLetter(ids.id) : null),
  subject: (letter) => ({ type: "devolution", streetIds: [letter.streetId], departmentIds: [letter.departmentId] }),
  handle: async ({ request, params, loaded: letter }) => {
    const format = params.format === "docx" ? "docx" : "pdf";
    const origin = env.NEXTAUTH_URL ?? new URL(request.url).origin;
    const print: LetterPrint = {
      content: letter.content as unknown as LetterContent,
      contentHash: letter.contentHash,
      status: letter.status,
      departmentConfirmedBy: letter.departmentConfirmedBy,
      departmentConfirmedAt: letter.departmentConfirmedAt,
      streetConfirmedBy: letter.streetConfirmedBy,
      streetConfirmedAt: letter.streetConfirmedAt,
      verifyUrl: `${origin.replace(/\/$/, "")}/verify`,
    };
    const body = format === "pdf" ? await renderLetterPdf(print) : await renderLetterDocx(print);
    const name = `赋权承接事项确认书-${letter.street.name}-${letter.department.name}-${letter.documentNumber}.${format}`;
    return download({ body, fileName: name, fallback: `letter-${letter.id}.${format}`, type: format });
  },
});
