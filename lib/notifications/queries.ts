import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";

export async function notificationsOf(userId: number, take = 50) {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take, select: { id: true, title: true, body: true, href: true, createdAt: true, readAt: true } }),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { rows, unread };
}

/** Unread notifications appear on the 工作台 (at most five; the rest behind the link). */
export async function notificationTodos(user: SessionUser): Promise<TodoItem[]> {
  const rows = await prisma.notification.findMany({ where: { userId: user.id, readAt: null }, orderBy: { id: "desc" }, take: 5, select: { title: true, href: true } });
  return rows.map((r) => ({ area: "通知", title: r.title, href: "/evaluation/notifications" }));
}
