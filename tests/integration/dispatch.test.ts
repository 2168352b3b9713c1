import { describe, expect, it } from "vitest";
import { acceptCaseAction, handleCaseAction, reportCaseAction, escalateCaseAction, forwardCaseAction, rerouteCaseAction } from "@/lib/dispatch/actions";
import { acceptDueDay } from "@/lib/dispatch/state";
import { loadCalendarFrom } from "@/lib/calendar/load";
import { statsByUnit } from "@/lib/dispatch/queries";
import { can } from "@/lib/auth/policy";
import { actAs, prisma, unitId } from "./helpers";


describe("dispatch", () => {
  it("a street reports; the department accepts within 3 working days and handles; the street is informed", async () => {
    const jiedao = (await actAs("jiedao"))!;
    const cg = await unitId("示例市城市管理综合执法局");
    const noWhere = await reportCaseAction({ departmentId: cg, title: "违建", location: "", foundAt: "2026-01-05T09:00", description: "x", files: [] });
    expect(noWhere).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { location: "请填写发生地点" } });
    const foundAt = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date(Date.now() - 3 * 86_400_000)).replace(" ", "T");
    const r = await reportCaseAction({ departmentId: cg, title: "违法搭建", location: "桂花路 3 号", foundAt, description: "三天前发现。", files: [] });
    if (!r.ok) throw new Error(r.message);
    expect(r.data.reportLate).toBe(true);
    const d = await prisma.dispatch.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(d.acceptDueOn!.toISOString().slice(0, 10)).toBe(r.data.acceptDueOn);

    // The street cannot accept its own report; another department cannot either.
    expect(await acceptCaseAction({ id: d.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const other = await prisma.user.create({ data: { username: "weijian1", displayName: "卫健测试", unitId: await unitId("示例市卫生健康委员会"), roles: ["DEPARTMENT"], passwordHash: "x" } });
    await actAs(other.username);
    expect(await acceptCaseAction({ id: d.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    await actAs("chengguan");
    expect(await handleCaseAction({ id: d.id, result: "已拆除" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await acceptCaseAction({ id: d.id, note: "已安排" })).ok).toBe(true);
    expect(await handleCaseAction({ id: d.id, result: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await handleCaseAction({ id: d.id, result: "已拆除并罚款" })).ok).toBe(true);
    const done = await prisma.dispatch.findUniqueOrThrow({ where: { id: d.id }, include: { events: true } });
    expect(done.status).toBe("HANDLED");
    expect(done.events.map((e) => e.kind)).toEqual(["report", "accept", "handle"]);
    expect(await prisma.notification.count({ where: { userId: jiedao.id, title: "案件已办结：违法搭建" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { subjectType: "dispatch", subjectId: String(d.id) } })).toBe(3);
  });

  it("a department forwards a complaint; the street hands up what it cannot handle", async () => {
    await actAs("chengguan");
    const f = await forwardCaseAction({ streetId: await unitId("东湖街道办事处"), title: "噪声扰民", location: "荷塘小区", description: "夜间施工", replyWorkdays: 5 });
    if (!f.ok) throw new Error(f.message);
    await actAs("shequ");
    expect((await escalateCaseAction({ id: f.data.id, reason: "无执法权" })).ok).toBe(false);
    await actAs("jiedao");
    const e = await escalateCaseAction({ id: f.data.id, reason: "涉及行政处罚，街道无执法权" });
    expect(e.ok).toBe(true);
    expect((await prisma.dispatch.findUniqueOrThrow({ where: { id: f.data.id } })).status).toBe("ESCALATED");
  });

  it("a department passes a wrongly sent case to the right department: deadline restarted, recorded, audited, notified", async () => {
    const jiedao = (await actAs("jiedao"))!;
    const cg = await unitId("示例市城市管理综合执法局");
    const wj = await unitId("示例市卫生健康委员会");
    const r = await reportCaseAction({ departmentId: cg, title: "小诊所无证行医", location: "荷塘路 8 号", foundAt: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T"), description: "居民反映。", files: [] });
    if (!r.ok) throw new Error(r.message);
    const id = r.data.id;
    // Reported long ago: its acceptance deadline has passed.
    await prisma.dispatch.update({ where: { id }, data: { acceptDueOn: new Date("2026-01-05T00:00:00Z") } });
    const newcomer = await prisma.user.create({ data: { username: "weijian-reroute", displayName: "卫健改派测试", unitId: wj, roles: ["DEPARTMENT"], passwordHash: "x" } });

    // The street, and a department the case is not at, cannot re-route it.
    expect(await rerouteCaseAction({ id, departmentId: wj, reason: "应由卫健委办理" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(newcomer.username);
    expect(await rerouteCaseAction({ id, departmentId: wj, reason: "应由卫健委办理" })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const chengguan = (await actAs("chengguan"))!;
    expect(await rerouteCaseAction({ id, departmentId: wj, reason: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: expect.any(String) } });
    expect(await rerouteCaseAction({ id, departmentId: cg, reason: "应由卫健委办理" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { departmentId: expect.stringContaining("其他部门") } });
    expect(await rerouteCaseAction({ id, departmentId: await unitId("示例市人民政府"), reason: "应由政府办理" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await rerouteCaseAction({ id, departmentId: await unitId("东湖街道办事处"), reason: "应由街道办理" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await prisma.dispatch.findUniqueOrThrow({ where: { id } })).departmentId).toBe(cg);

    const moved = await rerouteCaseAction({ id, departmentId: wj, reason: "无证行医属卫生健康部门职责" });
    if (!moved.ok) throw new Error(moved.message);
    const expectedDue = acceptDueDay(new Date(), await loadCalendarFrom(prisma));
    expect(moved.data).toMatchObject({ acceptDueOn: expectedDue, departmentName: "示例市卫生健康委员会" });
    const after = await prisma.dispatch.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(after).toMatchObject({ departmentId: wj, status: "REPORTED" });
    expect(after.acceptDueOn!.toISOString().slice(0, 10)).toBe(expectedDue);
    expect(after.events.map((e) => e.kind)).toEqual(["report", "reroute"]);
    expect(after.events[1]).toMatchObject({ actorUnitName: "示例市城市管理综合执法局" });
    expect(after.events[1].note).toContain("由示例市城市管理综合执法局改派示例市卫生健康委员会");
    expect(after.events[1].note).toContain("无证行医属卫生健康部门职责");
    expect(after.events[1].note).toContain(expectedDue);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "dispatch.reroute", subjectId: String(id) } });
    expect(audit.before).toMatchObject({ departmentId: cg, acceptDueOn: "2026-01-05" });
    expect(audit.after).toMatchObject({ departmentId: wj, acceptDueOn: expectedDue, reason: "无证行医属卫生健康部门职责" });
    // The new department is told (with a link to the case), the street informed.
    expect(await prisma.notification.findFirst({ where: { userId: newcomer.id, href: `/dispatch/${id}` } })).toMatchObject({ title: "示例市城市管理综合执法局改派案件：小诊所无证行医" });
    expect(await prisma.notification.count({ where: { userId: jiedao.id, href: `/dispatch/${id}`, title: { startsWith: "案件已改派" } } })).toBe(1);

    // The old department no longer reads or acts on it; the new one accepts it.
    const subject = { type: "dispatch" as const, streetId: after.streetId, departmentId: after.departmentId, status: after.status, direction: after.direction };
    expect(can(chengguan, "dispatch.read", subject)).toBe(false);
    expect(await acceptCaseAction({ id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rerouteCaseAction({ id, departmentId: cg, reason: "再改回来" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(newcomer.username);
    expect((await acceptCaseAction({ id, note: "已安排卫生监督所" })).ok).toBe(true);
    // Once accepted, it can no longer be re-routed.
    expect(await rerouteCaseAction({ id, departmentId: cg, reason: "改派测试" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("departments and streets see their own statistics, by year or by period; 编办 sees every unit", async () => {
    const year = new Date().getFullYear();
    const wholeYear = { from: `${year}-01-01`, to: `${year}-12-31` };
    const bianban = (await actAs("bianban"))!;
    const all = await statsByUnit(wholeYear, bianban);
    expect(new Set(all.map((r) => r.unitId)).size).toBeGreaterThan(2);
    for (const username of ["chengguan", "jiedao"]) {
      const user = (await actAs(username))!;
      expect(can(user, "dispatch.stats"), username).toBe(true);
      const mine = await statsByUnit(wholeYear, user);
      expect(mine.length, username).toBeGreaterThan(0);
      expect(mine.every((r) => r.unitId === user.unitId), username).toBe(true);
      expect(mine[0].cases).toBe(all.find((r) => r.unitId === user.unitId && r.side === mine[0].side)!.cases);
    }
    // A period with no cases.
    expect(await statsByUnit({ from: "2001-01-01", to: "2001-01-31" }, bianban)).toEqual([]);
    expect(can((await actAs("shequ"))!, "dispatch.stats")).toBe(false);
  });

  it("a forwarded complaint carries the street's local duty and attachments", async () => {
    const duty = await prisma.localDuty.findFirstOrThrow({ where: { active: true, departmentId: { not: null }, unit: { kind: { in: ["STREET", "TOWNSHIP"] } } }, select: { id: true, unitId: true, departmentId: true, name: true } });
    const other = await prisma.orgUnit.findFirstOrThrow({ where: { kind: { in: ["STREET", "TOWNSHIP"] }, id: { not: duty.unitId } } });
    const user = await prisma.user.create({ data: { username: "zhuanjiao1", displayName: "转交测试", unitId: duty.departmentId!, roles: ["DEPARTMENT"], passwordHash: "x" } });
    await actAs(user.username);
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "投诉材料.pdf", { type: "application/pdf" });
    const base = { title: "转交带事项", location: "x", description: "x", replyWorkdays: 5 };
    // A duty of another street's list is refused.
    expect(await forwardCaseAction({ ...base, streetId: other.id, localDutyId: duty.id })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { localDutyId: expect.any(String) } });
    const f = await forwardCaseAction({ ...base, streetId: duty.unitId, localDutyId: duty.id, files: [pdf] });
    if (!f.ok) throw new Error(f.message);
    const kase = await prisma.dispatch.findUniqueOrThrow({ where: { id: f.data.id }, include: { attachments: true } });
    expect(kase.localDutyId).toBe(duty.id);
    expect(kase.attachments.map((a) => [a.fileName, a.mime])).toEqual([["投诉材料.pdf", "application/pdf"]]);
  });
});
