import { beforeAll, describe, expect, it } from "vitest";
import { reportCaseAction } from "@/lib/dispatch/actions";
import { notifyUnits } from "@/lib/notifications/commands";
import { notificationTodos, notificationsOf, unreadCount } from "@/lib/notifications/queries";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { todosFor } from "@/lib/todo";
import { actAs, prisma, seedDemo, SEED_TIMEOUT, unitId } from "./helpers";

beforeAll(() => seedDemo(), SEED_TIMEOUT);

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
