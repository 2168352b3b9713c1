import "server-only";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import { NOTIFICATIONS_PAGE, notificationTarget } from "./href";

/** Unread notifications: the one count the notification list and 工作台 both show. */
export async function unreadCount(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The user's notifications, newest first, each with the link it opens. */
export async function notificationsOf(userId: number, take = 50) {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take, select: { id: true, title: true, body: true, href: true, createdAt: true, readAt: true } }),
    unreadCount(userId),
  ]);
  return { rows: rows.map((r) => ({ ...r, target: notificationTarget(r.href) })), unread };
}

/** How many unread notifications 工作台 lists one by one; the rest are one line with their count. */
export const TODO_NOTIFICATIONS = 5;

/**
 * Unread notifications on 工作台: the newest few, each opening its own object (and marked read
 * when opened), and one line counting the others, so 工作台 accounts for every unread one.
 */
export async function notificationTodos(user: SessionUser): Promise<TodoItem[]> {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({ where: { userId: user.id, readAt: null }, orderBy: { id: "desc" }, take: TODO_NOTIFICATIONS, select: { id: true, title: true, href: true } }),
    unreadCount(user.id),
  ]);
  const items: TodoItem[] = rows.map((r) => ({ area: "通知", title: r.title, href: notificationTarget(r.href), notificationId: r.id }));
  const more = unread - rows.length;
  if (more > 0) items.push({ area: "通知", title: `另有 ${more} 条未读通知`, href: NOTIFICATIONS_PAGE, count: more });
  return items;
}
