import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { sameOriginPath } from "@/lib/auth/redirect";
import type { NotificationHref } from "./href";

export type { NotificationHref } from "./href";

/** A notification: what happened, and the object it opens (required: every notification leads somewhere). */
export type NotificationInput = { title: string; body: string; href: NotificationHref };

/**
 * One notification to every active account of the given units (only those holding one of `roles`
 * when given), inside the caller's transaction.
 */
export async function notifyUnits(tx: Tx, unitIds: number[], n: NotificationInput, roles?: Role[]) {
  // The type asks for a path; this refuses one that would not open inside the app.
  if (!sameOriginPath(n.href)) throw new Error(`notification href must be a path inside the app: ${n.href}`);
  if (!unitIds.length) return 0;
  const users = await tx.user.findMany({
    where: { unitId: { in: unitIds }, active: true, ...(roles ? { roles: { hasSome: roles } } : {}) },
    select: { id: true },
  });
  if (!users.length) return 0;
  await tx.notification.createMany({ data: users.map((u) => ({ userId: u.id, title: n.title, body: n.body, href: n.href })) });
  return users.length;
}
