import type { Tx } from "@/lib/db/client";

export type NotificationInput = { title: string; body: string; href?: string | null };

/** One notification to every active account of the given units, inside the caller's transaction. */
export async function notifyUnits(tx: Tx, unitIds: number[], n: NotificationInput, roles?: ("STREET" | "DEPARTMENT")[]) {
  if (!unitIds.length) return 0;
  const users = await tx.user.findMany({
    where: { unitId: { in: unitIds }, active: true, ...(roles ? { roles: { hasSome: roles } } : {}) },
    select: { id: true },
  });
  if (!users.length) return 0;
  await tx.notification.createMany({ data: users.map((u) => ({ userId: u.id, title: n.title, body: n.body, href: n.href ?? null })) });
  return users.length;
}
