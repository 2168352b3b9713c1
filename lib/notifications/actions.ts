"use server";

import { defineAction } from "@/lib/action";
import { markReadSchema } from "./schema";

/** Marks the user's own notifications read (all unread when no ids are given). */
export const markNotificationsReadAction = defineAction({
  schema: markReadSchema,
  permission: "notification.read",
  run: async (input, { tx, user, audit }) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: user.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    await audit({ action: "notification.read", subjectType: "user", subjectId: user.id, after: { count } });
    return { count };
  },
  revalidate: ["/workspace", "/notifications"],
});
