"use server";

import { defineAction } from "@/lib/action";
import { acceptTask, refuseTask, registerTask } from "./commands";
import { acceptSchema, refuseSchema, registerTaskSchema } from "./schema";

export const registerTaskAction = defineAction({ schema: registerTaskSchema, permission: "refusal.register", run: registerTask, revalidate: ["/refusals"] });
export const refuseTaskAction = defineAction({ schema: refuseSchema, permission: "refusal.refuse", run: refuseTask, revalidate: ["/refusals"] });
export const acceptTaskAction = defineAction({ schema: acceptSchema, permission: "refusal.refuse", run: acceptTask, revalidate: ["/refusals"] });
