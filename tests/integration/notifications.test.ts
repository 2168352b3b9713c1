import { describe, expect, it } from "vitest";
import { escalateCaseAction, forwardCaseAction, reportCaseAction } from "@/lib/dispatch/actions";
import { remindOverdueCases, runOverdueCheck } from "@/lib/dispatch/commands";
import { notifyUnits } from "@/lib/notifications/commands";
import { notificationTodos, notificationsOf, unreadCount } from "@/lib/notifications/queries";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { todosFor } from "@/lib/todo";
import { actAs, prisma, unitId } from "./helpers";


const DAY = 86_400_000;

/** Beijing wall-clock "YYYY-MM-DDTHH:mm", as a datetime-local field sends it. */
const localNow = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(new Date()).replace(" ", "T");

describe("notifications lead to their object", () => {
  it("a dispatch notification opens the case, on 工作台 and in the list, not the notification list", async () => {
    await actAs("jiedao");
    const r = await reportCaseAction({ departmentId: await unitId("示例市城市管理综合执法局"), title: "占道经营（通知链接）", location: "桂花路", foundAt: localNow(), description: "x", files: [] });
    if (!r.ok) throw new Error(r.message);
    const chengguan = (await actAs("chengguan"))!;
    const todos = await notificationTodos(chengguan);
    const mine = todos.find((t) => t.title.includes("占道经营（通知链接）"));
    expect(mine?.href).toBe(`/dispatch/${r.data.id}`);
    expect(mine?.notificationId).toBeTypeOf("number");
    const { rows } = await notificationsOf(chengguan.id);
    expect(rows.find((n) => n.title.includes("占道经营（通知链接）"))?.target).toBe(`/dispatch/${r.data.id}`);
  });

  it("an old row without a usable link opens the notification list", async () => {
    const shequ = (await actAs("shequ"))!;
    await prisma.notification.createMany({
      data: [
        { userId: shequ.id, title: "旧通知（无链接）", body: "x", href: null },
        { userId: shequ.id, title: "旧通知（外部链接）", body: "x", href: "https://example.org/x" },
      ],
    });
    const todos = await notificationTodos(shequ);
    for (const title of ["旧通知（无链接）", "旧通知（外部链接）"]) expect(todos.find((t) => t.title === title)?.href).toBe("/evaluation/notifications");
  });

  it("a notification must name a path inside the app", async () => {
    const cg = await unitId("示例市城市管理综合执法局");
    await expect(prisma.$transaction((tx) => notifyUnits(tx, [cg], { title: "t", body: "b", href: "https://example.org" as `/${string}` }))).rejects.toThrow(/href/);
  });
});

describe("工作台 and the notification list count the same unread notifications", () => {
  it("with more unread than 工作台 lists one by one, and after one is opened", async () => {
    const user = await prisma.user.create({ data: { username: "tongzhi1", displayName: "通知测试", unitId: await unitId("东湖街道办事处"), roles: ["STREET"], passwordHash: "x" } });
    await prisma.notification.createMany({ data: Array.from({ length: 8 }, (_, i) => ({ userId: user.id, title: `测试通知 ${i + 1}`, body: "x", href: `/dispatch/${i + 1}` })) });
    const me = (await actAs(user.username))!;
    const onWorkspace = async () => (await todosFor(me)).filter((t) => t.area === "通知").reduce((n, t) => n + (t.count ?? 1), 0);
    expect((await notificationsOf(me.id)).unread).toBe(8);
    expect(await onWorkspace()).toBe(8);
    const first = (await notificationTodos(me)).find((t) => t.notificationId != null)!;
    expect((await markNotificationsReadAction({ ids: [first.notificationId!] })).ok).toBe(true);
    expect(await unreadCount(me.id)).toBe(7);
    expect((await notificationsOf(me.id)).unread).toBe(7);
    expect(await onWorkspace()).toBe(7);
  });
});

describe("overdue dispatched cases", () => {
  /** Overdue notices of a case to the demo accounts of the street and the department. */
  const notes = async (caseId: number) => {
    const users = await prisma.user.findMany({ where: { username: { in: ["jiedao", "chengguan"] } }, select: { id: true } });
    return prisma.notification.findMany({ where: { href: `/dispatch/${caseId}`, title: { contains: "逾期" }, userId: { in: users.map((u) => u.id) } }, select: { userId: true, title: true } });
  };

  it("remind the handler and tell the sender, once per case and overdue step", async () => {
    await actAs("jiedao");
    const r = await reportCaseAction({ departmentId: await unitId("示例市城市管理综合执法局"), title: "超时测试", location: "桂花路", foundAt: localNow(), description: "x", files: [] });
    if (!r.ok) throw new Error(r.message);
    const chengguan = await prisma.user.findUniqueOrThrow({ where: { username: "chengguan" } });
    const jiedao = await prisma.user.findUniqueOrThrow({ where: { username: "jiedao" } });

    // Not yet due: nothing.
    await runOverdueCheck();
    expect(await notes(r.data.id)).toEqual([]);

    // The day after the due day: the department is reminded, the street told; once.
    const due = new Date(`${r.data.acceptDueOn}T12:00:00+08:00`);
    const later = new Date(due.getTime() + 2 * DAY);
    await runOverdueCheck(later);
    await runOverdueCheck(later);
    await prisma.$transaction((tx) => remindOverdueCases(tx, new Date(later.getTime() + DAY)));
    const sent = await notes(r.data.id);
    expect(sent.filter((n) => n.userId === chengguan.id).map((n) => n.title)).toEqual(["案件已逾期，请尽快接收移交：超时测试"]);
    expect(sent.filter((n) => n.userId === jiedao.id).map((n) => n.title)).toEqual(["示例市城市管理综合执法局逾期未接收移交：超时测试"]);
    const kase = await prisma.dispatch.findUniqueOrThrow({ where: { id: r.data.id }, include: { events: true } });
    expect(kase.events.filter((e) => e.kind === "overdue")).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: "dispatch.overdue", subjectId: String(r.data.id) } })).toBe(1);
  });

  it("a forwarded complaint the street did not answer, then escalated late: each overdue step is reminded once", async () => {
    await actAs("chengguan");
    const f = await forwardCaseAction({ streetId: await unitId("东湖街道办事处"), title: "超时转交测试", location: "荷塘小区", description: "x", replyWorkdays: 1 });
    if (!f.ok) throw new Error(f.message);
    const kase = await prisma.dispatch.findUniqueOrThrow({ where: { id: f.data.id } });
    const afterReply = new Date(kase.replyDueOn!.getTime() + 3 * DAY);
    await runOverdueCheck(afterReply);
    await runOverdueCheck(afterReply);
    expect((await notes(f.data.id)).map((n) => n.title).sort()).toEqual(["东湖街道办事处逾期未办结回复：超时转交测试", "案件已逾期，请尽快办结回复：超时转交测试"].sort());

    // Handed up: a new step with its own due day; overdue again later, reminded again (once).
    await actAs("jiedao");
    expect((await escalateCaseAction({ id: f.data.id, reason: "无执法权" })).ok).toBe(true);
    const escalated = await prisma.dispatch.findUniqueOrThrow({ where: { id: f.data.id } });
    const afterAccept = new Date(escalated.acceptDueOn!.getTime() + 3 * DAY);
    await runOverdueCheck(afterAccept);
    await runOverdueCheck(afterAccept);
    expect(await notes(f.data.id)).toHaveLength(4);
  });
});
