"use server";

import { defineAction } from "@/lib/action";
import type { Tx } from "@/lib/db/client";
import { acceptTask, refuseTask, registerTask } from "./commands";
import { acceptSchema, refuseSchema, registerTaskSchema } from "./schema";

export const registerTaskAction = defineAction({ schema: registerTaskSchema, permission: "refusal.register", run: registerTask, revalidate: ["/refusals"] });
// A street or community decides only the tasks in its own register.
const task = async (input: { id: number }, tx: Tx) => {
  const t = await tx.taskRegisterEntry.findUnique({ where: { id: input.id }, select: { unitId: true } });
  return t ? { type: "task" as const, unitId: t.unitId } : false;
};
export const refuseTaskAction = defineAction({ schema: refuseSchema, permission: "refusal.refuse", subject: task, run: refuseTask, revalidate: ["/refusals"] });
export const acceptTaskAction = defineAction({ schema: acceptSchema, permission: "refusal.refuse", subject: task, run: acceptTask, revalidate: ["/refusals"] });
