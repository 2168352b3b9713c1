import { describe, expect, it } from "vitest";
import { refuseTaskAction, registerTaskAction } from "@/lib/refusals/actions";
import { registerEntries, registerFilterOptions } from "@/lib/refusals/queries";
import { GET as exportRegister } from "@/app/(workspace)/refusals/export/route";
import ExcelJS from "exceljs";
import { actAs, prisma, unitId } from "./helpers";


describe("refusal right", () => {
  it("lets a community refuse an un-admitted task, but not an admitted one", async () => {
    await actAs("shequ");
    const r = await registerTaskAction({ title: "文明城市创建入户宣传资料发放", departmentId: await unitId("示例市文化和旅游局"), receivedOn: "2026-11-20", description: "" });
    expect(r).toMatchObject({ ok: true, data: { checkResult: "NOT_ADMITTED" } });
    const admitted = await registerTaskAction({ title: "做好高龄津贴申领材料初审", departmentId: await unitId("示例市民政局"), receivedOn: "2026-11-20", description: "" });
    expect(admitted).toMatchObject({ ok: true, data: { checkResult: "ADMITTED", matchedDutyName: "高龄津贴申领材料初审" } });
    if (!r.ok || !admitted.ok) return;
    expect(await refuseTaskAction({ id: r.data.id, reason: "短" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await refuseTaskAction({ id: admitted.data.id, reason: "不想做这项工作" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("jiedao");
    expect(await refuseTaskAction({ id: r.data.id, reason: "不是我单位的任务" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await refuseTaskAction({ id: 2_000_000_000, reason: "不存在的任务编号" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await actAs("chengguan");
    expect(await registerTaskAction({ title: "任意任务", departmentId: await unitId("示例市民政局"), receivedOn: "2026-11-20" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("shequ");
    expect(await refuseTaskAction({ id: r.data.id, reason: "未经准入，社区无相应人员和经费" })).toMatchObject({ ok: true });
    expect(await prisma.auditLog.count({ where: { action: "refusal.refuse", subjectId: String(r.data.id) } })).toBe(1);
  });
});

describe("the refusal register", () => {
  it("tells the refused department and 编办, with a link to the task", async () => {
    await actAs("shequ");
    const r = await registerTaskAction({ title: "社区垃圾分类入户督导检查", departmentId: await unitId("示例市城市管理综合执法局"), receivedOn: "2026-10-08", description: "" });
    if (!r.ok) throw new Error(r.message);
    expect(await refuseTaskAction({ id: r.data.id, reason: "未经准入，社区无执法人员" })).toMatchObject({ ok: true });
    const notes = await prisma.notification.findMany({ where: { href: `/refusals?task=${r.data.id}` }, include: { user: { select: { username: true } } } });
    const who = notes.map((n) => n.user.username);
    expect(who).toContain("chengguan");
    expect(who).toContain("bianban");
    expect(who).not.toContain("jiedao");
    expect(notes[0].title).toContain("社区垃圾分类入户督导检查");
    expect(notes[0].body).toContain("未经准入，社区无执法人员");
  });

  it("filters by unit, department, year and outcome, scoped to who reads it", async () => {
    const bianban = (await actAs("bianban"))!;
    const chengguanId = await unitId("示例市城市管理综合执法局");
    const all = await registerEntries(bianban, {});
    const refusedByDept = await registerEntries(bianban, { departmentId: chengguanId, status: "REFUSED", year: 2026 });
    expect(refusedByDept.total).toBeGreaterThan(0);
    expect(refusedByDept.total).toBeLessThan(all.total);
    expect(refusedByDept.rows.every((r) => r.departmentName === "示例市城市管理综合执法局" && r.status === "REFUSED" && r.receivedOn.getUTCFullYear() === 2026)).toBe(true);
    expect((await registerEntries(bianban, { year: 2001 })).total).toBe(0);
    const community = await unitId("东湖桂花社区");
    expect((await registerEntries(bianban, { unitId: community })).rows.every((r) => r.unit.name === "东湖桂花社区")).toBe(true);
    // A department sees only the tasks it handed down.
    const dept = (await actAs("chengguan"))!;
    const own = await registerEntries(dept, {});
    expect(own.total).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.departmentName === "示例市城市管理综合执法局")).toBe(true);
    expect((await registerFilterOptions(dept)).departments.map((d) => d.name)).toEqual(["示例市城市管理综合执法局"]);
  });

  it("exports the filtered register as .xlsx", async () => {
    await actAs("bianban");
    const res = await exportRegister(new Request(`http://localhost/refusals/export?status=REFUSED&departmentId=${await unitId("示例市城市管理综合执法局")}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("任务登记簿")!;
    expect(String(sheet.getCell(2, 1).value)).toContain("已拒绝");
    expect(String(sheet.getCell(3, 4).value)).toBe("任务名称");
    expect(String(sheet.getCell(4, 3).value)).toBe("示例市城市管理综合执法局");
    expect(String(sheet.getCell(4, 7).value)).toBe("已拒绝");
    await actAs("sifa");
    expect((await exportRegister(new Request("http://localhost/refusals/export"))).status).toBe(403);
  });
});
