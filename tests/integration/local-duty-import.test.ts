import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { importDutiesAction, previewDutyImportAction, publishDutiesAction } from "@/lib/local-duties/actions";
import { TEMPLATE_HEADERS } from "@/lib/local-duties/import";
import { manageView } from "@/lib/local-duties/queries";
import { actAs, prisma, unitId } from "./helpers";


const duty = (name: string, department = "示例市城市管理综合执法局") => ["城市管理", name, department, "制定标准，组织考核。", "日常巡查，发现问题及时上报。", "《城市市容和环境卫生管理条例》第十条", "区城管局", "街道办事处"];

function workbook(rows: string[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "清单");
  return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
}

const good = workbook([["东湖街道属地管理事项清单"], TEMPLATE_HEADERS, duty("导入测试：占道经营巡查"), [], duty("导入测试：燃气安全入户宣传", "省燃气协会"), duty("导入测试：违规张贴清理")]);
const bad = workbook([TEMPLATE_HEADERS, duty("导入测试：坏文件中的好行"), ["城市管理", "", "", "", "", "", "", ""].map((v, i) => (i === 1 ? "导入测试：缺内容" : v)), duty("导入测试：坏文件中的好行")]);

describe("importing 存量事项 from a spreadsheet", () => {
  it("only 编办 may preview or import, at the server", async () => {
    const donghu = await unitId("东湖街道办事处");
    for (const name of ["jiedao", "shequ", "chengguan", "lingdao"]) {
      await actAs(name);
      expect(await previewDutyImportAction({ unitId: donghu, fileName: "清单.xlsx", file: good }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await importDutiesAction({ unitId: donghu, fileName: "清单.xlsx", file: good }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs(null);
    expect(await importDutiesAction({ unitId: donghu, fileName: "清单.xlsx", file: good })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await prisma.localDuty.count({ where: { name: { startsWith: "导入测试" } } })).toBe(0);
  });

  it("previews a bad file with row errors and writes nothing, not even on a forced commit", async () => {
    await actAs("bianban");
    const donghu = await unitId("东湖街道办事处");
    const audits = await prisma.auditLog.count();
    const preview = await previewDutyImportAction({ unitId: donghu, fileName: "坏.xlsx", file: bad });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.counts).toEqual({ new: 1, exists: 0, error: 2 });
    expect(preview.data.rows[1]).toMatchObject({ rowNumber: 3, status: "error", errors: expect.arrayContaining(["请填写部门职责", "请填写责任部门"]) });
    expect(preview.data.rows[2].errors).toEqual(["与第 2 行的事项名称重复"]);

    expect(await importDutiesAction({ unitId: donghu, fileName: "坏.xlsx", file: bad })).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringContaining("2 行有错误") });
    expect(await previewDutyImportAction({ unitId: donghu, fileName: "图.xlsx", file: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) })).toMatchObject({ ok: false, code: "BAD_FILE" });
    expect(await previewDutyImportAction({ unitId: donghu, fileName: "清单.docx", file: good })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { fileName: expect.any(String) } });
    expect(await previewDutyImportAction({ unitId: await unitId("示例市司法局"), fileName: "清单.xlsx", file: good })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await prisma.localDuty.count({ where: { name: { startsWith: "导入测试" } } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("imports a good file in one go, audited, unpublished until 编办 publishes; a second import skips what exists", async () => {
    await actAs("bianban");
    const donghu = await unitId("东湖街道办事处");
    const chengguan = await unitId("示例市城市管理综合执法局");
    const before = await manageView(donghu);

    const preview = await previewDutyImportAction({ unitId: donghu, fileName: "清单.xlsx", file: good });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.counts).toEqual({ new: 3, exists: 0, error: 0 });
    expect(await prisma.localDuty.count({ where: { name: { startsWith: "导入测试" } } })).toBe(0);

    // The count the user confirmed must still hold.
    expect(await importDutiesAction({ unitId: donghu, fileName: "清单.xlsx", file: good, expectNew: 5 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const done = await importDutiesAction({ unitId: donghu, fileName: "清单.xlsx", file: good, expectNew: 3 });
    if (!done.ok) throw new Error(done.message);
    expect(done.data).toMatchObject({ added: 3, skipped: [] });

    const rows = await prisma.localDuty.findMany({ where: { unitId: donghu, name: { startsWith: "导入测试" } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.name, r.departmentId, r.departmentName, r.admissionId, r.active])).toEqual([
      ["导入测试：占道经营巡查", chengguan, "示例市城市管理综合执法局", null, true],
      ["导入测试：燃气安全入户宣传", null, "省燃气协会", null, true],
      ["导入测试：违规张贴清理", chengguan, "示例市城市管理综合执法局", null, true],
    ]);
    const audits = await prisma.auditLog.findMany({ where: { action: "localDuty.import", subjectId: { in: rows.map((r) => String(r.id)) } } });
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({ actorName: expect.any(String), after: expect.objectContaining({ fileName: "清单.xlsx", unitId: donghu }) });

    let view = await manageView(donghu);
    expect(view!.pending).toBe(true);
    expect(view!.latest?.versionNo ?? 0).toBe(before!.latest?.versionNo ?? 0);

    // Again with one more row: the three are skipped and reported, the new one is added.
    const again = workbook([TEMPLATE_HEADERS, duty("导入测试：占道经营巡查"), duty("导入测试：燃气安全入户宣传"), duty("导入测试：违规张贴清理"), duty("导入测试：新增一项")]);
    const second = await previewDutyImportAction({ unitId: donghu, fileName: "清单2.xlsx", file: again });
    expect(second.ok && second.data.counts).toEqual({ new: 1, exists: 3, error: 0 });
    const added = await importDutiesAction({ unitId: donghu, fileName: "清单2.xlsx", file: again, expectNew: 1 });
    expect(added).toMatchObject({ ok: true, data: { added: 1, skipped: ["导入测试：占道经营巡查", "导入测试：燃气安全入户宣传", "导入测试：违规张贴清理"] } });
    expect(await importDutiesAction({ unitId: donghu, fileName: "清单2.xlsx", file: again })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await prisma.localDuty.count({ where: { unitId: donghu, name: { startsWith: "导入测试" } } })).toBe(4);

    const published = await publishDutiesAction({ unitId: donghu, note: "导入存量事项" });
    expect(published.ok).toBe(true);
    view = await manageView(donghu);
    expect(view!.pending).toBe(false);
  });
});
