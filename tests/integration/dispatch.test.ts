import { beforeAll, describe, expect, it } from "vitest";
import { acceptCaseAction, handleCaseAction, reportCaseAction, escalateCaseAction, forwardCaseAction } from "@/lib/dispatch/actions";
import { statsByUnit } from "@/lib/dispatch/queries";
import { can } from "@/lib/auth/policy";
import { actAs, prisma, seedDemo, SEED_TIMEOUT, unitId } from "./helpers";

beforeAll(() => seedDemo(), SEED_TIMEOUT);

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
