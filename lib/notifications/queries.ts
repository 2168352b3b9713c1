import "server-only";
import { prisma } from "@/lib/db/client";

export async function notificationsOf(userId: number, take = 50) {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take, select: { id: true, title: true, body: true, href: true, createdAt: true, readAt: true } }),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { rows, unread };
}
