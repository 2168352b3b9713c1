import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { prisma, actAs, unitId } from "./helpers";
import { ownerSql } from "./database";
import { defineAction } from "@/lib/action";
import { z } from "zod";
import { auditForExport, listAudit } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/audit/schema";
import { describeChanges, isKnownField } from "@/lib/audit/render";
import { auditActionLabel, isAuditAction } from "@/lib/audit/events";
import { auditWorkbook } from "@/lib/audit/export";
import { updateUnitAction } from "@/lib/units/actions";
import { GET as exportGET } from "@/app/api/audit/export/route";


describe("audit log", () => {
  it("is append-only: the database refuses update, delete and truncate", async () => {
    const row = await prisma.auditLog.create({ data: { action: "test.append" } });
    // The app's role has no such rights; the trigger refuses even the owner.
    await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: "test.changed" } })).rejects.toThrow(/permission denied/);
    await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`UPDATE audit_log SET action = 'test.changed' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ action: "test.append" });
  });

  it("is written in the same transaction as the change: a failing command leaves neither", async () => {
    await actAs("admin");
    const unit = await unitId("北门街道办事处");
    const failing = defineAction({
      schema: z.object({ name: z.string() }),
      permission: "unit.manage",
      run: async (input, ctx) => {
        await ctx.tx.orgUnit.update({ where: { id: unit }, data: { name: input.name } });
        await ctx.audit({ action: "unit.rename", subjectType: "unit", subjectId: unit });
        throw new Error("boom after writing");
      },
    });
    const auditsBefore = await prisma.auditLog.count();
    const r = await failing({ name: "不应保存" });
    expect(r).toMatchObject({ ok: false, code: "INTERNAL" });
    expect((await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit } })).name).toBe("北门街道办事处");
    expect(await prisma.auditLog.count()).toBe(auditsBefore);
  });
});

describe("audit log page queries and export", () => {
  // Rows of one made-up actor, so the filters are checked against a known set.
  const actor = "审计筛选测试员";
  const at = (iso: string) => new Date(iso);
  beforeAll(async () => {
    const unit = await unitId("示例市城市管理综合执法局");
    const base = { actorName: actor, unitId: unit, unitName: "示例市城市管理综合执法局", actorRoles: "DEPARTMENT" };
    await prisma.auditLog.createMany({
      data: [
        // 2026-03-01 23:30 in Beijing is 15:30 UTC the same day.
        { ...base, at: at("2026-03-01T15:30:00Z"), action: "dispatch.accept", subjectType: "dispatch", subjectId: "1", before: { status: "REPORTED" }, after: { status: "ACCEPTED", note: "已安排中队核查。" } },
        // 2026-03-02 00:30 in Beijing is still 03-01 in UTC: it belongs to 03-02.
        { ...base, at: at("2026-03-01T16:30:00Z"), action: "security.denied", subjectType: "powerList", subjectId: "5", outcome: "DENIED" },
        { ...base, at: at("2026-03-05T02:00:00Z"), action: "security.notFound", subjectType: "dispatch", subjectId: "999", outcome: "NOT_FOUND" },
        { ...base, at: at("2026-03-06T02:00:00Z"), action: "account.changePassword.failed", subjectType: "user", subjectId: "1", outcome: "FAILED" },
        { ...base, at: at("2026-03-07T02:00:00Z"), action: "dispatch.handle", subjectType: "dispatch", subjectId: "1", before: { status: "ACCEPTED" }, after: { status: "HANDLED", result: "已办结" } },
      ],
    });
  });
  const query = (params: Record<string, string>) => listAudit(auditFilterSchema.parse({ actor, ...params }));

  it("filters by outcome: one kind, or every security event", async () => {
    expect((await query({ outcome: "DENIED" })).rows.map((r) => r.action)).toEqual(["security.denied"]);
    expect((await query({ outcome: "PROBLEM" })).rows.map((r) => r.action)).toEqual(["account.changePassword.failed", "security.notFound", "security.denied"]);
    expect((await query({ outcome: "SUCCESS" })).total).toBe(2);
    // An unknown outcome is no filter, not an error.
    expect((await query({ outcome: "MAYBE" })).total).toBe(5);
  });

  it("filters by area (every action of the area) and by a single action", async () => {
    expect((await query({ area: "dispatch" })).rows.map((r) => r.action)).toEqual(["dispatch.handle", "dispatch.accept"]);
    expect((await query({ area: "security" })).total).toBe(2);
    expect((await query({ area: "auth" })).rows.map((r) => r.action)).toEqual(["account.changePassword.failed"]);
    expect((await query({ area: "dispatch", action: "dispatch.accept" })).total).toBe(1);
    expect((await query({ area: "admission" })).total).toBe(0);
  });

  it("filters by Beijing calendar days, both ends included", async () => {
    expect((await query({ from: "2026-03-01", to: "2026-03-01" })).rows.map((r) => r.action)).toEqual(["dispatch.accept"]);
    expect((await query({ from: "2026-03-02", to: "2026-03-05" })).rows.map((r) => r.action)).toEqual(["security.notFound", "security.denied"]);
    expect((await query({ from: "2026-03-06" })).total).toBe(2);
    expect((await query({ to: "2026-03-01" })).total).toBe(1);
  });

  it("filters by the actor's unit together with the other filters", async () => {
    const other = await unitId("东湖街道办事处");
    expect((await query({ unitId: String(other) })).total).toBe(0);
    expect((await query({ unitId: String(await unitId("示例市城市管理综合执法局")), outcome: "FAILED" })).total).toBe(1);
  });

  it("renders a real command's entry field by field in Chinese", async () => {
    await actAs("admin");
    const id = await unitId("北门街道办事处");
    const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id } });
    const r = await updateUnitAction({ id, name: unit.name, shortName: `${unit.shortName ?? ""}改`, code: unit.code ?? "", jointMeetingMember: unit.jointMeetingMember });
    expect(r).toMatchObject({ ok: true });
    const { rows } = await listAudit(auditFilterSchema.parse({ area: "unit", subjectType: "unit", subjectId: String(id) }));
    expect(rows[0]).toMatchObject({ action: "unit.update", outcome: "SUCCESS", actorName: expect.any(String) });
    expect(describeChanges(rows[0].before, rows[0].after, rows[0].subjectType)).toContainEqual({ key: "shortName", label: "简称", before: unit.shortName ?? "（空）", after: `${unit.shortName ?? ""}改` });
  });

  it("exports the filtered log as .xlsx with Chinese headers and readable changes, for audit readers only", async () => {
    await actAs("chengguan");
    expect((await exportGET(new Request("http://localhost/api/audit/export"))).status).toBe(403);
    await actAs(null);
    expect((await exportGET(new Request("http://localhost/api/audit/export"))).status).toBe(401);

    await actAs("bianban");
    const res = await exportGET(new Request(`http://localhost/api/audit/export?actor=${encodeURIComponent(actor)}&area=dispatch`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("审计日志"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("审计日志")!;
    expect(sheet.getCell("A1").value).toBe("审计日志");
    expect(String(sheet.getCell("A2").value)).toContain("业务领域：双向派单");
    expect(String(sheet.getCell("A2").value)).toContain("共 2 条");
    expect(sheet.getRow(3).values).toEqual([undefined, "时间", "操作人", "角色", "单位", "业务领域", "操作", "结果", "对象", "变更内容", "来源地址", "浏览器"]);
    const rows = [4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows[0].slice(1, 9)).toEqual([actor, "部门", "示例市城市管理综合执法局", "双向派单", "部门办结并告知街道", "成功", "派单 #1", "状态：部门办理中 → 已办结，已告知街道\n办理结果：（空） → 已办结"]);
    expect(rows[1][5]).toBe("部门接收派单");
    expect(sheet.getRow(6).values).toEqual([]);

    const denied = await exportGET(new Request(`http://localhost/api/audit/export?actor=${encodeURIComponent(actor)}&outcome=PROBLEM`));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await denied.arrayBuffer()) as unknown as ArrayBuffer);
    const outcomes = [4, 5, 6].map((n) => wb2.getWorksheet("审计日志")!.getRow(n).getCell(7).value);
    expect(outcomes).toEqual(["失败", "不存在", "拒绝"]);
  });

  it("names every action and every changed field the demo city's history writes", async () => {
    const rows = await prisma.auditLog.findMany({ where: { actorName: { not: actor } }, select: { action: true, subjectType: true, before: true, after: true } });
    expect(rows.length).toBeGreaterThan(100);
    const unknownActions = new Set(rows.map((r) => r.action).filter((a) => !isAuditAction(a) && !a.startsWith("test.")));
    expect([...unknownActions]).toEqual([]);
    const unknownFields = new Set<string>();
    for (const r of rows) {
      for (const c of describeChanges(r.before, r.after, r.subjectType)) {
        if (c.key && !/^\d+$/.test(c.key) && !isKnownField(c.key, r.subjectType)) unknownFields.add(`${auditActionLabel(r.action)}: ${c.key}`);
      }
    }
    expect([...unknownFields]).toEqual([]);
  });

  it("caps an export and says so in the sheet", async () => {
    const { rows } = await auditForExport(auditFilterSchema.parse({ actor }));
    const body = await auditWorkbook(rows.slice(0, 2), { description: "全部记录", truncated: true, limit: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(String(workbook.getWorksheet("审计日志")!.getCell("A2").value)).toContain("只导出了最新的 2 条");
  });
});
