import { describe, expect, it } from "vitest";
import { uploadAttachmentAction } from "@/lib/admission/actions";
import { reportCaseAction } from "@/lib/dispatch/actions";
import { previewDutyImportAction, importDutiesAction } from "@/lib/local-duties/actions";
import { actAs, prisma, unitId } from "./helpers";

// Issue 10 item 8: every upload limit answers with the app's Chinese message and stores nothing.
// (The framework caps above these limits are checked in lib/uploads.test.ts and, end to end, in
// tests/e2e/security-edge.spec.ts.)

const MB = 1024 * 1024;
function pdf(bytes: number, name = "大文件.pdf") {
  const b = new Uint8Array(bytes);
  b.set(new TextEncoder().encode("%PDF-1.7\n"));
  return new File([b], name, { type: "application/pdf" });
}
const counts = async () => ({
  attachments: await prisma.admissionAttachment.count(),
  dispatchFiles: await prisma.dispatchAttachment.count(),
  dispatches: await prisma.dispatch.count(),
  duties: await prisma.localDuty.count(),
  audit: await prisma.auditLog.count(),
});

describe("upload size limits", () => {
  it("an admission attachment over 10 MB (11 MB, 30 MB) is refused in Chinese, nothing stored", async () => {
    await actAs("chengguan");
    const a = await prisma.admission.findFirstOrThrow({ where: { title: "辖区犬只登记信息采集" }, select: { id: true } });
    const before = await counts();
    for (const size of [11 * MB, 30 * MB]) {
      const r = await uploadAttachmentAction({ admissionId: a.id, file: pdf(size) });
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { file: "文件超过 10 MB，请压缩或拆分后再上传。" } });
    }
    // Refused before the session is even loaded: the same answer signed out.
    await actAs(null);
    expect(await uploadAttachmentAction({ admissionId: a.id, file: pdf(11 * MB) })).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("10 MB") } });
    expect(await counts()).toEqual(before);
  });

  it("a dispatch report with one attachment over 10 MB is refused naming the file, nothing stored", async () => {
    await actAs("jiedao");
    const before = await counts();
    const r = await reportCaseAction({
      departmentId: await unitId("示例市城市管理综合执法局"),
      title: "违法搭建",
      location: "桂花路 3 号",
      foundAt: "2026-01-05T09:00",
      description: "现场照片见附件。",
      files: [pdf(1000, "小.pdf"), pdf(11 * MB, "现场.pdf")],
    });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { files: "现场.pdf：文件超过 10 MB，请压缩或拆分后再上传。" } });
    expect(await counts()).toEqual(before);
  });

  it("a local-duty spreadsheet over 5 MB is refused by preview and import, nothing stored", async () => {
    await actAs("admin");
    const donghu = await unitId("东湖街道办事处");
    const before = await counts();
    const file = new Uint8Array(6 * MB);
    for (const action of [previewDutyImportAction, importDutiesAction]) {
      expect(await action({ unitId: donghu, fileName: "清单.xlsx", file })).toMatchObject({ ok: false, fieldErrors: { file: "文件超过 5 MB，请压缩或拆分后再上传。" } });
    }
    expect(await counts()).toEqual(before);
  });
});
