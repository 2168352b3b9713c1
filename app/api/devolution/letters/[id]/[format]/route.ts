import { NextResponse } from "next/server";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { contentDisposition } from "@/lib/export-cells";
import { getLetter } from "@/lib/devolution/queries";
import type { LetterContent } from "@/lib/devolution/letter-content";
import { renderLetterPdf, type LetterPrint } from "@/lib/devolution/letter-pdf";
import { renderLetterDocx } from "@/lib/devolution/letter-docx";
import { routeId } from "@/lib/validation";

export const dynamic = "force-dynamic";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** The letter as PDF or Word, for the two parties and 编办 (and leaders) only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await params;
  if (format !== "pdf" && format !== "docx") return new NextResponse("不支持的格式", { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new NextResponse("请先登录。", { status: 401 });
  const letterId = routeId(id);
  const letter = letterId ? await getLetter(letterId) : null;
  if (!letter) return new NextResponse("确认书不存在。", { status: 404 });
  if (!can(user, "devolution.read", { type: "devolution", streetIds: [letter.streetId], departmentIds: [letter.departmentId] })) {
    return new NextResponse("您没有权限查看该确认书。", { status: 403 });
  }
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
  return new NextResponse(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": contentDisposition(name, `letter-${letter.id}.${format}`),
      "Cache-Control": "private, no-store",
    },
  });
}
